import { addDays } from "@/lib/domain/time";
import { db, sqlRunner } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { runImport } from "@/lib/server/services/imports/run";
import { storeUpload } from "@/lib/server/services/imports/storage";
import { teamSlug, type DatasetWindow } from "./dataset";

/**
 * CSV import of metric values through the product's import pipeline (store the upload, check every row,
 * apply in one transaction, refresh the roll-ups), and the floor: the same rows bulk-inserted straight
 * into "MetricValue" with multi-row `INSERT … SELECT unnest(…)` statements in one transaction.
 *
 * The rows go to metrics made for the purpose (one per 'team × week' block), with values within a few
 * percent of each other so the "big change needs a note" rule never rejects a row.
 */
export interface ImportReport {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  floorSeconds: number;
  floorRowsPerSecond: number;
  /** Import time ÷ floor time. */
  ratio: number;
}

interface Row {
  team: number;
  week: string;
  value: number;
}

function plannedRows(total: number, teams: number, window: DatasetWindow): { metrics: number; rows: Row[][] } {
  const weeks: string[] = [];
  for (let w = window.fromWeek; w <= window.toWeek; w = addDays(w, 7)) weeks.push(w);
  const perMetric = teams * weeks.length;
  const metrics = Math.ceil(total / perMetric);
  const rows: Row[][] = Array.from({ length: metrics }, () => []);
  for (let i = 0; i < total; i++) {
    const m = Math.floor(i / perMetric);
    const within = i % perMetric;
    rows[m].push({ team: within % teams, week: weeks[Math.floor(within / teams)], value: 100 + ((i * 7919) % 500) / 100 });
  }
  return { metrics, rows };
}

async function benchMetrics(prefix: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const key = `${prefix}_${i}`;
    const m = await db.metricDefinition.upsert({
      where: { key },
      create: { key, name: `Benchmark ${prefix} ${i}`, pillar: "QUALITY", unit: "count", aggregation: "MEAN", source: "MANUAL", howComputed: "Benchmark data." },
      update: {},
      select: { id: true },
    });
    ids.push(m.id);
  }
  return ids;
}

async function* chunked(text: string, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, "utf8");
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function measureImport(total: number, teams: number, window: DatasetWindow): Promise<ImportReport> {
  const plan = plannedRows(total, teams, window);

  // The product pipeline.
  const importKeys = Array.from({ length: plan.metrics }, (_, i) => `bench_import_${i + 1}`);
  await benchMetrics("bench_import", plan.metrics);
  const lines = ["team,metric,week,value"];
  plan.rows.forEach((rows, m) => rows.forEach((r) => lines.push(`${teamSlug(r.team)},${importKeys[m]},${r.week},${r.value}`)));
  const started = performance.now();
  const id = await storeUpload({ kind: "metric-values", fileName: "bench-metric-values.csv", bytes: chunked(lines.join("\n") + "\n"), actor: SYSTEM_ACTOR, user: null });
  const result = await runImport(id, { skipInvalid: false, createUnknown: false }, SYSTEM_ACTOR, null);
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== "COMPLETED" || result.created !== total) {
    throw new Error(`The import did not complete as expected: ${result.status}, ${result.created} created of ${total}. ${result.error ?? ""}`);
  }

  // The floor: the same rows, straight into the table.
  const floorIds = await benchMetrics("bench_floor", plan.metrics);
  const flat = plan.rows.flatMap((rows, m) => rows.map((r) => ({ ...r, metricId: floorIds[m] })));
  const runner = await sqlRunner();
  const floorStarted = performance.now();
  await runner.transaction(async (tx) => {
    for (let i = 0; i < flat.length; i += 5000) {
      const batch = flat.slice(i, i + 5000);
      await tx.query(
        `INSERT INTO "MetricValue" ("metricId", "teamId", "weekStart", "value", "source", "updatedAt")
         SELECT m, t, w, v, 'IMPORT'::"ValueSource", CURRENT_TIMESTAMP FROM unnest($1::text[], $2::text[], $3::date[], $4::float8[]) AS x(m, t, w, v)`,
        [batch.map((r) => r.metricId), batch.map((r) => `bt-${String(r.team + 1).padStart(4, "0")}`), batch.map((r) => r.week), batch.map((r) => r.value)],
      );
    }
  });
  const floorSeconds = (performance.now() - floorStarted) / 1000;
  return {
    rows: total,
    seconds: round(seconds),
    rowsPerSecond: Math.round(total / seconds),
    floorSeconds: round(floorSeconds),
    floorRowsPerSecond: Math.round(total / floorSeconds),
    ratio: round(seconds / floorSeconds),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
