import "server-only";
import { randomUUID } from "node:crypto";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import { decode, encode } from "next-auth/jwt";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { setUserLastSignIn, userActiveByEmail, userIdByEmail } from "@/lib/server/data/auth/users";
import { env } from "@/lib/server/env";
import { checkCredentials } from "./credentials";
import { authSecret } from "./secret";
import { SESSION_COOKIE_NAMES } from "./session-cookie";
import { isSessionLive, newSessionClaims, secondsLeft, type SessionClaims } from "./session-lifetime";
import { revokeSession, SESSION_LIFETIME_MS, sessionUserFor } from "./sessions";
import { clientAddress } from "./throttle";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
/** Carries how long to wait, for the sign-in form (the HTTP endpoint answers 429, see credentials-throttle.ts). */
export class Throttled extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const outcome = await checkCredentials(raw, clientAddress(request.headers), new Date());
        if (outcome.ok) return outcome.user;
        throw outcome.reason === "throttled" ? new Throttled(outcome.retryAfterSeconds) : new InvalidCredentials();
      },
    }),
  ];
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID) {
    list.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
    });
  }
  if (env.AUTH_GITHUB_ID) list.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  if (env.AUTH_GOOGLE_ID) list.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  return list;
}

/** Names of the configured single sign-on providers, for the sign-in page. */
export function ssoProviders(): { id: string; name: string }[] {
  const out: { id: string; name: string }[] = [];
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID) out.push({ id: "oidc", name: env.AUTH_OIDC_NAME });
  if (env.AUTH_GITHUB_ID) out.push({ id: "github", name: "GitHub" });
  if (env.AUTH_GOOGLE_ID) out.push({ id: "google", name: "Google" });
  return out;
}

const LIFETIME_SECONDS = Math.floor(SESSION_LIFETIME_MS / 1000);

/**
 * Auth.js re-issues the session cookie on every `/api/auth/session` call with the configured maxAge from now.
 * For that endpoint the maxAge is what the presented session has left, so the cookie never outlives the
 * session; everywhere else (signing in) it is the whole lifetime.
 */
async function cookieMaxAge(request: Request | undefined, now: Date): Promise<number> {
  if (!request || !new URL(request.url).pathname.endsWith("/api/auth/session")) return LIFETIME_SECONDS;
  const cookies = new Map((request.headers.get("cookie") ?? "").split(/;\s*/).map((c) => [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)] as const));
  for (const salt of SESSION_COOKIE_NAMES) {
    const value = cookies.get(salt);
    if (!value) continue;
    try {
      const claims = (await decode({ token: value, secret: authSecret(), salt })) as SessionClaims | null;
      if (claims) return Math.max(1, secondsLeft(claims, SESSION_LIFETIME_MS, now));
    } catch {
      // not a token of ours: Auth.js clears it
    }
  }
  return LIFETIME_SECONDS;
}

/**
 * `request` is set for Auth.js's own endpoints (/api/auth/*, a plain Request from the route, see
 * request-origin.ts), unset when the app reads the session in-process.
 */
const config = (request: Request | undefined, maxAge: number): NextAuthConfig => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge },
  // The token's own expiry is the session's absolute one, however often it is re-issued.
  jwt: { encode: (params) => encode({ ...params, maxAge: params.token?.authExp ? secondsLeft(params.token, SESSION_LIFETIME_MS, new Date()) : params.maxAge }) },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // A wrong password is an expected outcome (throttled and answered on the form), not a server error to log.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: providers(),
  events: {
    // Auth.js's own sign-out endpoint (and the app's sign-out, which goes through it) ends the session for good.
    async signOut(message) {
      if ("token" in message && message.token) await revokeSession(message.token, new Date());
    },
  },
  callbacks: {
    // Single sign-on admits only people an admin has already added, matched by an email the provider has not
    // marked unverified.
    async signIn({ user, account, profile }) {
      if (!account || account.provider === "credentials") return true;
      if (profile?.email_verified === false) return false;
      const email = user.email?.toLowerCase();
      if (!email) return false;
      const known = await userActiveByEmail(email);
      return !!known?.active;
    },
    async jwt({ token, user, account }) {
      const now = new Date();
      if (user && account) {
        const email = (user.email ?? "").toLowerCase();
        const known = await userIdByEmail(email);
        if (!known) return null;
        await setUserLastSignIn(known.id, now);
        return { ...token, ...newSessionClaims(known.id, randomUUID(), SESSION_LIFETIME_MS, now) };
      }
      if (!isSessionLive(token, SESSION_LIFETIME_MS, now)) return null;
      // Refreshing through /api/auth/session must not hand a signed-out or ended session a new cookie. The app's
      // in-process reads leave this to getCurrentUser, which reads the same rows once per request.
      if (request && !(await sessionUserFor(token, now))) return null;
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sid: token.sid, authAt: token.authAt, authExp: token.authExp };
    },
  },
});

// Lazy: the secret and providers are read on the first request, never while building.
export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => config(request, await cookieMaxAge(request, new Date())));
