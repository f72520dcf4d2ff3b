import "server-only";
import type { Prisma, Role } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/** Users as administration reads and writes them. Reads never return the password hash. */

const USER_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  lastSignInAt: true,
  createdAt: true,
  managedTeams: { select: { team: { select: { id: true, name: true } } } },
} satisfies Prisma.UserSelect;

export type UserRecord = Prisma.UserGetPayload<{ select: typeof USER_SELECT }>;

/** Active users first, then by name. */
export async function listUserRecords(tx: Tx = client): Promise<UserRecord[]> {
  return tx.user.findMany({ select: USER_SELECT, orderBy: [{ active: "desc" }, { name: "asc" }] });
}

export async function userRecordById(id: string, tx: Tx = client): Promise<UserRecord | null> {
  return tx.user.findUnique({ where: { id }, select: USER_SELECT });
}

/** Id and email, enough to name the user in the audit trail and to clear their sign-in throttle. */
export async function userIdentityById(id: string, tx: Tx = client): Promise<{ id: string; email: string } | null> {
  return tx.user.findUnique({ where: { id }, select: { id: true, email: true } });
}

export async function userIdByEmail(email: string, tx: Tx = client): Promise<string | null> {
  return (await tx.user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
}

/** Whether the user has a password hash (signs in with a password, not only with single sign-on). */
export async function userHasPasswordHash(id: string, tx: Tx = client): Promise<boolean> {
  return !!(await tx.user.findUnique({ where: { id }, select: { passwordHash: true } }))?.passwordHash;
}

/** Display names of these users, by id (unknown ids are absent). */
export async function userNamesOf(ids: string[], tx: Tx = client): Promise<{ id: string; name: string }[]> {
  return tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
}

/** Active users with this role other than `exceptUserId`. */
export async function countOtherActiveUsersWithRole(role: Role, exceptUserId: string, tx: Tx = client): Promise<number> {
  return tx.user.count({ where: { role, active: true, id: { not: exceptUserId } } });
}

/** Creates the user with the teams they manage (distinct ids). */
export async function insertUser(
  data: { name: string; email: string; role: Role; passwordHash: string; managedTeamIds: string[] },
  tx: Tx = client,
): Promise<UserRecord> {
  const { managedTeamIds, ...fields } = data;
  return tx.user.create({
    data: { ...fields, managedTeams: { create: managedTeamIds.map((teamId) => ({ teamId })) } },
    select: USER_SELECT,
  });
}

/** Drops every team the user manages. */
export async function deleteManagedTeamsOf(userId: string, tx: Tx = client): Promise<void> {
  await tx.teamManager.deleteMany({ where: { userId } });
}

/** Sets name, role and active flag, and adds these managed teams (clear the old ones first). */
export async function updateUserRecord(
  id: string,
  data: { name: string | undefined; role: Role; active: boolean; addManagedTeamIds: string[] },
  tx: Tx = client,
): Promise<UserRecord> {
  return tx.user.update({
    where: { id },
    data: { name: data.name, role: data.role, active: data.active, managedTeams: { create: data.addManagedTeamIds.map((teamId) => ({ teamId })) } },
    select: USER_SELECT,
  });
}

export async function setPasswordHash(id: string, passwordHash: string, tx: Tx = client): Promise<void> {
  await tx.user.update({ where: { id }, data: { passwordHash } });
}
