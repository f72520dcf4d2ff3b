import { db } from "@/lib/server/db";

/** The computed metric values (of `teamIds`, or all), keyed "metric|team|week", as [value, numerator, denominator]. */
export async function computedValues(teamIds?: readonly string[]) {
  const rows = await db.metricValue.findMany({
    where: { source: "COMPUTED", ...(teamIds ? { teamId: { in: [...teamIds] } } : {}) },
    select: { metric: { select: { key: true } }, teamId: true, weekStart: true, value: true, numerator: true, denominator: true },
  });
  return new Map(rows.map((r) => [`${r.metric.key}|${r.teamId}|${r.weekStart.toISOString().slice(0, 10)}`, [r.value, r.numerator, r.denominator]]));
}
