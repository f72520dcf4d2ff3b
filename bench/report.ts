import { median } from "@/lib/domain/stats";
import type { LighthouseReport } from "./browser";
import type { PageWeight } from "./http";
import type { SuiteResult } from "./suite-result";

/**
 * The results file (bench/results.json) and the table printed on the terminal and published in the
 * README's Performance section: one row per figure, one column per database, then the target (which
 * applies to PostgreSQL at the large scale) and whether PostgreSQL met it.
 */
export interface BenchResults {
  generatedAt: string;
  scale: string;
  quick: boolean;
  durationSeconds: number;
  machine: { cpu: string; cores: number; memoryGb: number; os: string; loadAverageAtStart: number[] };
  versions: Record<string, string>;
  build: { distDir: string; built: boolean; seconds: number };
  databases: Partial<Record<"embedded" | "postgresql", SuiteResult>>;
  /** The same suites at the small scale (1/50 of the data), run first by a large run: how each figure grows. */
  scaling?: { scale: string; databases: Partial<Record<"embedded" | "postgresql", SuiteResult>> };
  frontend: { firstLoadJs?: PageWeight; lighthouse?: LighthouseReport; lighthouseSkipped?: string };
  /** Two app servers and a separate worker on one PostgreSQL database (`npm run test:resilience`'s run). */
  twoInstances?: TwoInstanceFigures;
  errors: { measurement: string; message: string }[];
}

/**
 * Two app servers (PILLARS_WORKER=off) and `npm run worker` on one PostgreSQL database for `seconds`: overview
 * reads on both servers, ingestion on one, the worker SIGKILLed while a recompute runs and another started.
 */
export interface TwoInstanceFigures {
  seconds: number;
  /** Overview reads answered 200 (both servers). */
  reads: number;
  readP95Ms: number | null;
  /** Reads and writes not answered 2xx. */
  errors: number;
  acknowledged: number;
  /** Acknowledged events stored exactly once. */
  storedOnce: number;
  stored: number;
  /** The recomputed weekly deployments, summed. */
  counted: number;
  killedDuringJob: boolean;
  /** Jobs queued, running or failed once the dead worker's were released and everything ran. */
  jobsUndone: number;
  doneAfterKillSeconds: number;
}

type Cell = number | null | undefined;

interface Line {
  label: string;
  value: (r: SuiteResult) => Cell;
  unit?: string;
  digits?: number;
  /** The target and how to check it (PostgreSQL, large scale). */
  target?: { text: string; met: (v: number) => boolean };
  /** Embedded-only aim, shown in the target column after the PostgreSQL target. */
  embeddedAim?: string;
}

const ratio = (a: Cell, b: Cell): Cell => (a != null && b != null && b > 0 ? a / b : null);

