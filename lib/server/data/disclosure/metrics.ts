import "server-only";
import { client, type SqlRunner, type Tx } from "@/lib/server/data/runner";

/** Metric values as the disclosure decisions read them: who is behind each value, not the value itself. */

export interface SampleRow {
  metricId: string;
  teamId: string;
  weekStart: Date;
  numerator: number | null;
  denominator: number | null;
}

/** The numerator and denominator of each value of these metrics in the weeks `fromWeek`..`toWeek`. */
export async function metricValueSamples(metricIds: readonly string[], fromWeek: string, toWeek: string, tx: Tx = client): Promise<SampleRow[]> {
  return tx.metricValue.findMany({
    where: { metricId: { in: [...metricIds] }, weekStart: { gte: new Date(fromWeek), lte: new Date(toWeek) } },
    select: { metricId: true, teamId: true, weekStart: true, numerator: true, denominator: true },
  });
}

/** Per metric and week (YYYY-MM-DD) in `fromWeek`..`toWeek`: the teams that have a value. */
export async function teamsWithValueRows(
  runner: SqlRunner,
  metricIds: readonly string[],
  fromWeek: string,
  toWeek: string,
): Promise<{ metricId: string; week: string; teams: string[] }[]> {
  return runner.query<{ metricId: string; week: string; teams: string[] }>(
    `SELECT "metricId", to_char("weekStart", 'YYYY-MM-DD') AS "week", array_agg("teamId") AS "teams"
     FROM "MetricValue" WHERE "metricId" = ANY($1::text[]) AND "weekStart" BETWEEN $2::date AND $3::date
     GROUP BY "metricId", "weekStart"`,
    [[...metricIds], fromWeek, toWeek],
  );
}
