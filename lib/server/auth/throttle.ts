import "server-only";
import { deleteAccountThrottle, deleteThrottleKey, releaseThrottleAttempt, reserveThrottleAttempt, throttleLocks } from "@/lib/server/data/auth/throttle";
import type { Tx } from "@/lib/server/data/runner";
import { clientAddressFrom } from "./client-address";
import { trustedProxies } from "./proxies";

/**
 * Sign-in throttling, counted in the database so every instance shares it. Each attempt reserves its place
 * on every key before the password is checked, with one `INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING`
 * per key: the row lock makes concurrent attempts queue, and an attempt the key refuses updates nothing and
 * gets no row back. So a burst of attempts sent at once is cut at the limit exactly as a slow series is.
 *
 * Policy (README, "Security"):
 * - account + address (`pair:`): 5 attempts per 15 minutes, then none until those 15 minutes are over;
 *   a successful sign-in clears it.
 * - address (`ip:`): 20 attempts per 15 minutes over all accounts (an office behind one address is not
 *   locked out by a few typos; one address trying many accounts is).
 * - account (`email:`), from any address: 10 attempts per 24 hours, then one at a time, each waiting for the
 *   previous one's delay, which doubles from 1 s up to 60 s. Guessing one account from many addresses is
 *   slowed to about one guess a minute, while its owner, signing in from another address, waits at most a
 *   minute instead of being locked out.
 * Only attempts that reach the password check count: a refused one is given back on the keys it had
 * already passed, and a successful one is given back on the address and the account.
 */
interface KeyPolicy {
  windowMs: number;
  /** Attempts in the window before the key holds further ones back (more than 1: a first attempt never holds). */
  free: number;
  /** Past `free`: null holds every attempt until the window is over; otherwise one attempt per delay. */
  spacing: { firstMs: number; maxMs: number } | null;
}

const MINUTE = 60_000;
export const THROTTLE_POLICY = {
  pair: { windowMs: 15 * MINUTE, free: 5, spacing: null },
  ip: { windowMs: 15 * MINUTE, free: 20, spacing: null },
  email: { windowMs: 24 * 60 * MINUTE, free: 10, spacing: { firstMs: 1000, maxMs: MINUTE } },
} as const satisfies Record<string, KeyPolicy>;

type KeyKind = keyof typeof THROTTLE_POLICY;

export interface ThrottleKey {
  kind: KeyKind;
  key: string;
}

/** Most specific first, so an attempt refused for its own account and address never counts against the others. */
export function throttleKeys(email: string, address: string | null): ThrottleKey[] {
  const account = email.trim().toLowerCase();
  return [
    ...(address ? [{ kind: "pair" as const, key: `pair:${address} ${account}` }, { kind: "ip" as const, key: `ip:${address}` }] : []),
    { kind: "email", key: `email:${account}` },
  ];
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number; kind: KeyKind };

export async function reserveAttempt(keys: ThrottleKey[], now: Date): Promise<Reservation> {
  const passed: ThrottleKey[] = [];
  for (const key of keys) {
    if (await reserveOn(key, now)) {
      passed.push(key);
      continue;
    }
    for (const given of passed) await giveBack(given);
    return { allowed: false, retryAfterSeconds: await retryAfter([key], now), kind: key.kind };
  }
  return { allowed: true };
}

/** After a successful sign-in: the account and address are cleared of it, and this address's tries start over. */
export async function recordSuccess(keys: ThrottleKey[]): Promise<void> {
  for (const key of keys) {
    if (key.kind === "pair") await deleteThrottleKey(key.key);
    else await giveBack(key);
  }
}

/** Seconds until every one of the keys takes an attempt again (at least 1 while any holds back). */
export async function retryAfter(keys: ThrottleKey[], now: Date): Promise<number> {
  const rows = await throttleLocks(keys.map((k) => k.key));
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.max(1, Math.ceil((until - now.getTime()) / 1000)) : 0;
}

/** A new password: the account's counters and every address's counters for it start over. */
export async function clearAccountThrottle(email: string, tx?: Tx): Promise<void> {
  await deleteAccountThrottle(email.trim().toLowerCase(), tx);
}

/** One statement per key (see above): the policy decides the limits, the data layer applies them atomically. */
async function reserveOn({ kind, key }: ThrottleKey, now: Date): Promise<boolean> {
  return reserveThrottleAttempt(key, THROTTLE_POLICY[kind], now);
}

/** Takes one attempt back off a key, and lifts its hold once the count is under the limit again. */
async function giveBack({ kind, key }: ThrottleKey): Promise<void> {
  await releaseThrottleAttempt(key, THROTTLE_POLICY[kind].free);
}

/** The client address: the right-most X-Forwarded-For hop that is not a trusted proxy (see client-address.ts). */
export function clientAddress(headers: Headers): string | null {
  return clientAddressFrom(headers, trustedProxies);
}
