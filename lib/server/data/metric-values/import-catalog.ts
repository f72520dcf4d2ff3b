import "server-only";
import type { PillarKey } from "@/lib/metrics/catalog";
import { client, type Tx } from "@/lib/server/data/runner";

/** The catalog reads and writes of a metric-value import: the metrics it names, and the teams and metrics it creates. */

/** Live metrics, for resolving the names a file gives. */
export async function listLiveMetricNames(tx: Tx = client): Promise<{ id: string; key: string; name: string; cadence: "WEEKLY" | "MONTHLY" }[]> {
  return tx.metricDefinition.findMany({ select: { id: true, key: true, name: true, cadence: true }, where: { archivedAt: null } });
}

export async function groupIdBySlug(slug: string, tx: Tx = client): Promise<{ id: string } | null> {
  return tx.group.findUnique({ where: { slug }, select: { id: true } });
}

export async function insertGroup(data: { slug: string; name: string }, tx: Tx = client): Promise<{ id: string }> {
  return tx.group.create({ data, select: { id: true } });
}

export async function teamSlugTaken(slug: string, tx: Tx = client): Promise<boolean> {
  return (await tx.team.count({ where: { slug } })) > 0;
}

export async function insertTeam(data: { name: string; slug: string; groupId: string; location: string }, tx: Tx = client): Promise<{ id: string }> {
  return tx.team.create({ data, select: { id: true } });
}

export async function metricKeyTaken(key: string, tx: Tx = client): Promise<boolean> {
  return (await tx.metricDefinition.count({ where: { key } })) > 0;
}

export async function insertMetric(data: { key: string; name: string; pillar: PillarKey; unit: string; howComputed: string }, tx: Tx = client): Promise<{ id: string }> {
  return tx.metricDefinition.create({ data, select: { id: true } });
}
