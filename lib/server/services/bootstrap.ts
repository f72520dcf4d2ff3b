import "server-only";
import { BUILT_IN_METRICS } from "@/lib/metrics/catalog";
import { ensureOrgSettingsRow, insertMetricDefinitions, listMetricKeys, updateBuiltInMetric } from "@/lib/server/data/admin/bootstrap";
import type { Tx } from "@/lib/server/data/runner";

/**
 * Makes the built-in rows exist: the organisation settings row and every built-in metric definition
 * (upserted by key, so an upgrade adds new metrics and refreshes texts without touching targets or data).
 * Admin edits to built-in definitions' names are kept; texts that describe computation follow the release.
 */
export async function ensureBuiltIns(db?: Tx): Promise<void> {
  await ensureOrgSettingsRow(db);
  const existing = new Set(await listMetricKeys(db));
  const missing = BUILT_IN_METRICS.filter((m) => !existing.has(m.key));
  if (missing.length > 0) {
    await insertMetricDefinitions(
      missing.map((m) => ({
        key: m.key,
        name: m.name,
        pillar: m.pillar,
        unit: m.unit,
        direction: m.direction,
        aggregation: m.aggregation,
        source: m.source,
        cadence: m.cadence ?? "WEEKLY",
        description: m.description,
        howComputed: m.howComputed,
        minValue: m.minValue ?? null,
        maxValue: m.maxValue ?? null,
        integer: m.integer ?? false,
        sensitivity: m.sensitivity ?? "NONE",
        headline: m.headline ?? false,
        sortOrder: m.sortOrder,
        builtIn: true,
      })),
      db,
    );
  }
  for (const m of BUILT_IN_METRICS.filter((m) => existing.has(m.key))) {
    await updateBuiltInMetric(m.key, { howComputed: m.howComputed, source: m.source, aggregation: m.aggregation, sensitivity: m.sensitivity ?? "NONE", builtIn: true }, db);
  }
}
