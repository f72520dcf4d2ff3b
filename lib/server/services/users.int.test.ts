import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { userCreateInput } from "@/lib/validation/admin";
import { createUser, listUsers, resetPassword, updateUser } from "./users";

const input = (raw: Record<string, unknown>) => userCreateInput.parse(raw);

describe("user administration", () => {
  let admin: Actor;
  let teamId: string;

  beforeAll(async () => {
    const first = await createUser({ userId: null, label: "system" }, input({ name: "Ada Admin", email: "ada@example.com", role: "ADMIN", password: "correct-horse-battery" }));
    admin = { userId: first.user.id, label: first.user.email };
    const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
    teamId = (await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } })).id;
  });

  it("creates a user with a hashed password and lowercases the email", async () => {
    const { user, generatedPassword } = await createUser(admin, input({ name: "Bo", email: "  Bo@Example.COM ", role: "VIEWER", password: "a-long-enough-secret" }));
    expect(user.email).toBe("bo@example.com");
    expect(generatedPassword).toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword("a-long-enough-secret", row.passwordHash!)).toBe(true);
  });

  it("generates a password when none is given and returns it once", async () => {
    const { user, generatedPassword } = await createUser(admin, input({ name: "Cy", email: "cy@example.com", role: "LEADER" }));
    expect(generatedPassword).toHaveLength(22);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(generatedPassword!, row.passwordHash!)).toBe(true);
  });

  it("refuses a duplicate email with a 409, whatever its case", async () => {
    await expect(createUser(admin, input({ name: "Bo 2", email: "BO@example.com", role: "VIEWER", password: "another-long-secret" }))).rejects.toMatchObject({
      status: 409,
      message: "A user with the email bo@example.com already exists.",
    });
    expect(await db.user.count({ where: { email: "bo@example.com" } })).toBe(1);
  });

  it("refuses a common password", async () => {
    await expect(createUser(admin, input({ name: "Di", email: "di@example.com", role: "VIEWER", password: "password1234" }))).rejects.toMatchObject({ status: 400 });
    expect(await db.user.count({ where: { email: "di@example.com" } })).toBe(0);
  });

  it("sets a manager's teams and drops them when the role changes", async () => {
    const { user } = await createUser(admin, input({ name: "Em", email: "em@example.com", role: "MANAGER", password: "em-long-secret-1", managedTeamIds: [teamId] }));
    expect(user.managedTeams).toEqual([{ id: teamId, name: "Payments" }]);
    const viewer = await updateUser(admin, user.id, { role: "VIEWER" });
    expect(viewer.managedTeams).toEqual([]);
    await expect(updateUser(admin, user.id, { managedTeamIds: [teamId] })).rejects.toMatchObject({ status: 400 });
    const back = await updateUser(admin, user.id, { role: "MANAGER", managedTeamIds: [teamId] });
    expect(back.managedTeams.map((t) => t.id)).toEqual([teamId]);
  });

  it("keeps the last active admin: no self-demotion, no deactivation", async () => {
    await expect(updateUser(admin, admin.userId!, { role: "VIEWER" })).rejects.toMatchObject({ status: 409, message: expect.stringContaining("last active admin") });
    await expect(updateUser(admin, admin.userId!, { active: false })).rejects.toMatchObject({ status: 409, message: expect.stringContaining("cannot be deactivated") });
    const still = await db.user.findUniqueOrThrow({ where: { id: admin.userId! } });
    expect([still.role, still.active]).toEqual(["ADMIN", true]);
  });

  it("allows demoting an admin once another active admin exists", async () => {
    const { user: second } = await createUser(admin, input({ name: "Fay", email: "fay@example.com", role: "ADMIN", password: "fay-long-secret-1" }));
    // An inactive admin does not count as the remaining admin.
    await updateUser(admin, second.id, { active: false });
    await expect(updateUser(admin, admin.userId!, { role: "LEADER" })).rejects.toMatchObject({ status: 409 });
    await updateUser(admin, second.id, { active: true });
    const demoted = await updateUser(admin, admin.userId!, { role: "LEADER" });
    expect(demoted.role).toBe("LEADER");
    await updateUser({ userId: second.id, label: second.email }, admin.userId!, { role: "ADMIN" });
  });

  it("resets a password and clears the sign-in lockout", async () => {
    const bo = await db.user.findUniqueOrThrow({ where: { email: "bo@example.com" } });
    await db.signInThrottle.create({ data: { key: "email:bo@example.com", failures: 9, lockedUntil: new Date(Date.now() + 600_000) } });
    const { generatedPassword } = await resetPassword(admin, bo.id, {});
    const row = await db.user.findUniqueOrThrow({ where: { id: bo.id } });
    expect(await verifyPassword(generatedPassword!, row.passwordHash!)).toBe(true);
    expect(await verifyPassword("a-long-enough-secret", row.passwordHash!)).toBe(false);
    expect(await db.signInThrottle.count({ where: { key: "email:bo@example.com" } })).toBe(0);
  });

  it("audits every change without password hashes", async () => {
    const rows = await db.auditLog.findMany({ where: { entityType: "User" } });
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const text = JSON.stringify(rows.map((r) => [r.before, r.after, r.summary]));
    expect(text).not.toMatch(/scrypt|passwordHash/);
    const reset = rows.find((r) => r.summary === "Reset the password of bo@example.com");
    expect(reset?.after).toEqual({ passwordChanged: true });
    const created = rows.find((r) => r.summary === "Created MANAGER em@example.com");
    expect(created?.after).toEqual({ email: "em@example.com", name: "Em", role: "MANAGER", active: true, managedTeamIds: [teamId] });
  });

  it("lists users with managed teams and last sign-in", async () => {
    const list = await listUsers();
    expect(list.map((u) => u.email)).toContain("em@example.com");
    expect(list.find((u) => u.email === "em@example.com")?.managedTeams).toEqual([{ id: teamId, name: "Payments" }]);
    expect(list.every((u) => !("passwordHash" in u))).toBe(true);
  });
});
