import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";

/** Reads of the audit trail: the admin browser's filtered pages and one entity's history. */

export interface AuditRow {
  id: string;
  at: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  before: unknown;
  after: unknown;
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

/** The entity types present, for the browser's filter. */
export async function auditEntityTypes(): Promise<string[]> {
  const rows = await db.auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } });
  return rows.map((r) => r.entityType);
}
