/**
 * Bulk-loads the generated values. One INSERT … SELECT FROM unnest(arrays) per batch sends five
 * thousand rows as six array parameters, which loads the demo's tens of thousands of values in
 * about a second on the embedded database (one statement per row would take minutes).
 */
import "server-only";
import type { SqlRunner } from "@/lib/server/sql-runner";
import type { SeedValue } from "./values/sink";

const BATCH = 5000;

export async function insertValues(
  runner: SqlRunner,
  values: readonly SeedValue[],
  metricIds: Map<string, string>,
  teamIds: Map<string, string>,
): Promise<number> {
  const lookup = (map: Map<string, string>, key: string, what: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`unknown ${what} ${key}`);
    return id;
  };
  for (let start = 0; start < values.length; start += BATCH) {
    const batch = values.slice(start, start + BATCH);
    await runner.query(
      `INSERT INTO "MetricValue" ("metricId", "teamId", "weekStart", "value", "numerator", "denominator", "source", "updatedAt")
       SELECT m, t, w, v, n, d, 'SEED'::"ValueSource", CURRENT_TIMESTAMP
       FROM unnest($1::text[], $2::text[], $3::date[], $4::float8[], $5::float8[], $6::float8[]) AS x(m, t, w, v, n, d)`,
      [
        batch.map((r) => lookup(metricIds, r.metric, "metric")),
        batch.map((r) => lookup(teamIds, r.team, "team")),
        batch.map((r) => r.week),
        batch.map((r) => r.value),
        batch.map((r) => r.numerator),
        batch.map((r) => r.denominator),
      ],
    );
  }
  return values.length;
}
