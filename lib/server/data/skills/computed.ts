import "server-only";
import { parseDay } from "@/lib/domain/time";
import { client, type Tx } from "@/lib/server/data/runner";

/** Reads behind the Skills pillar's computed values (they are written by ../metric-value-writer/computed.ts). */

export async function metricIdsOfKeys(keys: string[], tx: Tx = client): Promise<{ id: string; key: string }[]> {
  return tx.metricDefinition.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
}

/** A team's stored values of a metric (by key) up to a week, oldest first; none when the metric is missing. */
export async function teamValuesUpTo(metricKey: string, teamId: string, lastWeek: string, tx: Tx = client): Promise<{ weekStart: Date; value: number }[]> {
  const metric = await tx.metricDefinition.findUnique({ where: { key: metricKey }, select: { id: true } });
  if (!metric) return [];
  return tx.metricValue.findMany({
    where: { metricId: metric.id, teamId, weekStart: { lte: parseDay(lastWeek) } },
    select: { weekStart: true, value: true },
    orderBy: { weekStart: "asc" },
  });
}

/** Employment spans of the people on a team's roster. */
export async function teamEmployments(teamId: string, tx: Tx = client): Promise<{ hireDate: Date; exitDate: Date | null }[]> {
  return tx.employment.findMany({ where: { person: { teamId } }, select: { hireDate: true, exitDate: true } });
}
