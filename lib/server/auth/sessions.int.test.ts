import { beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "@/lib/cli/commands";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { changeOwnPassword, createUser, resetPassword, updateUser } from "@/lib/server/services/users";
import { newSessionClaims, type SessionClaims } from "./session-lifetime";
import { endUserSessions, revokeSession, SESSION_LIFETIME_MS, sessionUserFor } from "./sessions";

/**
 * Which session tokens are accepted, with the clock injected: the absolute lifetime, a sign-out, and every
 * event that ends all of a user's sessions (password reset by an admin or the CLI, the user's own change,
 * deactivation, a new role). Each "ended" session stays refused afterwards.
 */
const T0 = new Date("2026-03-02T09:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3_600_000;
let admin: Actor;
let n = 0;

async function newUser(role: "VIEWER" | "ADMIN" = "VIEWER") {
  const { user } = await createUser(admin ?? { userId: null, label: "system" }, { name: `User ${++n}`, email: `user-${n}@example.com`, role, password: "correct-horse-battery", managedTeamIds: [] });
  return user;
}

const session = (uid: string, signedInAt: Date): SessionClaims => newSessionClaims(uid, crypto.randomUUID(), SESSION_LIFETIME_MS, signedInAt);

beforeAll(async () => {
  const first = await newUser("ADMIN");
  admin = { userId: first.id, label: first.email };
});

describe("session lifetime", () => {
  it("accepts a session until PILLARS_SESSION_HOURS after sign-in and never after, whatever the token says", async () => {
    const user = await newUser();
    const claims = session(user.id, T0);
    expect(await sessionUserFor(claims, at(SESSION_LIFETIME_MS - 1000))).toMatchObject({ id: user.id });
    expect(await sessionUserFor(claims, at(SESSION_LIFETIME_MS))).toBeNull();
    // A token claiming a later expiry than the lifetime allows is still cut at the lifetime.
    expect(await sessionUserFor({ ...claims, authExp: T0.getTime() + 1000 * HOUR }, at(SESSION_LIFETIME_MS + 1))).toBeNull();
    // A token without its sign-in time (as every token before this rule) is refused.
    expect(await sessionUserFor({ uid: user.id, sid: claims.sid }, T0)).toBeNull();
  });

  it("keeps a signed-out session refused until its own expiry, while clearing records already past theirs", async () => {
    const user = await newUser();
    const old = session(user.id, at(-2 * SESSION_LIFETIME_MS));
    await revokeSession(old, at(-2 * SESSION_LIFETIME_MS + HOUR));
    const claims = session(user.id, T0);
    await revokeSession(claims, at(HOUR));
    expect(await db.revokedSession.findUnique({ where: { jti: old.sid! } })).toBeNull();
    expect((await db.revokedSession.findUniqueOrThrow({ where: { jti: claims.sid! } })).expiresAt).toEqual(new Date(claims.authExp!));
    expect(await sessionUserFor(claims, at(SESSION_LIFETIME_MS - 1000))).toBeNull();
    expect(await sessionUserFor(session(user.id, at(HOUR)), at(2 * HOUR))).toMatchObject({ id: user.id });
  });
});

describe("ending every session of a user", () => {
  it("refuses sessions signed in before the cut and accepts those after", async () => {
    const user = await newUser();
    const before = session(user.id, T0);
    await endUserSessions(user.id, at(HOUR));
    expect(await sessionUserFor(before, at(HOUR))).toBeNull();
    expect(await sessionUserFor(session(user.id, at(HOUR)), at(HOUR + 1))).toMatchObject({ id: user.id });
  });

  it("happens on an admin's password reset", async () => {
    const user = await newUser();
    const open = session(user.id, T0);
    await resetPassword(admin, user.id, {}, at(HOUR));
    expect(await sessionUserFor(open, at(HOUR))).toBeNull();
  });

  it("happens on `pillars user set-password`", async () => {
    const user = await newUser();
    // The command takes the time from the machine's clock, so this session is signed in just before it.
    const signedIn = new Date();
    const open = session(user.id, signedIn);
    expect(await sessionUserFor(open, signedIn)).toMatchObject({ id: user.id });
    const lines = await runCommand(["user", "set-password", "--email", user.email, "--password", "a-brand-new-passphrase"]);
    expect(lines[0]).toContain("open sessions were signed out");
    expect(await sessionUserFor(open, new Date())).toBeNull();
    expect(await db.auditLog.count({ where: { entityId: user.id, summary: `Reset the password of ${user.email}`, actorLabel: { startsWith: "cli:" } } })).toBe(1);
  });

  it("happens when people change their own password, after checking the current one", async () => {
    const user = await newUser();
    const open = session(user.id, T0);
    const change = { currentPassword: "not-my-password", newPassword: "a-brand-new-passphrase", confirmPassword: "a-brand-new-passphrase" };
    await expect(changeOwnPassword(user.id, change, "192.0.2.9", at(HOUR))).rejects.toMatchObject({ status: 400, message: "The current password is not correct." });
    expect(await sessionUserFor(open, at(HOUR))).toMatchObject({ id: user.id });
    await expect(changeOwnPassword(user.id, { ...change, currentPassword: "correct-horse-battery", newPassword: "password1234!", confirmPassword: "password1234!" }, "192.0.2.9", at(HOUR))).rejects.toMatchObject({ status: 400 });
    await changeOwnPassword(user.id, { ...change, currentPassword: "correct-horse-battery" }, "192.0.2.9", at(HOUR));
    expect(await sessionUserFor(open, at(HOUR))).toBeNull();
  });

  it("stops guessing the current password through the change form", async () => {
    const user = await newUser();
    const change = { currentPassword: "guess-number-x", newPassword: "a-brand-new-passphrase", confirmPassword: "a-brand-new-passphrase" };
    for (let i = 0; i < 5; i++) await expect(changeOwnPassword(user.id, change, "192.0.2.10", at(i))).rejects.toMatchObject({ status: 400 });
    await expect(changeOwnPassword(user.id, { ...change, currentPassword: "correct-horse-battery" }, "192.0.2.10", at(10))).rejects.toMatchObject({ status: 429 });
  });

  it("happens on deactivation, and reactivating does not bring the sessions back", async () => {
    const user = await newUser();
    const open = session(user.id, T0);
    await updateUser(admin, user.id, { active: false }, at(HOUR));
    expect(await sessionUserFor(open, at(HOUR))).toBeNull();
    await updateUser(admin, user.id, { active: true }, at(2 * HOUR));
    expect(await sessionUserFor(open, at(2 * HOUR))).toBeNull();
    expect(await sessionUserFor(session(user.id, at(2 * HOUR)), at(2 * HOUR + 1))).toMatchObject({ id: user.id });
  });

  it("happens on a role change, and not on a rename", async () => {
    const user = await newUser();
    const open = session(user.id, T0);
    await updateUser(admin, user.id, { name: "Renamed" }, at(HOUR));
    expect(await sessionUserFor(open, at(HOUR))).toMatchObject({ name: "Renamed", role: "VIEWER" });
    await updateUser(admin, user.id, { role: "LEADER" }, at(2 * HOUR));
    expect(await sessionUserFor(open, at(2 * HOUR))).toBeNull();
  });
});
