import "server-only";
import { deleteRevokedSessionsExpiredBefore, insertRevokedSession, isSessionRevoked } from "@/lib/server/data/auth/sessions";
import { sessionUserRow, setSessionsValidAfter } from "@/lib/server/data/auth/users";
import type { Tx } from "@/lib/server/data/runner";
import { env } from "@/lib/server/env";
import { isSessionLive, sessionLifetimeMs, type SessionClaims } from "./session-lifetime";
import { sessionUserOf, type SessionUser } from "./session-user";

/**
 * Which sessions are still good. A session token is accepted only while it is within its absolute lifetime
 * (session-lifetime.ts), its user exists and is active, it was signed in no earlier than the user's
 * `sessionsValidAfter` (moved on a password change or reset, deactivation and role change: every session
 * before it ends, on every instance, for good) and its id was not signed out (`RevokedSession`, kept until
 * the session's own expiry, after which the lifetime check refuses it anyway).
 */
export const SESSION_LIFETIME_MS = sessionLifetimeMs(env.PILLARS_SESSION_HOURS);

export async function sessionUserFor(claims: SessionClaims, now: Date): Promise<SessionUser | null> {
  if (!claims.uid || !claims.sid || !isSessionLive(claims, SESSION_LIFETIME_MS, now)) return null;
  const [user, revoked] = await Promise.all([sessionUserRow(claims.uid), isSessionRevoked(claims.sid)]);
  if (!user || !user.active || revoked) return null;
  if (user.sessionsValidAfter && claims.authAt! < user.sessionsValidAfter.getTime()) return null;
  return sessionUserOf(user);
}

/** A user as a session would see them now, or null when they are gone or deactivated (a job acting for them). */
export async function activeSessionUser(userId: string): Promise<SessionUser | null> {
  const user = await sessionUserRow(userId);
  return user?.active ? sessionUserOf(user) : null;
}

/** Signs one session out everywhere: its id stays refused until the session would have ended anyway. */
export async function revokeSession(claims: SessionClaims, now: Date): Promise<void> {
  if (!claims.sid || typeof claims.authExp !== "number") return;
  const expiresAt = new Date(claims.authExp);
  await insertRevokedSession(claims.sid, expiresAt);
  await deleteRevokedSessionsExpiredBefore(now);
}

/** Ends every session the user has open now; signing in again afterwards starts a good one. */
export async function endUserSessions(userId: string, now: Date, tx?: Tx): Promise<void> {
  await setSessionsValidAfter(userId, now, tx);
}
