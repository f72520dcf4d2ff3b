import "server-only";
import { z } from "zod";
import { credentialsUserByEmail } from "@/lib/server/data/auth/users";
import { PASSWORD_MAX_LENGTH } from "@/lib/validation/password";
import { DUMMY_HASH, verifyPassword } from "./password";
import { recordSuccess, reserveAttempt, throttleKeys } from "./throttle";

/** What the sign-in form and the Auth.js credentials endpoint send. */
export const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(200)),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export type CredentialsOutcome =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Email and password sign-in. The attempt takes its place in the throttle before anything else (throttle.ts),
 * so no number of attempts sent at once gets more passwords checked than the limits allow. The password is
 * hashed whether or not the account exists, is active or has a password at all, so the time taken says
 * nothing about which emails have accounts.
 */
export async function checkCredentials(raw: unknown, address: string | null, now: Date): Promise<CredentialsOutcome> {
  const parsed = credentialsInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, address);
  const reservation = await reserveAttempt(keys, now);
  if (!reservation.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: reservation.retryAfterSeconds };
  const user = await credentialsUserByEmail(email);
  const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.active || !user.passwordHash || !matches) return { ok: false, reason: "invalid" };
  await recordSuccess(keys);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
