import { addDays } from "@/lib/domain/time";
import { databaseKind, db, sqlRunner } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { runImport } from "@/lib/server/services/imports/run";
import { storeUpload } from "@/lib/server/services/imports/storage";
import { teamSlug, type DatasetWindow } from "./dataset";

/**
 * CSV import of metric values through the product's import pipeline (store the upload, check every row,
 * apply in one transaction, refresh the roll-ups), and the floor: the same rows loaded straight into
 * "MetricValue" (with its indexes) in one transaction by `COPY … FROM STDIN` on PostgreSQL. On the embedded
 * database both `COPY … FROM '/dev/blob'` and multi-row `INSERT … SELECT unnest(…)` statements are timed and
 * the faster is the floor (`floorMethod` says which).
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
  /** How the floor loaded the rows: "copy" (COPY FROM STDIN, or from a blob on PGlite) or "insert" (unnest batches). */
  floorMethod: "copy" | "insert";
  /** On the embedded database, the method not chosen, for the record. */
  otherFloorRowsPerSecond?: number;
}

interface FloorRow {
  metricId: string;
  team: number;
  week: string;
  value: number;
}

/** The floor by COPY: the rows as CSV text, in one statement, in one transaction. */
async function copyFloor(runner: SqlRunner, flat: FloorRow[]): Promise<number> {
  function* csv(): Generator<string> {
    let piece = "";
    for (const r of flat) {
      piece += `${r.metricId},bt-${String(r.team + 1).padStart(4, "0")},${r.week},${r.value},IMPORT,now\n`;
      if (piece.length > 64 * 1024) {
        yield piece;
        piece = "";
      }
    }
    if (piece) yield piece;
  }
  const started = performance.now();
  await runner.transaction((tx) => tx.copyFrom(`"MetricValue" ("metricId", "teamId", "weekStart", "value", "source", "updatedAt")`, csv()));
  return (performance.now() - started) / 1000;
}

/** The floor by set-based inserts: 5,000 rows per `INSERT … SELECT unnest(…)`, in one transaction. */
async function insertFloor(runner: SqlRunner, flat: FloorRow[]): Promise<number> {
  const started = performance.now();
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
  return (performance.now() - started) / 1000;
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

/** The planned rows as a metric-values CSV file, for metrics made for it (`${prefix}_1`, …). */
async function metricValuesFile(prefix: string, plan: ReturnType<typeof plannedRows>): Promise<string> {
  await benchMetrics(prefix, plan.metrics);
  const lines = ["team,metric,week,value"];
  plan.rows.forEach((rows, m) => rows.forEach((r) => lines.push(`${teamSlug(r.team)},${prefix}_${m + 1},${r.week},${r.value}`)));
  return `${lines.join("\n")}\n`;
}

/**
 * A metric-values file of `total` rows for metrics made for it (`bench_live_*`), to import over HTTP while the
 * overview is measured; made before the server starts, as the metrics are written in-process.
 */
export function liveImportFile(total: number, teams: number, window: DatasetWindow): Promise<string> {
  return metricValuesFile("bench_live", plannedRows(total, teams, window));
}

export async function measureImport(total: number, teams: number, window: DatasetWindow, log: (line: string) => void = () => {}): Promise<ImportReport> {
  const plan = plannedRows(total, teams, window);

  // The product pipeline.
  const file = await metricValuesFile("bench_import", plan);
  const started = performance.now();
  const id = await storeUpload({ kind: "metric-values", fileName: "bench-metric-values.csv", bytes: chunked(file), actor: SYSTEM_ACTOR, user: null });
  log(`  upload stored in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  const result = await runImport(id, { skipInvalid: false, createUnknown: false }, SYSTEM_ACTOR, null);
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== "COMPLETED" || result.created !== total) {
    throw new Error(`The import did not complete as expected: ${result.status}, ${result.created} created of ${total}. ${result.error ?? ""}`);
  }

  log(`  import: ${total} rows in ${seconds.toFixed(2)} s (${Math.round(total / seconds)} rows/s)`);

  // The floor: the same rows, straight into the table.
  const floorIds = await benchMetrics("bench_floor", plan.metrics);
  const flat = plan.rows.flatMap((rows, m) => rows.map((r) => ({ ...r, metricId: floorIds[m] })));
  const runner = await sqlRunner();
  let floorSeconds = await copyFloor(runner, flat);
  let floorMethod: "copy" | "insert" = "copy";
  let otherFloorRowsPerSecond: number | undefined;
  log(`  floor (COPY): ${floorSeconds.toFixed(2)} s (${Math.round(total / floorSeconds)} rows/s)`);
  if (databaseKind === "embedded") {
    const insertIds = await benchMetrics("bench_floor_insert", plan.metrics);
    const insertSeconds = await insertFloor(runner, plan.rows.flatMap((rows, m) => rows.map((r) => ({ ...r, metricId: insertIds[m] }))));
    log(`  floor (INSERT … unnest): ${insertSeconds.toFixed(2)} s (${Math.round(total / insertSeconds)} rows/s)`);
    if (insertSeconds < floorSeconds) {
      otherFloorRowsPerSecond = Math.round(total / floorSeconds);
      floorSeconds = insertSeconds;
      floorMethod = "insert";
    } else otherFloorRowsPerSecond = Math.round(total / insertSeconds);
  }
  return {
    rows: total,
    seconds: round(seconds),
    rowsPerSecond: Math.round(total / seconds),
    floorSeconds: round(floorSeconds),
    floorRowsPerSecond: Math.round(total / floorSeconds),
    ratio: round(seconds / floorSeconds),
    floorMethod,
    ...(otherFloorRowsPerSecond === undefined ? {} : { otherFloorRowsPerSecond }),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