export const LINES: Line[] = [
  { label: "Dataset generation (not scored)", value: (r) => r.generation?.seconds, unit: "s", digits: 0 },
  { label: "Overview, org, 52 weeks: p50", value: (r) => r.overview?.p50Ms, unit: "ms" },
  { label: "Overview, org: p95", value: (r) => r.overview?.p95Ms, unit: "ms", target: { text: "≤ 150 ms", met: (v) => v <= 150 }, embeddedAim: "≤ 300 ms" },
  { label: "Overview floor: SQL per panel (roll-ups)", value: (r) => r.floor?.org.rollupMs, unit: "ms" },
  { label: "Overview floor: raw GROUP BY per panel", value: (r) => r.floor?.org.rawMs, unit: "ms" },
  { label: "Overview p50 ÷ floor (roll-ups)", value: (r) => ratio(r.overview?.p50Ms, r.floor?.org.rollupMs), unit: "×", digits: 2, target: { text: "≤ 1.5×", met: (v) => v <= 1.5 } },
  { label: "Overview in-process (no HTTP): p50", value: (r) => r.overviewInProcess?.p50Ms, unit: "ms" },
  { label: "Group page data: p50", value: (r) => r.group?.p50Ms, unit: "ms" },
  { label: "Group page data: p95", value: (r) => r.group?.p95Ms, unit: "ms" },
  { label: "Team page data: p50", value: (r) => r.team?.p50Ms, unit: "ms" },
  { label: "Team page data: p95", value: (r) => r.team?.p95Ms, unit: "ms" },
  { label: "CSV import (metric values)", value: (r) => r.import?.rowsPerSecond, unit: "rows/s", digits: 0, target: { text: "≥ 50,000 rows/s", met: (v) => v >= 50_000 } },
  { label: "Import floor (COPY)", value: (r) => r.import?.floorRowsPerSecond, unit: "rows/s", digits: 0 },
  { label: "Import time ÷ floor time", value: (r) => r.import?.ratio, unit: "×", digits: 1, target: { text: "≤ 2×", met: (v) => v <= 2 } },
  { label: "Ingestion, deployments (batches of 500)", value: (r) => r.ingest?.deployments.eventsPerSecond, unit: "events/s", digits: 0, target: { text: "≥ 2,000 events/s", met: (v) => v >= 2000 } },
  { label: "Ingestion, deployments: p99 per batch", value: (r) => r.ingest?.deployments.p99BatchMs, unit: "ms", digits: 0 },
  { label: "Ingestion, pull requests (batches of 500)", value: (r) => r.ingest?.pullRequests.eventsPerSecond, unit: "events/s", digits: 0, target: { text: "≥ 2,000 events/s", met: (v) => v >= 2000 } },
  { label: "Ingestion, pull requests: p99 per batch", value: (r) => r.ingest?.pullRequests.p99BatchMs, unit: "ms", digits: 0 },
  { label: "Ingestion end to end: POST of 500 events to recomputed values, p50", value: (r) => r.ingestEndToEnd?.p50Ms, unit: "ms", digits: 0 },
  { label: "Ingestion end to end: p95", value: (r) => r.ingestEndToEnd?.p95Ms, unit: "ms", digits: 0, target: { text: "≤ 5,000 ms", met: (v) => v <= 5000 } },
  { label: "Background recomputes after the ingestion run, until done", value: (r) => r.ingestDrainSeconds, unit: "s", digits: 1 },
  { label: "Recompute delivery + flow, all teams", value: (r) => r.recompute?.full.seconds, unit: "s", digits: 1, target: { text: "≤ 10 s", met: (v) => v <= 10 } },
  { label: "Recompute after 1,000 new events", value: (r) => r.recompute?.incremental.ms, unit: "ms", digits: 0, target: { text: "≤ 200 ms", met: (v) => v <= 200 } },
  { label: "Recompute after 1,000 new events: the next three batches, median", value: (r) => median(r.recompute?.nextIncrementalMs ?? []), unit: "ms", digits: 0 },
  { label: "Overview, first request after a write: p95", value: (r) => r.overviewAfterWrite?.p95Ms, unit: "ms", target: { text: "≤ 150 ms", met: (v) => v <= 150 } },
  { label: "Overview p95 at rest, just before an import", value: (r) => r.overviewDuringImport?.idle.p95Ms, unit: "ms" },
  { label: "Overview p95 while the import runs (100,000 rows at large scale)", value: (r) => r.overviewDuringImport?.during.p95Ms, unit: "ms" },
  { label: "Overview p95 while importing ÷ at rest", value: (r) => r.overviewDuringImport?.ratio, unit: "×", digits: 1, embeddedAim: "≤ 2×" },
  { label: "Alerts check, hourly (every team's overview, after a write)", value: (r) => r.alertsCheck?.seconds, unit: "s", digits: 1 },
  { label: "Load on overview: requests/s", value: (r) => r.load?.requestsPerSecond, unit: "req/s", digits: 1 },
  { label: "Load on overview: p99", value: (r) => r.load?.p99Ms, unit: "ms", digits: 0 },
  { label: "Load on overview: errors (incl. non-2xx)", value: (r) => r.load?.errors, digits: 0, target: { text: "0", met: (v) => v === 0 } },
  { label: "Peak server memory (RSS, process tree)", value: (r) => r.memory?.peakRssMb, unit: "MB", digits: 0, target: { text: "≤ 1,024 MB", met: (v) => v <= 1024 } },
];

function format(v: Cell, line: Pick<Line, "unit" | "digits">): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "—";
  const digits = line.digits ?? 1;
  const n = v.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return line.unit ? `${n} ${line.unit}` : n;
}

export interface Row {
  label: string;
  embedded: string;
  postgresql: string;
  target: string;
  met: string;
}

export function tableRows(results: BenchResults): Row[] {
  const emb = results.databases.embedded;
  const pg = results.databases.postgresql;
  const rows: Row[] = LINES.map((line) => {
    const pgValue = pg ? line.value(pg) : null;
    const target = [line.target?.text, line.embeddedAim ? `embedded ${line.embeddedAim}` : null].filter(Boolean).join("; ");
    let met = "";
    if (line.target && pgValue !== null && pgValue !== undefined) met = line.target.met(pgValue) ? "yes" : "**no**";
    return { label: line.label, embedded: emb ? format(line.value(emb), line) : "not run", postgresql: pg ? format(pgValue, line) : "not run", target, met };
  });
  rows.push(...twoInstanceRows(results.twoInstances));
  const fe = results.frontend;
  const js = fe.firstLoadJs?.gzipKb;
  rows.push({ label: "Overview first-load JS (gzip)", embedded: format(js, { unit: "kB" }), postgresql: "(same build)", target: "≤ 200 kB", met: js == null ? "" : js <= 200 ? "yes" : "**no**" });
  const lh = fe.lighthouse?.performance;
  rows.push({
    label: "Lighthouse performance (desktop, demo data)", embedded: lh == null ? (fe.lighthouseSkipped ?? "—") : String(lh), postgresql: "(embedded demo)",
    target: "≥ 95", met: lh == null ? "" : lh >= 95 ? "yes" : "**no**",
  });
  return rows;
}

