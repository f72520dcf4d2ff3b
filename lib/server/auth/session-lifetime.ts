/**
 * A session's absolute lifetime. The sign-in instant (`authAt`) and the expiry fixed at sign-in (`authExp`),
 * both in epoch milliseconds, travel in the session token; refreshing the token (Auth.js re-issues it on every
 * `/api/auth/session` call) copies them unchanged, so no refresh can push the end of a session further out.
 * A session ends at the earlier of its own `authExp` and `authAt` plus the lifetime configured now, so lowering
 * PILLARS_SESSION_HOURS shortens sessions already open and raising it never lengthens them.
 */
export interface SessionClaims {
  uid?: string;
  sid?: string;
  authAt?: number;
  authExp?: number;
}

export function sessionLifetimeMs(hours: number): number {
  return hours * 3_600_000;
}

/** When the session ends (epoch ms), or null for a token without the sign-in time (never accepted). */
export function sessionExpiry(claims: SessionClaims, lifetimeMs: number): number | null {
  const { authAt, authExp } = claims;
  if (typeof authAt !== "number" || !Number.isFinite(authAt) || typeof authExp !== "number" || !Number.isFinite(authExp)) return null;
  return Math.min(authExp, authAt + lifetimeMs);
}

/** Signed in no later than now (allowing for clocks a few seconds apart between instances) and not yet expired. */
export function isSessionLive(claims: SessionClaims, lifetimeMs: number, now: Date): boolean {
  const expiry = sessionExpiry(claims, lifetimeMs);
  if (expiry === null) return false;
  return claims.authAt! <= now.getTime() + CLOCK_SKEW_MS && now.getTime() < expiry;
}

const CLOCK_SKEW_MS = 60_000;

/** Whole seconds the session has left (at least 0), for the token's and the cookie's own expiry. */
export function secondsLeft(claims: SessionClaims, lifetimeMs: number, now: Date): number {
  const expiry = sessionExpiry(claims, lifetimeMs);
  return expiry === null ? 0 : Math.max(0, Math.floor((expiry - now.getTime()) / 1000));
}

/** The claims a new session starts with. */
export function newSessionClaims(uid: string, sid: string, lifetimeMs: number, now: Date): Required<SessionClaims> {
  return { uid, sid, authAt: now.getTime(), authExp: now.getTime() + lifetimeMs };
}
