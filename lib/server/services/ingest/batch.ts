import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/server/http/actor";
import type { SqlRunner } from "@/lib/server/sql-runner";

/** What an ingest call reports back. */
export interface IngestResult {
  received: number;
  created: number;
  updated: number;
  /** Services named in the batch that have no team yet (their events count nowhere until an admin maps them). */
  unassignedServices: string[];
}

/** Epoch milliseconds of a timestamp column, read as UTC whatever the session time zone. */
export const epochMs = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

/** An ISO instant parameter written into a `timestamp` (UTC) column. */
export const utcTimestamp = (param: string) => `(${param} AT TIME ZONE 'UTC')`;

export function dateOrNull(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}

export function fromEpoch(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

/**
 * One audit row per batch, written in the batch's own transaction (raw SQL, because the batch runs on
 * the raw runner rather than a Prisma transaction; the row has the shape recordAudit writes).
 */
export async function auditBatch(tx: SqlRunner, actor: Actor, entityType: string, result: IngestResult): Promise<void> {
  await tx.query(
    `INSERT INTO "AuditLog" ("actorId", "actorLabel", "action", "entityType", "entityId", "summary") VALUES ($1, $2, 'import', $3, $4, $5)`,
    [actor.userId, actor.label, entityType, `batch:${randomUUID()}`, `${result.received} received: ${result.created} created, ${result.updated} updated`],
  );
}