/** The two-instance run's rows: PostgreSQL only (the embedded database serves one process). */
function twoInstanceRows(t: TwoInstanceFigures | undefined): Row[] {
  if (!t) return [];
  const n = (v: number) => v.toLocaleString("en");
  const row = (label: string, value: string, target: string, met: boolean | null): Row => ({
    label: `Two app servers + worker, ${t.seconds} s: ${label}`, embedded: "(one process)", postgresql: value, target, met: met === null ? "" : met ? "yes" : "**no**",
  });
  return [
    row("overview reads on both, p95", `${format(t.readP95Ms, { unit: "ms", digits: 0 })} (${n(t.reads)} reads)`, "", null),
    row("errors (incl. non-2xx)", n(t.errors), "0", t.errors === 0),
    row("events acknowledged / stored once / counted", `${n(t.acknowledged)} / ${n(t.storedOnce)} / ${n(t.counted)}`, "all equal", t.acknowledged > 0 && t.storedOnce === t.acknowledged && t.stored === t.acknowledged && t.counted === t.stored),
    row(`worker SIGKILLed ${t.killedDuringJob ? "mid-recompute" : "(no job was running)"}: jobs left undone`, `${n(t.jobsUndone)} (all done ${format(t.doneAfterKillSeconds, { unit: "s", digits: 0 })} after)`, "0", t.killedDuringJob && t.jobsUndone === 0),
  ];
}

export function markdownTable(results: BenchResults): string {
  const rows = tableRows(results);
  const out = ["| Measurement | Embedded (PGlite) | PostgreSQL | Target | Met (PostgreSQL) |", "|---|---:|---:|---|---|"];
  for (const r of rows) out.push(`| ${r.label} | ${r.embedded} | ${r.postgresql} | ${r.target} | ${r.met} |`);
  return out.join("\n");
}

export function terminalTable(results: BenchResults): string {
  const rows = tableRows(results);
  const head: Row = { label: "Measurement", embedded: "Embedded", postgresql: "PostgreSQL", target: "Target", met: "Met" };
  const all = [head, ...rows].map((r) => ({ ...r, met: r.met.replaceAll("*", "") }));
  const width = (k: keyof Row) => Math.max(...all.map((r) => r[k].length));
  const w = { label: width("label"), embedded: width("embedded"), postgresql: width("postgresql"), target: width("target") };
  return all
    .map((r, i) => {
      const line = `${r.label.padEnd(w.label)}  ${r.embedded.padStart(w.embedded)}  ${r.postgresql.padStart(w.postgresql)}  ${r.target.padEnd(w.target)}  ${r.met}`;
      return i === 0 ? `${line}\n${"─".repeat(line.length)}` : line;
    })
    .join("\n");
}

export function machineLine(results: BenchResults): string {
  const m = results.machine;
  const v = results.versions;
  return (
    `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, ${m.os}; load average at start ${m.loadAverageAtStart.map((n) => n.toFixed(1)).join(" / ")}. ` +
    `Node ${v.node}, Next.js ${v.next}, Prisma ${v.prisma}, PGlite ${v.pglite} (PostgreSQL ${v.embeddedPostgres ?? "?"}), PostgreSQL server ${v.postgres ?? "not run"}.`
  );
}

/** The figures of the scaling table: how each grows from the small to the large scale. */
const SCALING_LINES: Line[] = [
  "Overview, org: p95", "Group page data: p95", "Team page data: p95", "CSV import (metric values)", "Ingestion, deployments (batches of 500)",
  "Ingestion end to end: p95", "Recompute delivery + flow, all teams", "Recompute after 1,000 new events", "Overview, first request after a write: p95",
  "Load on overview: requests/s", "Peak server memory (RSS, process tree)",
].map((label) => LINES.find((l) => l.label === label) as Line);

/**
 * Each figure at the small and the large scale and how much it grew, beside the data's own growth (50×: teams,
 * people, events and import rows). A time that grows less than the data scales better than linearly; a rate
 * (rows/s, events/s, requests/s) should not fall.
 */
export function scalingTable(results: BenchResults): string | null {
  const small = results.scaling?.databases;
  if (!small) return null;
  const kinds = (["embedded", "postgresql"] as const).filter((k) => small[k] && results.databases[k]);
  if (kinds.length === 0) return null;
  const names = { embedded: "Embedded", postgresql: "PostgreSQL" };
  const head = `| Measurement (data 50× larger) | ${kinds.map((k) => `${names[k]} small | ${names[k]} large | growth`).join(" | ")} |`;
  const out = [head, `|---|${kinds.map(() => "---:|---:|---:").join("|")}|`];
  for (const line of SCALING_LINES) {
    const cells = kinds.map((k) => {
      const a = line.value(small[k] as SuiteResult);
      const b = line.value(results.databases[k] as SuiteResult);
      const growth = ratio(b, a);
      return `${format(a, line)} | ${format(b, line)} | ${format(growth, { unit: "×", digits: 1 })}`;
    });
    out.push(`| ${line.label} | ${cells.join(" | ")} |`);
  }
  return out.join("\n");
}
