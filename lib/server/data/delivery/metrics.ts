import "server-only";
import type { SqlRunner } from "@/lib/server/data/runner";

/** Metric definitions' ids by key, for the computed-value writers. */
export async function metricIdsOfKeys(runner: SqlRunner, keys: readonly string[]): Promise<{ id: string; key: string }[]> {
  return runner.query<{ id: string; key: string }>(`SELECT "id", "key" FROM "MetricDefinition" WHERE "key" = ANY($1::text[])`, [keys]);
}
