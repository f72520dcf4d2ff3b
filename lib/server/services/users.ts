import "server-only";
import { randomBytes } from "node:crypto";
import type { AdminUserRow, CreatedUser } from "@/lib/admin/api-types";
import { Prisma, type Role } from "@/lib/generated/prisma/client";
import { checkCredentials } from "@/lib/server/auth/credentials";
import { hashPassword, passwordProblem } from "@/lib/server/auth/password";
import { retryMessage } from "@/lib/server/auth/retry-message";
import { endUserSessions } from "@/lib/server/auth/sessions";
import { clearAccountThrottle } from "@/lib/server/auth/throttle";
import {
  countOtherActiveUsersWithRole,
  deleteManagedTeamsOf,
  insertUser,
  listUserRecords,
  setPasswordHash,
  updateUserRecord,
  userHasPasswordHash,
  userIdByEmail,
  userIdentityById,
  userRecordById,
  type UserRecord,
} from "@/lib/server/data/admin/users";
import { countExistingTeams } from "@/lib/server/data/org";
import { inTransaction, type Tx } from "@/lib/server/data/runner";
import { badRequest, conflict, notFound, tooMany } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { ADMIN_ROLE } from "@/lib/server/permissions";
import { recordAudit } from "@/lib/server/services/audit";
import { roleManagesTeams, type PasswordResetInput, type UserCreateInput, type UserUpdateInput } from "@/lib/validation/admin";
import type { PasswordChangeInput } from "@/lib/validation/password";

/** User administration. Audit snapshots never carry the password hash. */

