import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** The organisation settings and the metric catalogue as the full export writes them. */

export async function exportedSettings(tx: Tx = client) {
  return tx.orgSettings.findUnique({ where: { id: 1 }, select: { name: true, timeZone: true, anonymityThreshold: true, noteChangePct: true, currency: true } });
}

/** Every metric definition (archived ones too) by key. */
export async function exportedMetricDefinitions(tx: Tx = client) {
  return tx.metricDefinition.findMany({
    orderBy: { key: "asc" },
    select: { key: true, name: true, pillar: true, unit: true, direction: true, aggregation: true, source: true, cadence: true, minValue: true, maxValue: true, integer: true, sensitivity: true, builtIn: true, archivedAt: true, description: true, howComputed: true },
  });
}
