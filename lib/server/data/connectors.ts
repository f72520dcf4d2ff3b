import "server-only";
import { client, type SqlRunner, type Tx } from "@/lib/server/data/runner";
import { utcTimestamp } from "./ingest/sql";

/** Pull connectors (lib/server/services/connectors): their settings, cursors, sync lease and last outcome. */
const T = (param: string) => utcTimestamp(`${param}::timestamptz`);

const PUBLIC_FIELDS = {
  id: true, name: true, provider: true, apiUrl: true, options: true, defaultTeamId: true, backfillDays: true, intervalMinutes: true, enabled: true,
  nextSyncAt: true, lastSyncAt: true, lastSyncStatus: true, lastError: true, lastCounts: true, createdAt: true, syncLockedUntil: true,
} as const;

export async function listConnectorRows(tx: Tx = client) {
  return tx.connector.findMany({ orderBy: { name: "asc" }, select: PUBLIC_FIELDS });
}

export type ConnectorRow = Awaited<ReturnType<typeof listConnectorRows>>[number];

export async function connectorById(id: string, tx: Tx = client) {
  return tx.connector.findUnique({ where: { id }, select: { ...PUBLIC_FIELDS, tokenEncrypted: true, cursor: true } });
}

export async function connectorByName(name: string, tx: Tx = client) {
  return tx.connector.findUnique({ where: { name }, select: { ...PUBLIC_FIELDS, tokenEncrypted: true, cursor: true } });
}

export async function insertConnector(
  data: {
    name: string; provider: string; apiUrl: string; tokenEncrypted: string; options: object; defaultTeamId: string | null;
    backfillDays: number; intervalMinutes: number; enabled: boolean; nextSyncAt: Date;
  },
  tx: Tx = client,
): Promise<{ id: string }> {
  return tx.connector.create({ data, select: { id: true } });
}

export async function updateConnectorRow(
  id: string,
  data: Partial<{ name: string; apiUrl: string; tokenEncrypted: string; options: object; defaultTeamId: string | null; backfillDays: number; intervalMinutes: number; enabled: boolean; nextSyncAt: Date }>,
  tx: Tx = client,
): Promise<void> {
  await tx.connector.update({ where: { id }, data });
}

export async function deleteConnectorRow(id: string, tx: Tx = client): Promise<void> {
  await tx.connector.delete({ where: { id } });
}

/**
 * Takes the connector's sync lease until `until` for `holder`; false while another holder's lease runs. A lease
 * outlives its holder only by its length, so a sync killed mid-way is taken over afterwards.
 */
export async function takeSyncLease(runner: SqlRunner, id: string, holder: string, now: Date, until: Date): Promise<boolean> {
  const rows = await runner.query(
    `UPDATE "Connector" SET "syncLockedBy" = $2, "syncLockedUntil" = ${T("$4")}
     WHERE "id" = $1 AND ("syncLockedUntil" IS NULL OR "syncLockedUntil" < ${T("$3")} OR "syncLockedBy" = $2) RETURNING "id"`,
    [id, holder, now.toISOString(), until.toISOString()],
  );
  return rows.length === 1;
}

/** Extends the holder's lease (a sync still working: waiting out a rate limit, reading a long page). */
export async function renewSyncLease(runner: SqlRunner, id: string, holder: string, until: Date): Promise<void> {
  await runner.query(`UPDATE "Connector" SET "syncLockedUntil" = ${T("$3")} WHERE "id" = $1 AND "syncLockedBy" = $2`, [id, holder, until.toISOString()]);
}

/** Stores a stream's cursor (and extends the lease) in the transaction that wrote the stream's page. */
export async function saveStreamCursor(tx: SqlRunner, id: string, stream: string, cursor: unknown, leaseUntil: Date): Promise<void> {
  await tx.query(
    `UPDATE "Connector" SET "cursor" = jsonb_set("cursor", ARRAY[$2::text], $3::jsonb, true), "syncLockedUntil" = ${T("$4")} WHERE "id" = $1`,
    [id, stream, JSON.stringify(cursor), leaseUntil.toISOString()],
  );
}

/** Releases the lease and records how the sync ended. */
export async function finishSync(
  runner: SqlRunner,
  id: string,
  holder: string,
  outcome: { status: "DONE" | "FAILED"; error: string | null; counts: unknown; at: Date },
): Promise<void> {
  await runner.query(
    `UPDATE "Connector" SET "syncLockedBy" = NULL, "syncLockedUntil" = NULL, "lastSyncStatus" = $3, "lastError" = $4,
       "lastCounts" = $5::jsonb, "lastSyncAt" = CASE WHEN $3 = 'DONE' THEN ${T("$6")} ELSE "lastSyncAt" END
     WHERE "id" = $1 AND ("syncLockedBy" = $2 OR "syncLockedBy" IS NULL)`,
    [id, holder, outcome.status, outcome.error, JSON.stringify(outcome.counts), outcome.at.toISOString()],
  );
}

/** Connectors whose next sync is due, locked for the caller's transaction (skipping those another worker holds). */
export async function lockDueConnectors(tx: SqlRunner, now: Date): Promise<{ id: string; intervalMinutes: number }[]> {
  return tx.query(
    `SELECT "id", "intervalMinutes" FROM "Connector" WHERE "enabled" AND "nextSyncAt" <= ${T("$1")} ORDER BY "nextSyncAt" FOR UPDATE SKIP LOCKED`,
    [now.toISOString()],
  );
}

export async function setNextSync(tx: SqlRunner, id: string, at: Date): Promise<void> {
  await tx.query(`UPDATE "Connector" SET "nextSyncAt" = ${T("$2")} WHERE "id" = $1`, [id, at.toISOString()]);
}

/** The queued or running sync job of each connector, with its progress and the last failed run's error. */
export async function pendingSyncJobs(
  runner: SqlRunner,
): Promise<{ connectorId: string; id: string; status: string; progress: number; total: number; attempts: number; error: string | null }[]> {
  return runner.query(
    `SELECT "payload"->>'connectorId' AS "connectorId", "id", "status", "progress", "total", "attempts", "error" FROM "Job"
     WHERE "kind" = 'connector.sync' AND "status" IN ('QUEUED', 'RUNNING') ORDER BY "createdAt"`,
  );
}