function toRow(u: UserRecord): AdminUserRow {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    active: u.active,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    managedTeams: u.managedTeams.map((m) => m.team).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** What the audit trail keeps of a user: no password hash, ever. */
function snapshot(u: UserRecord) {
  return { email: u.email, name: u.name, role: u.role, active: u.active, managedTeamIds: u.managedTeams.map((m) => m.team.id).sort() };
}

export async function listUsers(): Promise<AdminUserRow[]> {
  const users = await listUserRecords();
  return users.map(toRow);
}

/** Whether the user signs in with a password (not only with single sign-on). */
export async function hasPassword(userId: string): Promise<boolean> {
  return userHasPasswordHash(userId);
}

/** 16 random bytes, URL-safe: well past the length rule and never on a common-password list. */
export function generatePassword(): string {
  return randomBytes(16).toString("base64url");
}

function checkedPassword(given: string | undefined): { password: string; generated: boolean } {
  const password = given ?? generatePassword();
  const problem = passwordProblem(password);
  if (problem) throw badRequest(problem, { issues: [{ path: "password", message: problem }] });
  return { password, generated: given === undefined };
}

/** Pass the transaction client inside a transaction: the embedded database has one connection. */
async function assertTeamsExist(teamIds: string[], tx?: Tx): Promise<void> {
  if (teamIds.length === 0) return;
  const found = await countExistingTeams(teamIds, tx);
  if (found !== new Set(teamIds).size) throw badRequest("One of the chosen teams does not exist.");
}

function assertOnlyManagersManage(role: Role, teamIds: string[]): void {
  if (!roleManagesTeams(role) && teamIds.length > 0) {
    throw badRequest("Only users with the Manager role manage teams; choose Manager or clear the teams.");
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const duplicateEmail = (email: string) => conflict(`A user with the email ${email} already exists.`, { issues: [{ path: "email", message: "This email is already in use." }] });

export async function createUser(actor: Actor, input: UserCreateInput): Promise<CreatedUser> {
  const { password, generated } = checkedPassword(input.password);
  assertOnlyManagersManage(input.role, input.managedTeamIds);
  await assertTeamsExist(input.managedTeamIds);
  if ((await userIdByEmail(input.email)) !== null) throw duplicateEmail(input.email);
  const passwordHash = await hashPassword(password);
  try {
    const user = await inTransaction(async (tx) => {
      const created = await insertUser(
        { name: input.name, email: input.email, role: input.role, passwordHash, managedTeamIds: [...new Set(input.managedTeamIds)] },
        tx,
      );
      await recordAudit(actor, { action: "create", entityType: "User", entityId: created.id, summary: `Created ${created.role} ${created.email}`, after: snapshot(created) }, tx);
      return created;
    });
    return { user: toRow(user), generatedPassword: generated ? password : null };
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateEmail(input.email);
    throw error;
  }
}

/**
 * Name, role, active flag and managed teams. The organisation must keep at least one active admin, so the
 * last one cannot be demoted or deactivated (only an admin gets here, so that admin is the caller).
 * A new role or a deactivation ends the user's open sessions: reactivating the account later does not bring
 * them back, and a new role starts with a new sign-in.
 */
export async function updateUser(actor: Actor, userId: string, input: UserUpdateInput, now = new Date()): Promise<AdminUserRow> {
  const updated = await inTransaction(async (tx) => {
    const before = await userRecordById(userId, tx);
    if (!before) throw notFound("User");
    const role = input.role ?? before.role;
    const active = input.active ?? before.active;
    if (before.role === ADMIN_ROLE && before.active && (role !== ADMIN_ROLE || !active)) {
      const otherAdmins = await countOtherActiveUsersWithRole(ADMIN_ROLE, userId, tx);
      if (otherAdmins === 0) {
        throw conflict(
          !active
            ? "This is the last active admin; it cannot be deactivated. Make another user an admin first."
            : "This is the last active admin; its role cannot change. Make another user an admin first.",
        );
      }
    }
    // Leaving the Manager role drops the managed teams: only managers' team lists grant anything.
    const teamIds = roleManagesTeams(role) ? (input.managedTeamIds ?? before.managedTeams.map((m) => m.team.id)) : [];
    if (!roleManagesTeams(role) && input.managedTeamIds?.length) assertOnlyManagersManage(role, input.managedTeamIds);
    await assertTeamsExist(teamIds, tx);
    await deleteManagedTeamsOf(userId, tx);
    const after = await updateUserRecord(userId, { name: input.name, role, active, addManagedTeamIds: [...new Set(teamIds)] }, tx);
    if (role !== before.role || (before.active && !active)) await endUserSessions(userId, now, tx);
    await recordAudit(actor, { action: "update", entityType: "User", entityId: userId, summary: `Updated ${after.email}`, before: snapshot(before), after: snapshot(after) }, tx);
    return after;
  });
  return toRow(updated);
}

/**
 * Sets a new password (given, or generated and returned once), ends the user's open sessions — whoever knew
 * the old password may hold one — and clears the account's sign-in throttling.
 */
export async function resetPassword(actor: Actor, userId: string, input: PasswordResetInput, now = new Date()): Promise<{ generatedPassword: string | null }> {
  const { password, generated } = checkedPassword(input.password);
  const passwordHash = await hashPassword(password);
  await inTransaction(async (tx) => {
    const user = await userIdentityById(userId, tx);
    if (!user) throw notFound("User");
    await writePassword(tx, user, passwordHash, now);
    await recordAudit(actor, { action: "update", entityType: "User", entityId: userId, summary: `Reset the password of ${user.email}`, after: { passwordChanged: true } }, tx);
  });
  return { generatedPassword: generated ? password : null };
}

/**
 * A signed-in person changes their own password. The current one is checked as a sign-in is (throttled per
 * account and address, so a borrowed session cannot guess it), and every session of theirs — this one
 * included — ends; the caller signs them in again with the new password.
 */
export async function changeOwnPassword(userId: string, input: PasswordChangeInput, address: string | null, now = new Date()): Promise<void> {
  const user = await userIdentityById(userId);
  if (!user) throw notFound("User");
  const check = await checkCredentials({ email: user.email, password: input.currentPassword }, address, now);
  if (!check.ok && check.reason === "throttled") throw tooMany(retryMessage(check.retryAfterSeconds), check.retryAfterSeconds);
  if (!check.ok) {
    throw badRequest("The current password is not correct.", { issues: [{ path: "currentPassword", message: "The current password is not correct." }] });
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw badRequest(problem, { issues: [{ path: "newPassword", message: problem }] });
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(async (tx) => {
    await writePassword(tx, user, passwordHash, now);
    await recordAudit({ userId: user.id, label: user.email }, { action: "update", entityType: "User", entityId: user.id, summary: `${user.email} changed their password`, after: { passwordChanged: true } }, tx);
  });
}

async function writePassword(tx: Tx, user: { id: string; email: string }, passwordHash: string, now: Date): Promise<void> {
  await setPasswordHash(user.id, passwordHash, tx);
  await endUserSessions(user.id, now, tx);
  await clearAccountThrottle(user.email, tx);
}
