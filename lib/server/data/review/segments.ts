import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** The metric definitions the comparison of teams and segments offers and charts. */

/** Active metrics for the picker, in pillar then catalog order. */
export async function listActiveMetricOptions(tx: Tx = client) {
  return tx.metricDefinition.findMany({ where: { archivedAt: null }, select: { key: true, name: true, pillar: true }, orderBy: [{ pillar: "asc" }, { sortOrder: "asc" }] });
}

/** The active metrics with these keys (unknown or archived keys are absent), with what charting them needs. */
export async function activeMetricsByKeys(keys: string[], tx: Tx = client) {
  return tx.metricDefinition.findMany({
    where: { key: { in: keys }, archivedAt: null },
    select: { id: true, key: true, name: true, pillar: true, unit: true, direction: true, aggregation: true, sensitivity: true, source: true, cadence: true, howComputed: true },
  });
}
