import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** The sign-in facts of the account with this (lower-cased) email, or null. */
export async function credentialsUserByEmail(email: string, tx: Tx = client) {
  return tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, active: true, passwordHash: true } });
}

/** Whether an account with this email exists and is active (null: no such account). */
export async function userActiveByEmail(email: string, tx: Tx = client): Promise<{ active: boolean } | null> {
  return tx.user.findUnique({ where: { email }, select: { active: true } });
}

export async function userIdByEmail(email: string, tx: Tx = client): Promise<{ id: string } | null> {
  return tx.user.findUnique({ where: { email }, select: { id: true } });
}

export async function setUserLastSignIn(userId: string, at: Date, tx: Tx = client): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { lastSignInAt: at } });
}

/** What a session check needs of its user. */
export async function sessionUserRow(userId: string, tx: Tx = client) {
  return tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, active: true, sessionsValidAfter: true, managedTeams: { select: { teamId: true } } },
  });
}

/** Every session of the user signed in before `at` stops being accepted. */
export async function setSessionsValidAfter(userId: string, at: Date, tx: Tx = client): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionsValidAfter: at } });
}

export async function countUsersWithEmails(emails: string[], tx: Tx = client): Promise<number> {
  return tx.user.count({ where: { email: { in: emails } } });
}
