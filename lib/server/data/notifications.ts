import "server-only";
import { client, type SqlRunner, type Tx } from "@/lib/server/data/runner";
import { utcTimestamp } from "./ingest/sql";

/** Who asked for the weekly digest and alerts, and the rows that record what was sent (the send guards). */
const T = (param: string) => utcTimestamp(`${param}::timestamptz`);

export async function notificationSettingsOf(userId: string, tx: Tx = client) {
  return tx.notificationSettings.findUnique({ where: { userId }, select: { digestEmail: true, digestSlack: true, alerts: true, slackWebhookEncrypted: true, digestSince: true } });
}

export type NotificationSettingsRow = NonNullable<Awaited<ReturnType<typeof notificationSettingsOf>>>;

export async function saveNotificationSettings(
  userId: string,
  data: { digestEmail: boolean; digestSlack: boolean; alerts: boolean; slackWebhookEncrypted: string | null; digestSince: Date | null },
  tx: Tx = client,
): Promise<void> {
  await tx.notificationSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

/** An active user as the digest reads for them: role and managed teams, like a session. */
export async function recipientById(userId: string, tx: Tx = client) {
  return tx.user.findFirst({
    where: { id: userId, active: true },
    select: { id: true, email: true, name: true, role: true, managedTeams: { select: { teamId: true } }, notifications: { select: { digestEmail: true, digestSlack: true, alerts: true, slackWebhookEncrypted: true } } },
  });
}

export type RecipientRow = NonNullable<Awaited<ReturnType<typeof recipientById>>>;

/**
 * Records the week's digest for every active user who asked for one since before the slot and has none for that
 * week yet; returns whom. The primary key is the guard: a second worker's insert waits for the first to commit,
 * then inserts nothing, so each digest is enqueued once.
 */
export async function claimDueDigests(tx: SqlRunner, week: string, slotAt: Date): Promise<string[]> {
  const rows = await tx.query<{ userId: string }>(
    `INSERT INTO "DigestDelivery" ("userId", "week")
     SELECT n."userId", $1 FROM "NotificationSettings" n JOIN "User" u ON u."id" = n."userId"
     WHERE u."active" AND n."digestSince" <= ${T("$2")}
       AND (n."digestEmail" OR (n."digestSlack" AND n."slackWebhookEncrypted" IS NOT NULL))
     ORDER BY n."userId"
     ON CONFLICT DO NOTHING RETURNING "userId"`,
    [week, slotAt.toISOString()],
  );
  return rows.map((r) => r.userId);
}

export async function setDigestJob(tx: SqlRunner, userId: string, week: string, jobId: string): Promise<void> {
  await tx.query(`UPDATE "DigestDelivery" SET "jobId" = $3 WHERE "userId" = $1 AND "week" = $2`, [userId, week, jobId]);
}

/** Records an alert for a team, subject and week unless one was; true when this call recorded it. */
export async function claimAlert(tx: SqlRunner, alert: { teamId: string; subject: string; week: string; detail: unknown }): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO "AlertDelivery" ("teamId", "subject", "week", "detail") VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT DO NOTHING RETURNING "teamId"`,
    [alert.teamId, alert.subject, alert.week, JSON.stringify(alert.detail)],
  );
  return rows.length === 1;
}

export async function alertById(key: { teamId: string; subject: string; week: string }, tx: Tx = client) {
  return tx.alertDelivery.findUnique({ where: { teamId_subject_week: key }, select: { teamId: true, subject: true, week: true, detail: true } });
}

/** A team's active managers and every active user who opted in to alerts, with how to reach them. */
export async function alertRecipientCandidates(teamId: string, tx: Tx = client) {
  return tx.user.findMany({
    where: { active: true, OR: [{ managedTeams: { some: { teamId } } }, { notifications: { alerts: true } }] },
    select: { id: true, email: true, name: true, role: true, managedTeams: { select: { teamId: true } }, notifications: { select: { digestEmail: true, digestSlack: true, alerts: true, slackWebhookEncrypted: true } } },
    orderBy: { email: "asc" },
  });
}
