import "server-only";
import { randomUUID } from "node:crypto";
import { insertBatchAudit } from "@/lib/server/data/ingest/audit";
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

export function dateOrNull(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}

export function fromEpoch(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

/**
 * One audit row per batch, written in the batch's own transaction (on the raw runner the batch runs on
 * rather than a Prisma transaction; the row has the shape recordAudit writes).
 */
export async function auditBatch(tx: SqlRunner, actor: Actor, entityType: string, result: IngestResult): Promise<void> {
  await insertBatchAudit(tx, {
    actorId: actor.userId,
    actorLabel: actor.label,
    entityType,
    entityId: `batch:${randomUUID()}`,
    summary: `${result.received} received: ${result.created} created, ${result.updated} updated`,
  });
}
