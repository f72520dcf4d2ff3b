import "server-only";
import { formatDay } from "@/lib/domain/time";
import type { TargetRow, TargetScopeType } from "@/lib/metrics/targets";
import { client, type Tx } from "@/lib/server/data/runner";
import { db } from "@/lib/server/db";

/** Every target of the given metrics (all scopes, all effective dates), for `targetFor` to resolve. */
export async function listTargetsOfMetrics(metricIds: string[]): Promise<TargetRow[]> {
  if (metricIds.length === 0) return [];
  const rows = await db.target.findMany({
    where: { metricId: { in: metricIds } },
    select: { metricId: true, scopeType: true, scopeId: true, green: true, amber: true, effectiveFrom: true },
  });
  return rows.map((t) => ({ ...t, effectiveFrom: formatDay(t.effectiveFrom) }));
}

/** Every target (or a metric's), with its metric's name, in the admin list's order. */
export async function listTargetRows(filter: { metricId?: string } = {}, tx: Tx = client) {
  return tx.target.findMany({
    where: filter.metricId ? { metricId: filter.metricId } : {},
    select: { id: true, metricId: true, scopeType: true, scopeId: true, green: true, amber: true, effectiveFrom: true, createdAt: true, metric: { select: { name: true } } },
    orderBy: [{ metricId: "asc" }, { scopeType: "asc" }, { effectiveFrom: "desc" }, { createdAt: "desc" }],
  });
}

/** Every group's and team's name by id, for naming target scopes. */
export async function scopeNames(tx: Tx = client): Promise<{ groups: { id: string; name: string }[]; teams: { id: string; name: string }[] }> {
  const [groups, teams] = await Promise.all([
    tx.group.findMany({ select: { id: true, name: true } }),
    tx.team.findMany({ select: { id: true, name: true } }),
  ]);
  return { groups, teams };
}

export async function orgName(tx: Tx = client): Promise<string | null> {
  return (await tx.orgSettings.findUnique({ where: { id: 1 }, select: { name: true } }))?.name ?? null;
}

export async function targetMetric(metricId: string, tx: Tx = client) {
  return tx.metricDefinition.findUnique({ where: { id: metricId }, select: { id: true, name: true, direction: true } });
}

export interface NewTarget {
  metricId: string;
  scopeType: TargetScopeType;
  scopeId: string | null;
  green: number;
  amber: number;
  effectiveFrom: string;
  createdById: string | null;
}

export async function insertTarget(t: NewTarget, tx: Tx = client): Promise<{ id: string }> {
  return tx.target.create({ data: { ...t, effectiveFrom: new Date(t.effectiveFrom) }, select: { id: true } });
}

/** The latest other target of the same metric and scope in force on `onDay`. */
export async function targetInForceBefore(t: { metricId: string; scopeType: TargetScopeType; scopeId: string | null; exceptId: string; onDay: string }, tx: Tx = client) {
  return tx.target.findFirst({
    where: { metricId: t.metricId, scopeType: t.scopeType, scopeId: t.scopeId, id: { not: t.exceptId }, effectiveFrom: { lte: new Date(t.onDay) } },
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
    select: { green: true, amber: true, effectiveFrom: true },
  });
}

export async function targetForCorrection(id: string, tx: Tx = client) {
  return tx.target.findUnique({
    where: { id },
    select: { id: true, scopeType: true, green: true, amber: true, effectiveFrom: true, metric: { select: { name: true, direction: true } } },
  });
}

export async function updateTargetBands(id: string, data: { green: number; amber: number; effectiveFrom: string }, tx: Tx = client): Promise<void> {
  await tx.target.update({ where: { id }, data: { green: data.green, amber: data.amber, effectiveFrom: new Date(data.effectiveFrom) } });
}

export async function targetForDeletion(id: string, tx: Tx = client) {
  return tx.target.findUnique({
    where: { id },
    select: { metricId: true, scopeType: true, scopeId: true, green: true, amber: true, effectiveFrom: true, metric: { select: { name: true } } },
  });
}

export async function deleteTargetRow(id: string, tx: Tx = client): Promise<void> {
  await tx.target.delete({ where: { id } });
}
