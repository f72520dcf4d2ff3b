import type { GenerationStep } from "./dataset";
import type { FloorReport } from "./floor";
import type { DuringImportReport, IngestReport, Latency, LoadReport, PageWeight } from "./http";
import type { ImportReport } from "./import-pipeline";
import type { MemoryReport } from "./server";

/** What one database's benchmark process (bench/suite.ts) reports. */
export interface SuiteResult {
  database: "embedded" | "postgresql";
  serverVersion: string;
  generation?: { steps: GenerationStep[]; seconds: number; rollupSeconds: number; analyzeSeconds: number };
  floor?: { org: FloorReport; group: FloorReport; team: FloorReport };
  overviewInProcess?: Latency;
  overview?: Latency;
  group?: Latency;
  team?: Latency;
  import?: ImportReport;
  recompute?: { full: { seconds: number; teams: number; weeks: number; values: number }; incremental: { ms: number; events: number; teams: number; weeks: number; values: number };
    /** The three batches after the first, in order (the first meets the full recompute's rewritten rows). */
    nextIncrementalMs?: number[] };
  ingest?: { deployments: IngestReport; pullRequests: IngestReport };
  /** From the POST of a 500-event batch to its recomputed values readable. */
  ingestEndToEnd?: Latency;
  /** Seconds from the end of the ingestion run until its background recomputes had all finished. */
  ingestDrainSeconds?: number;
  /** The overview's first request after a write (no cached result). */
  overviewAfterWrite?: Latency;
  load?: LoadReport;
  /** The hourly alerts check (every team's overview, uncached), in process. */
  alertsCheck?: { seconds: number; raised: number };
  /** The overview at rest and while a CSV import of the scale's import rows runs (a background job). */
  overviewDuringImport?: DuringImportReport;
  firstLoadJs?: PageWeight;
  memory?: MemoryReport & { benchProcessPeakMb: number };
  errors: { measurement: string; message: string }[];
}
