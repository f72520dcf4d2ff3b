import "server-only";
import type { AuditRow } from "@/lib/admin/api-types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { client, type Tx } from "@/lib/server/data/runner";

/** The audit trail: its writes (inside the writer's transaction), the admin browser's filtered pages and one entity's history. */

/** What the audit writer needs: a transaction or the shared client. */
export type AuditClient = Pick<Tx, "auditLog">;

/** Appends audit records; pass the writer's transaction so the record and the change commit together. */
export async function insertAuditRecords(records: Prisma.AuditLogCreateManyInput[], tx: AuditClient = client): Promise<void> {
  await tx.auditLog.createMany({ data: records });
}

export interface AuditFilter {
  entityType?: string;
  /** Matches the actor's label (email, "token:<name>", "system"), case-insensitive substring. */
  actor?: string;
  entityId?: string;
  /** Inclusive `YYYY-MM-DD` days (UTC). */
  from?: string;
  to?: string;
}

function whereOf(f: AuditFilter): Prisma.AuditLogWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (f.from) at.gte = new Date(`${f.from}T00:00:00Z`);
  if (f.to) at.lt = new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000);
  return {
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.actor ? { actorLabel: { contains: f.actor, mode: "insensitive" as const } } : {}),
    ...(f.from || f.to ? { at } : {}),
  };
}

const toRow = (r: { id: bigint; at: Date; actorLabel: string; action: string; entityType: string; entityId: string; summary: string; before: unknown; after: unknown }): AuditRow => ({
  id: r.id.toString(), at: r.at.toISOString(), actorLabel: r.actorLabel, action: r.action, entityType: r.entityType,
  entityId: r.entityId, summary: r.summary, before: r.before ?? null, after: r.after ?? null,
});

/** Newest first, `pageSize` rows per page (1-based), with the total for paging. */
export async function listAudit(filter: AuditFilter, page: number, pageSize: number): Promise<{ rows: AuditRow[]; total: number }> {
  const where = whereOf(filter);
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    db.auditLog.count({ where }),
  ]);
  return { rows: rows.map(toRow), total };
}

/** Every recorded change of one entity, newest first. */
export async function entityHistory(entityType: string, entityId: string, limit = 50): Promise<AuditRow[]> {
  const rows = await db.auditLog.findMany({ where: { entityType, entityId }, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit });
  return rows.map(toRow);
}

/**
 * A metric value's history: its audit rows, and the imports that wrote it. An import audits once per
 * batch, so its per-cell record is the before-image in its batch record (ImportBatch; ImportChange for imports
 * made before it); the value it wrote is what the next change found, or the stored value for the latest.
 */
export async function metricValueHistory(metricId: string, teamId: string, week: string, limit = 50): Promise<AuditRow[]> {
  const entityId = `${metricId}:${teamId}:${week}`; // as the value write path names a cell
  const weekStart = new Date(week);
  const validWeek = !Number.isNaN(weekStart.getTime());
  const [audit, imported, batched, current] = await Promise.all([
    entityHistory("MetricValue", entityId, limit),
    db.importChange.findMany({
      where: { entityType: "MetricValue", entityId },
      orderBy: { id: "desc" },
      take: limit,
      select: { id: true, before: true, import: { select: { fileName: true, actorLabel: true, status: true, createdAt: true, finishedAt: true } } },
    }),
    validWeek ? batchedImportsOfCell(metricId, teamId, week, limit) : [],
    validWeek ? db.metricValue.findUnique({ where: { metricId_teamId_weekStart: { metricId, teamId, weekStart } }, select: { value: true, note: true } }) : null,
  ]);
  const imports: AuditRow[] = [
    ...imported.map((c) => ({ key: `import-change:${c.id}`, before: c.before, ...c.import })),
    ...batched.map((c) => ({ key: `import-change:b${c.batchId}`, ...c })),
  ].map((c) => ({
    id: c.key, at: (c.finishedAt ?? c.createdAt).toISOString(), actorLabel: c.actorLabel, action: "import",
    entityType: "MetricValue", entityId, summary: `Imported from ${c.fileName}${c.status === "UNDONE" ? " (undone since)" : ""}`,
    before: c.before ?? null, after: null,
  }));
  const rows = [...audit, ...imports].sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1)).slice(0, limit);
  rows.forEach((row, i) => {
    if (!row.id.startsWith("import-change:")) return;
    row.after = i === 0 ? (current ?? null) : (rows[i - 1].before ?? null);
  });
  return rows;
}

/** The imports whose batch records hold this cell, newest first, with its before-image in each. */
async function batchedImportsOfCell(metricId: string, teamId: string, week: string, limit: number) {
  return db.$queryRawUnsafe<
    { batchId: bigint; before: Prisma.JsonValue | null; fileName: string; actorLabel: string; status: string; createdAt: Date; finishedAt: Date | null }[]
  >(
    `SELECT ib."id" AS "batchId", ib."before" -> (c.i - 1)::int AS "before",
            i."fileName", i."actorLabel", i."status"::text AS "status", i."createdAt", i."finishedAt"
     FROM "ImportBatch" ib
     JOIN "Import" i ON i."id" = ib."importId"
     CROSS JOIN LATERAL (
       SELECT x.i FROM unnest(ib."metricIds", ib."teamIds", ib."weeks") WITH ORDINALITY AS x(m, t, w, i)
       WHERE x.m = $1 AND x.t = $2 AND x.w = $3::date LIMIT 1
     ) c
     WHERE ib."metricIds" @> ARRAY[$1::text]
     ORDER BY ib."id" DESC
     LIMIT $4`,
    metricId, teamId, week, limit,
  );
}

/** The entity types present, for the browser's filter. */
export async function auditEntityTypes(): Promise<string[]> {
  const rows = await db.auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } });
  return rows.map((r) => r.entityType);
}

/** Of these metrics, the ones whose values are sensitive (survey or people data), for redacting audit diffs. */
export async function sensitiveMetricsAmong(metricIds: string[]) {
  return db.metricDefinition.findMany({ where: { id: { in: metricIds }, sensitivity: { not: "NONE" } }, select: { id: true, key: true, sensitivity: true } });
}
