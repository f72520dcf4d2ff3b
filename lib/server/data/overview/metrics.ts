import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** Metric definitions and values as the dashboards, the review and the missing-data list read them. */

/** Active metrics' key and name, in catalogue order (pillar, then position). */
export async function listActiveMetricNames(tx: Tx = client): Promise<{ key: string; name: string }[]> {
  return tx.metricDefinition.findMany({ where: { archivedAt: null }, select: { key: true, name: true }, orderBy: [{ pillar: "asc" }, { sortOrder: "asc" }] });
}

/** Active metrics (all, those of `keys`, or the headline ones) with what a dashboard series needs, in catalogue order. */
export async function listDashboardMetrics(where: { keys?: string[]; headline?: boolean }, tx: Tx = client) {
  return tx.metricDefinition.findMany({
    where: { archivedAt: null, ...(where.keys ? { key: { in: where.keys } } : {}), ...(where.headline ? { headline: true } : {}) },
    select: {
      id: true, key: true, name: true, pillar: true, unit: true, direction: true, aggregation: true, sensitivity: true,
      source: true, cadence: true, howComputed: true, appliesToAll: true, sortOrder: true, teams: { select: { teamId: true } },
    },
    orderBy: [{ pillar: "asc" }, { sortOrder: "asc" }],
  });
}

/** Keys among `keys` of metrics that are not archived. */
export async function activeMetricKeysOf(keys: readonly string[], tx: Tx = client): Promise<string[]> {
  const rows = await tx.metricDefinition.findMany({ where: { key: { in: [...keys] }, archivedAt: null }, select: { key: true } });
  return rows.map((m) => m.key);
}

/** Whether any team metric value is stored at all. */
export async function hasAnyMetricValue(tx: Tx = client): Promise<boolean> {
  return (await tx.metricValue.findFirst({ select: { id: true } })) !== null;
}

/** The group a team belongs to, or null when there is no such team. */
export async function groupIdOfTeam(teamId: string, tx: Tx = client): Promise<string | null> {
  return (await tx.team.findUnique({ where: { id: teamId }, select: { groupId: true } }))?.groupId ?? null;
}

/** A group's parent, or null for a top-level group or no such group. */
export async function parentIdOfGroup(groupId: string, tx: Tx = client): Promise<string | null> {
  return (await tx.group.findUnique({ where: { id: groupId }, select: { parentId: true } }))?.parentId ?? null;
}
