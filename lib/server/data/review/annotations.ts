import "server-only";
import type { ScopeType } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/** Dated notes on the org, a group or a team, and the metric-change notes the catalog leaves. */

export interface AnnotationRecord {
  id: string;
  scopeType: ScopeType;
  scopeId: string | null;
  date: Date;
  title: string;
  body: string | null;
  kind: string;
  metricId: string | null;
  createdById: string | null;
  createdAt: Date;
}

export type AnnotationListRow = Omit<AnnotationRecord, "createdAt">;

export interface NewAnnotation {
  scopeType: ScopeType;
  scopeId: string | null;
  date: Date;
  title: string;
  body: string | null;
  kind: "NOTE" | "METRIC_CHANGE";
  metricId?: string;
  createdById: string | null;
}

const LIST_SELECT = { id: true, scopeType: true, scopeId: true, date: true, title: true, body: true, kind: true, metricId: true, createdById: true } as const;
const NEWEST_FIRST = [{ date: "desc" as const }, { createdAt: "desc" as const }];

/** Inclusive day bounds; either may be absent. */
function dateFilter(from: Date | undefined, to: Date | undefined) {
  return from || to ? { date: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {};
}

/** The org's notes and those of these groups and teams, optionally within [from, to], newest first. */
export async function listAnnotationsOfScopes(
  scopes: { groupIds: string[]; teamIds: string[] },
  from: Date | undefined,
  to: Date | undefined,
  tx: Tx = client,
): Promise<AnnotationListRow[]> {
  return tx.annotation.findMany({
    where: {
      AND: [
        {
          OR: [
            { scopeType: "ORG" },
            ...(scopes.groupIds.length ? [{ scopeType: "GROUP" as const, scopeId: { in: scopes.groupIds } }] : []),
            ...(scopes.teamIds.length ? [{ scopeType: "TEAM" as const, scopeId: { in: scopes.teamIds } }] : []),
          ],
        },
        dateFilter(from, to),
      ],
    },
    select: LIST_SELECT,
    orderBy: NEWEST_FIRST,
  });
}

/** Every note dated in [from, to], whatever its scope, newest first. */
export async function listAnnotationsDated(from: Date, to: Date, tx: Tx = client): Promise<AnnotationListRow[]> {
  return tx.annotation.findMany({ where: { date: { gte: from, lte: to } }, select: LIST_SELECT, orderBy: NEWEST_FIRST });
}

export async function annotationById(id: string, tx: Tx = client): Promise<AnnotationRecord | null> {
  return tx.annotation.findUnique({ where: { id } });
}

export async function insertAnnotation(data: NewAnnotation, tx: Tx = client): Promise<AnnotationRecord> {
  return tx.annotation.create({ data });
}

/** Changes the given fields (absent ones stay). */
export async function updateAnnotationFields(id: string, data: { date?: Date; title?: string; body?: string | null }, tx: Tx = client): Promise<AnnotationRecord> {
  return tx.annotation.update({ where: { id }, data });
}

export async function deleteAnnotationById(id: string, tx: Tx = client): Promise<void> {
  await tx.annotation.delete({ where: { id } });
}

/** The keys of these metrics, by id. */
export async function metricKeysOf(ids: string[], tx: Tx = client): Promise<{ id: string; key: string }[]> {
  return tx.metricDefinition.findMany({ where: { id: { in: ids } }, select: { id: true, key: true } });
}
