import type { Server } from "node:http";
import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1, for the single sign-on journeys.
 * Its development login form accepts any login and password: the login is the person's email, and the ID token
 * carries it as `email` (verified, unless the login is listed in `unverified`). One client, Pillars, with the
 * callback URL Auth.js uses.
 */
export interface TestOidcProvider {
  issuer: string;
  /** Logins whose email the provider reports as not verified. */
  unverified: Set<string>;
  close: () => Promise<void>;
}

export interface OidcClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export async function startOidcProvider(port: number, client: OidcClient): Promise<TestOidcProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const unverified = new Set<string>();
  const provider = new Provider(issuer, {
    clients: [{ client_id: client.clientId, client_secret: client.clientSecret, redirect_uris: [client.redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Auth.js reads the profile from the ID token, as most providers' tokens carry it.
    conformIdTokenClaims: false,
    cookies: { keys: ["pillars-e2e-oidc-cookie-key"] },
    async findAccount(_ctx, login) {
      return {
        accountId: login,
        async claims() {
          return { sub: login, email: login.toLowerCase(), email_verified: !unverified.has(login), name: login.split("@")[0] };
        },
      };
    },
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, "127.0.0.1", () => resolve(listening));
  });
  return {
    issuer,
    unverified,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
