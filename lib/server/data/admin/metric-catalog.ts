import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/** Metric definitions as the catalog administers them, with the teams a metric applies to. */

const CATALOG_SELECT = {
  id: true, key: true, name: true, pillar: true, unit: true, direction: true, aggregation: true, cadence: true, source: true,
  minValue: true, maxValue: true, integer: true, noteChangePct: true, description: true, howComputed: true, headline: true,
  builtIn: true, appliesToAll: true, archivedAt: true, sortOrder: true, sensitivity: true, teams: { select: { teamId: true } },
} as const;

export type CatalogRecord = Prisma.MetricDefinitionGetPayload<{ select: typeof CATALOG_SELECT }>;

/** Editable definition fields (not the key, source, built-in flag or teams). */
export type MetricDefinitionFields = Omit<Prisma.MetricDefinitionUncheckedUpdateInput, "id" | "teams" | "values">;

/** By pillar, catalog order, then name; `archived` keeps out, includes or keeps only archived metrics. */
export async function listCatalogRecords(filter: { pillar?: CatalogRecord["pillar"]; archived: "include" | "exclude" | "only" }, tx: Tx = client): Promise<CatalogRecord[]> {
  return tx.metricDefinition.findMany({
    where: {
      ...(filter.pillar ? { pillar: filter.pillar } : {}),
      ...(filter.archived === "exclude" ? { archivedAt: null } : filter.archived === "only" ? { archivedAt: { not: null } } : {}),
    },
    select: CATALOG_SELECT,
    orderBy: [{ pillar: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
  });
}

export async function catalogRecordById(id: string, tx: Tx = client): Promise<CatalogRecord | null> {
  return tx.metricDefinition.findUnique({ where: { id }, select: CATALOG_SELECT });
}

export async function metricIdByKey(key: string, tx: Tx = client): Promise<string | null> {
  return (await tx.metricDefinition.findUnique({ where: { key }, select: { id: true } }))?.id ?? null;
}

/** How many values each of these metrics has; metrics without values are absent. */
export async function valueCountsByMetric(metricIds: string[], tx: Tx = client): Promise<Map<string, number>> {
  const rows = await tx.metricValue.groupBy({ by: ["metricId"], where: { metricId: { in: metricIds } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.metricId, r._count._all]));
}

export async function countMetricValues(metricId: string, tx: Tx = client): Promise<number> {
  return tx.metricValue.count({ where: { metricId } });
}

/** Creates the definition, linked to `teamIds` unless it is `null` (applies to all teams). */
export async function insertMetricDefinition(
  fields: Omit<Prisma.MetricDefinitionCreateInput, "teams">,
  teamIds: string[] | null,
  tx: Tx = client,
): Promise<CatalogRecord> {
  return tx.metricDefinition.create({
    data: { ...fields, teams: teamIds === null ? undefined : { create: teamIds.map((teamId) => ({ teamId })) } },
    select: CATALOG_SELECT,
  });
}

export async function updateMetricDefinition(id: string, fields: MetricDefinitionFields, tx: Tx = client): Promise<void> {
  await tx.metricDefinition.update({ where: { id }, data: fields });
}

export async function deleteMetricDefinition(id: string, tx: Tx = client): Promise<void> {
  await tx.metricDefinition.delete({ where: { id } });
}

export async function deleteMetricTeams(metricId: string, tx: Tx = client): Promise<void> {
  await tx.metricTeam.deleteMany({ where: { metricId } });
}

export async function insertMetricTeams(metricId: string, teamIds: string[], tx: Tx = client): Promise<void> {
  await tx.metricTeam.createMany({ data: teamIds.map((teamId) => ({ metricId, teamId })) });
}
