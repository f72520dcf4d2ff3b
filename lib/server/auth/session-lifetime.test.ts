import { describe, expect, it } from "vitest";
import { isSessionLive, newSessionClaims, secondsLeft, sessionExpiry, sessionLifetimeMs } from "./session-lifetime";

const T0 = new Date("2026-03-02T09:00:00.000Z");
const HOUR = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("absolute session lifetime", () => {
  const lifetime = sessionLifetimeMs(12);
  const claims = newSessionClaims("u1", "s1", lifetime, T0);

  it("ends PILLARS_SESSION_HOURS after sign-in, whenever the token was last re-issued", () => {
    expect(claims).toEqual({ uid: "u1", sid: "s1", authAt: T0.getTime(), authExp: T0.getTime() + 12 * HOUR });
    expect(isSessionLive(claims, lifetime, at(12 * HOUR - 1))).toBe(true);
    expect(isSessionLive(claims, lifetime, at(12 * HOUR))).toBe(false);
    expect(secondsLeft(claims, lifetime, at(11 * HOUR))).toBe(3600);
    expect(secondsLeft(claims, lifetime, at(13 * HOUR))).toBe(0);
  });

  it("takes the shorter of the expiry fixed at sign-in and the lifetime configured now", () => {
    expect(sessionExpiry(claims, sessionLifetimeMs(2))).toBe(T0.getTime() + 2 * HOUR);
    expect(sessionExpiry(claims, sessionLifetimeMs(48))).toBe(T0.getTime() + 12 * HOUR);
    expect(isSessionLive(claims, sessionLifetimeMs(48), at(13 * HOUR))).toBe(false);
  });

  it("refuses tokens without a sign-in time, or signed in in the future", () => {
    expect(isSessionLive({ uid: "u1", sid: "s1" }, lifetime, T0)).toBe(false);
    expect(isSessionLive({ ...claims, authAt: Number.NaN }, lifetime, T0)).toBe(false);
    expect(isSessionLive(newSessionClaims("u1", "s1", lifetime, at(HOUR)), lifetime, T0)).toBe(false);
  });
});
