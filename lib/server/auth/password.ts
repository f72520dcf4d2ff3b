import "server-only";
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/validation/password";
import { COMMON_PASSWORDS, PUBLISHED_PASSWORDS } from "./common-passwords";

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

/** scrypt with N=2^15, r=8, p=1 (OWASP's recommended minimum), 64-byte key, 16-byte salt. */
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize("NFKC"), salt, 64, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split("$");
  if (scheme !== "scrypt" || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, "base64");
  const key = await scrypt(password.normalize("NFKC"), Buffer.from(saltB64, "base64"), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * The hash of a random password nobody knows, with the same parameters as every stored hash: checking a
 * password against it costs what checking a real one costs, so a sign-in for an unknown email (or an account
 * without a password) takes as long as one for a known account.
 */
export const DUMMY_HASH =
  "scrypt$32768$8$1$wNGE9Shx4+o5FssAnB3Jfg==$YZMO+YS+nZV3bxVd7fuYD7A87IHZLeUdKStcsayeYpE30VxzdCQa0cjld8bW4jD0e+vEk5JaD0M4qMk3yFvzQw==";

/** Digits, punctuation and spaces someone adds before or after a word to get past a rule. */
const PADDING = /^[^\p{L}]+|[^\p{L}]+$/gu;

/** Returns a human reason why the password is not acceptable, or null when it is. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (PUBLISHED_PASSWORDS.has(password)) return "This password is published with the Pillars demo; choose another.";
  const lower = password.toLowerCase();
  const core = lower.replace(PADDING, "");
  if (COMMON_PASSWORDS.has(lower) || (core.length >= 4 && COMMON_PASSWORDS.has(core))) {
    return "This password is too common (or a common one with digits or symbols added); choose another.";
  }
  if (/^(.+?)\1+$/su.test(lower)) return "This password repeats one short part; choose another.";
  return null;
}
