import "server-only";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { clientAddressFrom, parseTrustedProxies } from "./client-address";

/**
 * Failed sign-in throttling per account and per address, kept in the database so every instance sees it.
 * An account is locked after ACCOUNT_FAILURES failures within WINDOW; an address after ADDRESS_FAILURES (higher,
 * because a whole office may share one address behind NAT). A lock lasts LOCK; a success clears the account key.
 */
export const ACCOUNT_FAILURES = 5;
export const ADDRESS_FAILURES = 20;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

export interface ThrottleState {
  locked: boolean;
  retryAfterSeconds: number;
}

export async function checkThrottle(keys: string[], now = new Date()): Promise<ThrottleState> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys } } });
  const until = rows.reduce((latest, r) => (r.lockedUntil && r.lockedUntil > latest ? r.lockedUntil : latest), new Date(0));
  return until > now ? { locked: true, retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000) } : { locked: false, retryAfterSeconds: 0 };
}

export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    await db.$transaction(async (tx) => {
      const row = await tx.signInThrottle.findUnique({ where: { key } });
      const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
      const failures = fresh ? 1 : row.failures + 1;
      const limit = key.startsWith("ip:") ? ADDRESS_FAILURES : ACCOUNT_FAILURES;
      const lockedUntil = failures >= limit ? new Date(now.getTime() + LOCK_MS) : (row?.lockedUntil ?? null);
      await tx.signInThrottle.upsert({
        where: { key },
        create: { key, failures, windowStart: now, lockedUntil },
        update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil },
      });
    });
  }
}

export async function clearThrottle(key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}

export function throttleKeys(email: string, address: string | null): string[] {
  return [`email:${email.toLowerCase()}`, ...(address ? [`ip:${address}`] : [])];
}

const trustedProxies = parseTrustedProxies(env.PILLARS_TRUSTED_PROXIES);

/** The client address: the right-most X-Forwarded-For hop that is not a trusted proxy (see client-address.ts). */
export function clientAddress(headers: Headers): string | null {
  return clientAddressFrom(headers, trustedProxies);
}
