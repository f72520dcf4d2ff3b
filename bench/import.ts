/**
 * Import benchmark: N metric-value rows (long format) through the same path as the import page —
 * stored in chunks, previewed (every row validated), then run (validated again and written in one
 * transaction in batches of 5,000 through the metric value write path, roll-ups refreshed after).
 * Creates its own group and 100 teams; run it against a database without other imports running.
 */
import { addDays, weekStartOf } from "@/lib/domain/time";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { ensureBuiltIns } from "@/lib/server/services/bootstrap";
import { previewImport } from "@/lib/server/services/imports/preview";
import { runImport } from "@/lib/server/services/imports/run";
import { storeUpload } from "@/lib/server/services/imports/storage";

export interface ImportBenchResult {
  rows: number;
  bytes: number;
  uploadSeconds: number;
  previewSeconds: number;
  runSeconds: number;
  /** Rows per second over preview + run (what a person waits for after the upload). */
  rowsPerSecond: number;
  status: string;
}

const actor: Actor = { userId: null, label: "bench" };
const TEAMS = 100;

function* csvLines(weeks: number, firstWeek: string): Generator<string> {
  yield "team,metric,week,value,note\n";
  for (let t = 0; t < TEAMS; t++) {
    // Values alternate 3/4 (a 33 % move): within the "big change needs a note" rule.
    for (let w = 0; w < weeks; w++) yield `bench-team-${t},escaped_defects,${addDays(firstWeek, w * 7)},${3 + ((t + w) % 2)},\n`;
  }
}

export async function benchImport(options: { rows?: number; log?: (line: string) => void } = {}): Promise<ImportBenchResult> {
  const rows = options.rows ?? 100_000;
  const log = options.log ?? (() => {});
  const weeks = Math.ceil(rows / TEAMS);
  const lastWeek = addDays(weekStartOf(new Date(), "UTC"), -7);
  const firstWeek = addDays(lastWeek, -(weeks - 1) * 7);
  await ensureBuiltIns(db);
  const group = await db.group.upsert({ where: { slug: "bench-import" }, create: { slug: "bench-import", name: "Bench import" }, update: {} });
  for (let t = 0; t < TEAMS; t++) {
    const slug = `bench-team-${t}`;
    await db.team.upsert({ where: { slug }, create: { slug, name: `Bench team ${t}`, groupId: group.id, location: "Bench" }, update: {} });
  }
  const encoder = new TextEncoder();
  let bytes = 0;
  async function* source(): AsyncGenerator<Uint8Array> {
    let piece = "";
    let lines = 0;
    for (const line of csvLines(weeks, firstWeek)) {
      if (lines++ > rows) break; // header + `rows` data lines
      piece += line;
      if (piece.length > 256 * 1024) {
        const chunk = encoder.encode(piece);
        bytes += chunk.length;
        yield chunk;
        piece = "";
      }
    }
    const chunk = encoder.encode(piece);
    bytes += chunk.length;
    yield chunk;
  }
  const t0 = performance.now();
  const id = await storeUpload({ kind: "metric-values", fileName: "bench.csv", bytes: source(), actor, user: null });
  const t1 = performance.now();
  const preview = await previewImport(id, { createUnknown: false }, actor, null);
  const t2 = performance.now();
  log(`preview: ${preview.totalRows} rows, ${preview.problemCount} problems in ${((t2 - t1) / 1000).toFixed(1)} s`);
  const result = await runImport(id, { skipInvalid: false, createUnknown: false }, actor, null);
  const t3 = performance.now();
  log(`run: ${result.status}, created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged} in ${((t3 - t2) / 1000).toFixed(1)} s${result.error ? ` — ${result.error}` : ""}`);
  return {
    rows: preview.totalRows,
    bytes,
    uploadSeconds: (t1 - t0) / 1000,
    previewSeconds: (t2 - t1) / 1000,
    runSeconds: (t3 - t2) / 1000,
    rowsPerSecond: Math.round(preview.totalRows / ((t3 - t1) / 1000)),
    status: result.status,
  };
}
