import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { hashPassword } from "./password";

// The real password check, counted: how many attempts reached it is what the throttle is about.
const verified = vi.hoisted(() => ({ calls: [] as string[] }));
vi.mock("./password", async (original) => {
  const real = await original<typeof import("./password")>();
  return {
    ...real,
    verifyPassword: async (password: string, stored: string) => {
      verified.calls.push(stored);
      return real.verifyPassword(password, stored);
    },
  };
});

const { checkCredentials } = await import("./credentials");
const { DUMMY_HASH } = await import("./password");
const { clearAccountThrottle, reserveAttempt, throttleKeys, THROTTLE_POLICY } = await import("./throttle");

const T0 = new Date("2026-03-02T09:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const PASSWORD = "correct-horse-battery";
let email = "";
let n = 0;

beforeEach(async () => {
  email = `person-${++n}@example.com`;
  await db.user.create({ data: { email, name: "Person", role: "VIEWER", passwordHash: await hashPassword(PASSWORD) } });
  verified.calls.length = 0;
});

describe("sign-in throttle", () => {
  it("checks at most 5 of 100 wrong passwords sent at once for one account from one address; the rest are refused unchecked", async () => {
    const outcomes = await Promise.all(Array.from({ length: 100 }, (_, i) => checkCredentials({ email, password: `wrong-password-${i}` }, "203.0.113.7", T0)));
    expect(outcomes.filter((o) => !o.ok && o.reason === "invalid")).toHaveLength(THROTTLE_POLICY.pair.free);
    const throttled = outcomes.filter((o) => !o.ok && o.reason === "throttled");
    expect(throttled).toHaveLength(95);
    expect(verified.calls).toHaveLength(5);
    // Held until the 15-minute window is over, and the correct password from this address is refused too.
    for (const o of throttled) expect(o).toMatchObject({ retryAfterSeconds: 15 * 60 });
    expect(await checkCredentials({ email, password: PASSWORD }, "203.0.113.7", at(60_000))).toMatchObject({ ok: false, reason: "throttled", retryAfterSeconds: 14 * 60 });
    // The owner, from another address, is not locked out.
    expect(await checkCredentials({ email, password: PASSWORD }, "198.51.100.4", at(60_000))).toMatchObject({ ok: true });
    // The window over, this address gets its five attempts back.
    expect(await checkCredentials({ email, password: PASSWORD }, "203.0.113.7", at(15 * 60_000))).toMatchObject({ ok: true });
  });

  it("slows guesses at one account from many addresses to one at a time, at most a minute apart, without locking its owner out", async () => {
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => checkCredentials({ email, password: `wrong-${i}-password` }, `198.18.0.${i + 1}`, T0)));
    expect(outcomes.filter((o) => !o.ok && o.reason === "invalid")).toHaveLength(THROTTLE_POLICY.email.free);
    expect(outcomes.filter((o) => !o.ok && o.reason === "throttled").map((o) => (o as { retryAfterSeconds: number }).retryAfterSeconds)).toEqual(Array(30).fill(1));
    // Each further failure doubles the wait: 1 s, 2 s, 4 s, … capped at 60 s.
    let now = at(1000);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const early = await checkCredentials({ email, password: "still-wrong-password" }, `198.18.1.${i + 1}`, new Date(now.getTime() - 1));
      expect(early).toMatchObject({ ok: false, reason: "throttled" });
      expect(await checkCredentials({ email, password: "still-wrong-password" }, `198.18.1.${i + 1}`, now)).toMatchObject({ reason: "invalid" });
      const refused = await checkCredentials({ email, password: "still-wrong-password" }, `198.18.2.${i + 1}`, now);
      const wait = (refused as { retryAfterSeconds: number }).retryAfterSeconds;
      waits.push(wait);
      now = new Date(now.getTime() + wait * 1000);
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
    // The owner, from yet another address, waits at most that minute and then signs in.
    expect(await checkCredentials({ email, password: PASSWORD }, "192.0.2.50", now)).toMatchObject({ ok: true });
  });

  it("holds an address after 20 attempts over all accounts, without counting its successful sign-ins", async () => {
    const address = "203.0.113.99";
    for (let i = 0; i < 5; i++) expect(await checkCredentials({ email, password: PASSWORD }, address, at(i))).toMatchObject({ ok: true });
    for (let i = 0; i < THROTTLE_POLICY.ip.free; i++) {
      expect(await checkCredentials({ email: `nobody-${i}@example.com`, password: "wrong-password-x" }, address, at(100 + i))).toMatchObject({ reason: "invalid" });
    }
    expect(await checkCredentials({ email, password: PASSWORD }, address, at(200))).toMatchObject({ reason: "throttled" });
    expect(await checkCredentials({ email, password: PASSWORD }, "203.0.113.100", at(200))).toMatchObject({ ok: true });
  });

  it("counts an attempt refused further down on none of the keys it had passed", async () => {
    const keys = throttleKeys(email, "203.0.113.5");
    // The account is being held back (here: made to hold by many failures from elsewhere).
    for (let i = 0; i < THROTTLE_POLICY.email.free; i++) await checkCredentials({ email, password: "wrong-password-y" }, `198.19.0.${i}`, T0);
    for (let i = 0; i < 10; i++) expect(await reserveAttempt(keys, T0)).toMatchObject({ allowed: false, kind: "email" });
    const rows = await db.signInThrottle.findMany({ where: { key: { in: keys.slice(0, 2).map((k) => k.key) } } });
    expect(rows.map((r) => r.failures)).toEqual([0, 0]);
  });

  it("runs the password hash for an unknown email, a deactivated account and one without a password, as for a known one", async () => {
    await db.user.create({ data: { email: `sso-${n}@example.com`, name: "SSO only", role: "VIEWER" } });
    await db.user.create({ data: { email: `gone-${n}@example.com`, name: "Gone", role: "VIEWER", active: false, passwordHash: await hashPassword(PASSWORD) } });
    for (const who of [`nobody-${n}@example.com`, `sso-${n}@example.com`, `gone-${n}@example.com`]) {
      expect(await checkCredentials({ email: who, password: PASSWORD }, "192.0.2.1", T0)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(verified.calls).toHaveLength(3);
    expect(verified.calls.slice(0, 2)).toEqual([DUMMY_HASH, DUMMY_HASH]);
    expect(verified.calls[2]).toMatch(/^scrypt\$/);
    expect(verified.calls[2]).not.toBe(DUMMY_HASH);
  });

  it("starts over for the account and every address once its password changes", async () => {
    for (let i = 0; i < 6; i++) await checkCredentials({ email, password: "wrong-password-z" }, "203.0.113.8", T0);
    await db.signInThrottle.create({ data: { key: `pair:203.0.113.8 other${email}`, failures: 5 } });
    await clearAccountThrottle(email);
    const left = await db.signInThrottle.findMany({ where: { key: { contains: email } }, select: { key: true } });
    expect(left.map((r) => r.key)).toEqual([`pair:203.0.113.8 other${email}`]);
    expect(await checkCredentials({ email, password: PASSWORD }, "203.0.113.8", T0)).toMatchObject({ ok: true });
  });
});
