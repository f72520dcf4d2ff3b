import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** Team metric values as the exports read them: the metrics and teams named, the weeks stored, page by page. */

/** Metrics with the given keys (every metric when none are given), with their id. */
export async function metricIdsByKeys(keys: readonly string[] | undefined, tx: Tx = client): Promise<{ id: string; key: string }[]> {
  return tx.metricDefinition.findMany({ where: keys?.length ? { key: { in: [...keys] } } : {}, select: { id: true, key: true } });
}

/** The given teams' slugs. */
export async function teamSlugsById(teamIds: readonly string[], tx: Tx = client): Promise<{ id: string; slug: string }[]> {
  return tx.team.findMany({ where: { id: { in: [...teamIds] } }, select: { id: true, slug: true } });
}

/** The given metrics' key and sensitivity. */
export async function metricSensitivities(metricIds: readonly string[], tx: Tx = client) {
  return tx.metricDefinition.findMany({ where: { id: { in: [...metricIds] } }, select: { id: true, key: true, sensitivity: true } });
}

/** The first and last week holding a value of any of the given metrics (null when none). */
export async function metricValueWeekSpan(metricIds: readonly string[], tx: Tx = client): Promise<{ min: Date | null; max: Date | null }> {
  const span = await tx.metricValue.aggregate({ where: { metricId: { in: [...metricIds] } }, _min: { weekStart: true }, _max: { weekStart: true } });
  return { min: span._min.weekStart, max: span._max.weekStart };
}

export interface ExportedValueRow {
  id: bigint;
  teamId: string;
  metricId: string;
  weekStart: Date;
  value: number;
  note: string | null;
  numerator: number | null;
  denominator: number | null;
}

/** One page of the values of the given teams and metrics (weeks from/to inclusive, when given), in id order after `cursor`. */
export async function metricValuePage(
  filter: { teamIds: readonly string[]; metricIds: readonly string[]; from?: string; to?: string },
  cursor: bigint | null,
  take: number,
  tx: Tx = client,
): Promise<ExportedValueRow[]> {
  const weekRange = {
    ...(filter.from ? { gte: new Date(filter.from) } : {}),
    ...(filter.to ? { lte: new Date(filter.to) } : {}),
  };
  const where = { teamId: { in: [...filter.teamIds] }, metricId: { in: [...filter.metricIds] }, weekStart: weekRange };
  return tx.metricValue.findMany({
    where: cursor === null ? where : { ...where, id: { gt: cursor } },
    orderBy: { id: "asc" },
    take,
    select: { id: true, teamId: true, metricId: true, weekStart: true, value: true, note: true, numerator: true, denominator: true },
  });
}
