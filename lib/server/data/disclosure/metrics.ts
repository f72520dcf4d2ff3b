import "server-only";
import type { SqlRunner } from "@/lib/server/data/runner";

/**
 * Metric values as the disclosure decisions read them: who is behind each value, not the value itself. Only values
 * of metrics with people in them (sensitivity other than NONE) are read: only their writes move the disclosure
 * version (the disclosure_version migration), so a reading kept at one version stays true.
 */
const ONLY_SENSITIVE = `"metricId" IN (SELECT "id" FROM "MetricDefinition" WHERE "sensitivity" <> 'NONE')`;

/**
 * Per metric and week (YYYY-MM-DD) in `fromWeek`..`toWeek`: each team with a value and the people behind it — the
 * numerator for the metrics in `numeratorMetricIds`, the denominator for the others, rounded half up (null and
 * negatives count as 0).
 * Grouped in the database: a year of an organisation's survey values is a hundred thousand rows, a few hundred groups.
 */
export async function surveySampleRows(
  runner: SqlRunner,
  metricIds: readonly string[],
  numeratorMetricIds: readonly string[],
  fromWeek: string,
  toWeek: string,
): Promise<{ metricId: string; week: string; teams: string[]; samples: number[] }[]> {
  return runner.query<{ metricId: string; week: string; teams: string[]; samples: number[] }>(
    `SELECT "metricId", to_char("weekStart", 'YYYY-MM-DD') AS "week", array_agg("teamId" ORDER BY "teamId") AS "teams",
            array_agg(GREATEST(0, round(COALESCE(CASE WHEN "metricId" = ANY($2::text[]) THEN "numerator" ELSE "denominator" END, 0)::numeric))::float8 ORDER BY "teamId") AS "samples"
     FROM "MetricValue" WHERE "metricId" = ANY($1::text[]) AND "weekStart" BETWEEN $3::date AND $4::date
       AND ${ONLY_SENSITIVE}
     GROUP BY "metricId", "weekStart"`,
    [[...metricIds], [...numeratorMetricIds], fromWeek, toWeek],
  );
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
       AND ${ONLY_SENSITIVE}
     GROUP BY "metricId", "weekStart"`,
    [[...metricIds], fromWeek, toWeek],
  );
}
