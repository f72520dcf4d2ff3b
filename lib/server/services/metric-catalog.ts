import "server-only";
import { localDate } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getOrgSettings } from "@/lib/server/data/org";
import { db } from "@/lib/server/db";
import { badRequest, conflict, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import type { CreateMetricInput, UpdateMetricInput } from "@/lib/validation/metrics";

/**
 * The metric catalog: admins list, create, edit, archive and delete metric definitions. Built-in computed
 * metrics are read-only (only their targets change, elsewhere). Every definition change is audited and
 * leaves a METRIC_CHANGE annotation so charts show when the meaning of a line changed.
 */

const SELECT = {
  id: true, key: true, name: true, pillar: true, unit: true, direction: true, aggregation: true, cadence: true, source: true,
  minValue: true, maxValue: true, integer: true, noteChangePct: true, description: true, howComputed: true, headline: true,
  builtIn: true, appliesToAll: true, archivedAt: true, sortOrder: true, sensitivity: true, teams: { select: { teamId: true } },
} as const;

type Row = Prisma.MetricDefinitionGetPayload<{ select: typeof SELECT }>;

export interface CatalogMetric extends Omit<Row, "teams" | "archivedAt"> {
  teamIds: string[];
  archivedAt: string | null;
  valueCount: number;
  /** Built-in computed metrics cannot be edited (their numbers come from events). */
  readOnly: boolean;
}

function toCatalog(m: Row, valueCount: number): CatalogMetric {
  const { teams, archivedAt, ...rest } = m;
  return { ...rest, teamIds: teams.map((t) => t.teamId).sort(), archivedAt: archivedAt?.toISOString() ?? null, valueCount, readOnly: m.source === "COMPUTED" };
}

async function valueCounts(ids: string[]): Promise<Map<string, number>> {
  const rows = await db.metricValue.groupBy({ by: ["metricId"], where: { metricId: { in: ids } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.metricId, r._count._all]));
}

export async function listCatalog(filter: { pillar?: string; archived?: "include" | "exclude" | "only" } = {}): Promise<CatalogMetric[]> {
  const archived = filter.archived ?? "exclude";
  const rows = await db.metricDefinition.findMany({
    where: {
      ...(filter.pillar ? { pillar: filter.pillar as Row["pillar"] } : {}),
      ...(archived === "exclude" ? { archivedAt: null } : archived === "only" ? { archivedAt: { not: null } } : {}),
    },
    select: SELECT,
    orderBy: [{ pillar: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
  });
  const counts = await valueCounts(rows.map((r) => r.id));
  return rows.map((r) => toCatalog(r, counts.get(r.id) ?? 0));
}

export async function getCatalogMetric(id: string): Promise<CatalogMetric> {
  const row = await db.metricDefinition.findUnique({ where: { id }, select: SELECT });
  if (!row) throw notFound("Metric");
  return toCatalog(row, (await valueCounts([id])).get(id) ?? 0);
}

async function assertTeamsExist(teamIds: string[]): Promise<void> {
  if (teamIds.length === 0) return;
  const found = await db.team.count({ where: { id: { in: teamIds } } });
  if (found !== new Set(teamIds).size) throw badRequest("One of the chosen teams does not exist.");
}

/** The definition as recorded in the audit trail. */
function snapshot(m: Row) {
  const { teams, ...rest } = m;
  return { ...rest, teamIds: teams.map((t) => t.teamId).sort() };
}

/** Today in the organisation's zone; read before a transaction opens (the embedded database has one connection). */
async function orgToday(now: Date): Promise<Date> {
  return new Date(localDate(now, (await getOrgSettings()).timeZone));
}

async function annotate(tx: Prisma.TransactionClient, actor: Actor, today: Date, metricId: string, name: string, body: string): Promise<void> {
  await tx.annotation.create({
    data: {
      scopeType: "ORG", scopeId: null, date: today, title: `Metric changed: ${name}`,
      body, kind: "METRIC_CHANGE", metricId, createdById: actor.userId,
    },
  });
}

export async function createMetric(actor: Actor, input: CreateMetricInput, now = new Date()): Promise<CatalogMetric> {
  if (await db.metricDefinition.findUnique({ where: { key: input.key }, select: { id: true } })) {
    throw conflict(`A metric with the key "${input.key}" already exists.`);
  }
  await assertTeamsExist(input.teamIds);
  const { teamIds, ...fields } = input;
  const today = await orgToday(now);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.metricDefinition.create({
      data: {
        ...fields, source: "MANUAL", builtIn: false,
        teams: input.appliesToAll ? undefined : { create: teamIds.map((teamId) => ({ teamId })) },
      },
      select: SELECT,
    });
    await recordAudit(actor, { action: "create", entityType: "MetricDefinition", entityId: created.id, summary: `Created metric ${created.name} (${created.key})`, after: snapshot(created) }, tx);
    await annotate(tx, actor, today, created.id, created.name, "New metric added to the catalog.");
    return created;
  });
  return toCatalog(row, 0);
}

const FIELD_LABELS: Record<string, string> = {
  name: "name", pillar: "pillar", unit: "unit", direction: "direction", aggregation: "aggregation", cadence: "cadence",
  minValue: "minimum", maxValue: "maximum", integer: "whole numbers", noteChangePct: "note threshold", description: "description",
  howComputed: "how it is computed", headline: "shown on the overview", appliesToAll: "teams", teamIds: "teams",
};

export async function updateMetric(actor: Actor, id: string, input: UpdateMetricInput, now = new Date()): Promise<CatalogMetric> {
  const existing = await db.metricDefinition.findUnique({ where: { id }, select: SELECT });
  if (!existing) throw notFound("Metric");
  if (existing.source === "COMPUTED") throw badRequest(`"${existing.name}" is computed from events; only its targets can be changed.`);
  const merged = { minValue: existing.minValue, maxValue: existing.maxValue, ...input };
  if (merged.minValue != null && merged.maxValue != null && merged.minValue > merged.maxValue) {
    throw badRequest("The maximum must not be below the minimum.");
  }
  const appliesToAll = input.appliesToAll ?? existing.appliesToAll;
  const teamIds = input.teamIds ?? existing.teams.map((t) => t.teamId);
  if (!appliesToAll && teamIds.length === 0) throw badRequest("Choose at least one team, or apply the metric to all teams.");
  await assertTeamsExist(teamIds);

  const before = snapshot(existing);
  const { teamIds: _teams, ...fields } = input;
  const after = { ...before, ...fields, appliesToAll, teamIds: appliesToAll ? [] : [...new Set(teamIds)].sort() };
  const changed = Object.keys(FIELD_LABELS).filter((k) => JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(after[k as keyof typeof after]));
  if (changed.length === 0) return getCatalogMetric(id);
  const today = await orgToday(now);

  await db.$transaction(async (tx) => {
    await tx.metricDefinition.update({ where: { id }, data: { ...fields, appliesToAll } });
    if (input.teamIds !== undefined || input.appliesToAll !== undefined) {
      await tx.metricTeam.deleteMany({ where: { metricId: id } });
      if (!appliesToAll) await tx.metricTeam.createMany({ data: [...new Set(teamIds)].map((teamId) => ({ metricId: id, teamId })) });
    }
    const what = [...new Set(changed.map((k) => FIELD_LABELS[k]))].join(", ");
    await recordAudit(actor, { action: "update", entityType: "MetricDefinition", entityId: id, summary: `Changed ${what} of ${after.name}`, before, after }, tx);
    await annotate(tx, actor, today, id, after.name, `Changed: ${what}.`);
  });
  return getCatalogMetric(id);
}

export type RemoveOutcome = { outcome: "deleted" } | { outcome: "archived" };

/**
 * A metric without values is deleted; one with values is archived (kept with its history, hidden from
 * entry and dashboards) and only when the caller confirmed, since it disappears from every chart.
 */
export async function removeMetric(actor: Actor, id: string, confirmed: boolean, now = new Date()): Promise<RemoveOutcome> {
  const existing = await db.metricDefinition.findUnique({ where: { id }, select: SELECT });
  if (!existing) throw notFound("Metric");
  if (existing.builtIn && existing.source === "COMPUTED") throw badRequest(`"${existing.name}" is built in and computed from events; it cannot be removed.`);
  const values = await db.metricValue.count({ where: { metricId: id } });
  if (values === 0 && !existing.builtIn) {
    await db.$transaction(async (tx) => {
      await tx.metricDefinition.delete({ where: { id } });
      await recordAudit(actor, { action: "delete", entityType: "MetricDefinition", entityId: id, summary: `Deleted metric ${existing.name} (${existing.key})`, before: snapshot(existing) }, tx);
    });
    return { outcome: "deleted" };
  }
  if (existing.archivedAt) return { outcome: "archived" };
  if (!confirmed) {
    throw conflict(`"${existing.name}" has ${values} value(s). Confirm to archive it: its data is kept but it leaves entry and dashboards.`, { values, needsConfirmation: true });
  }
  const today = await orgToday(now);
  await db.$transaction(async (tx) => {
    const archivedAt = now;
    await tx.metricDefinition.update({ where: { id }, data: { archivedAt } });
    await recordAudit(actor, { action: "archive", entityType: "MetricDefinition", entityId: id, summary: `Archived metric ${existing.name} (${values} values kept)`, before: snapshot(existing), after: { ...snapshot(existing), archivedAt } }, tx);
    await annotate(tx, actor, today, id, existing.name, "Archived: no longer entered or shown.");
  });
  return { outcome: "archived" };
}
