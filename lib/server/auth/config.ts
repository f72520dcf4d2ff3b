import "server-only";
import { randomUUID } from "node:crypto";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { verifyPassword } from "./password";
import { authSecret } from "./secret";
import { checkThrottle, clearThrottle, clientAddress, recordFailure, throttleKeys } from "./throttle";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class Throttled extends CredentialsSignin {
  code = "throttled";
}

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const { email, password } = parsed.data;
        const keys = throttleKeys(email, clientAddress(request.headers));
        if ((await checkThrottle(keys)).locked) throw new Throttled();
        const user = await db.user.findUnique({ where: { email } });
        const ok = !!user?.active && !!user.passwordHash && (await verifyPassword(password, user.passwordHash));
        if (!ok || !user) {
          await recordFailure(keys);
          throw new InvalidCredentials();
        }
        await clearThrottle(keys[0]);
        return { id: user.id, email: user.email, name: user.name };
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

const config = (): NextAuthConfig => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: env.PILLARS_SESSION_HOURS * 3600 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // A wrong password is an expected outcome (throttled and answered on the form), not a server error to log.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: providers(),
  callbacks: {
    // Single sign-on admits only people an admin has already added (matched by verified email).
    async signIn({ user, account }) {
      if (!account || account.provider === "credentials") return true;
      const email = user.email?.toLowerCase();
      if (!email) return false;
      const known = await db.user.findUnique({ where: { email } });
      return !!known?.active;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const email = (user.email ?? "").toLowerCase();
        const known = await db.user.findUnique({ where: { email }, select: { id: true } });
        if (!known) return null;
        token.uid = known.id;
        token.sid = randomUUID();
        await db.user.update({ where: { id: known.id }, data: { lastSignInAt: new Date() } });
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sid: token.sid };
    },
  },
});

// Lazy: the secret and providers are read on the first request, never while building.
export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
