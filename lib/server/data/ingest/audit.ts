import "server-only";
import type { SqlRunner } from "@/lib/server/data/runner";

/** One audit row written on the raw runner of an ingest batch (the shape recordAudit writes). */
export async function insertBatchAudit(
  runner: SqlRunner,
  row: { actorId: string | null; actorLabel: string; entityType: string; entityId: string; summary: string },
): Promise<void> {
  await runner.query(
    `INSERT INTO "AuditLog" ("actorId", "actorLabel", "action", "entityType", "entityId", "summary") VALUES ($1, $2, 'import', $3, $4, $5)`,
    [row.actorId, row.actorLabel, row.entityType, row.entityId, row.summary],
  );
}
