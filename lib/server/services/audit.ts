import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { insertAuditRecords, type AuditClient } from "@/lib/server/data/audit";
import type { Actor } from "@/lib/server/http/actor";

/**
 * The audit trail: every create/change/delete of values, metrics, targets, users, teams and settings.
 * Call inside the writer's transaction (pass `tx`) so the record and the change commit together.
 */
export type AuditAction = "create" | "update" | "delete" | "archive" | "restore" | "import" | "undo" | "revoke" | "sync";

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

function json(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
}

export async function recordAudit(actor: Actor, entries: AuditEntry | AuditEntry[], tx?: AuditClient): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await insertAuditRecords(
    list.map((e) => ({
      actorId: actor.userId,
      actorLabel: actor.label,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      summary: e.summary ?? "",
      before: json(e.before),
      after: json(e.after),
    })),
    tx,
  );
}
