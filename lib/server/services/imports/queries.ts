import "server-only";
import { toCsv } from "@/lib/csv/write";
import { importSummaryById, listImportSummaries } from "@/lib/server/data/imports/imports";
import { importListFilter, readImport, undoImport, type Caller } from "@/lib/server/permissions";
import { IMPORT_KINDS, PEOPLE_IMPORT_KINDS, importAccessOf } from "./registry";
import { interruptedBefore } from "./run";
import { readRun, type RunReading } from "@/lib/imports/run-state";
import { importRunJobStates, liveWorkerCount } from "@/lib/server/data/jobs";
import { openSql } from "@/lib/server/data/runner";
import { isEmbedded } from "@/lib/server/env";
import { WORKER_TIMEOUT_MS } from "@/lib/server/jobs/queue";
import type { RowProblem } from "@/lib/imports/api-types";
import { loadImportFor } from "./session";
import { UNDO_WINDOW_DAYS } from "./undo";

/** The imports list, one import's state (polled for progress), templates and rejects as CSV. */

export type ImportSummary = Awaited<ReturnType<typeof getImport>>;

/** The imports the caller may see (permissions.readImport): their own, all of them for admins. */
export async function listImports(caller: Caller, limit = 100, now = new Date()) {
  const rows = (await listImportSummaries(importListFilter(caller, PEOPLE_IMPORT_KINDS) ?? {}, limit)).filter((row) => readImport(caller, importAccessOf(row)));
  const runs = await runsOf(rows, now);
  return rows.map((row) => withUndo(row, now, caller, runs.get(row.id) as RunReading));
}

export async function getImport(id: string, caller: Caller, now = new Date()) {
  await loadImportFor(id, caller, readImport, "You cannot see this import.");
  const row = await importSummaryById(id);
  const rejects = (row.rejects ?? []) as unknown as RowProblem[];
  const runs = await runsOf([row], now);
  return { ...withUndo(row, now, caller, runs.get(row.id) as RunReading), rejects: rejects.slice(0, 100), rejectsListed: rejects.length };
}

const INTERRUPTED = "The import was interrupted (the server stopped while it ran); nothing from it was written. Run it again.";

/** How each import's run reads (lib/imports/run-state.ts), from its job and the workers alive. */
export async function runsOf(rows: readonly { id: string; status: string; startedAt: Date | null }[], now: Date): Promise<Map<string, RunReading>> {
  const unfinished = rows.filter((r) => r.status === "VALIDATING" || r.status === "RUNNING");
  const runner = await openSql();
  const [jobs, workers] = unfinished.length === 0
    ? [[], 0]
    : await Promise.all([importRunJobStates(runner, unfinished.map((r) => r.id)), isEmbedded ? 1 : liveWorkerCount(runner, new Date(now.getTime() - WORKER_TIMEOUT_MS))]);
  const jobOf = new Map(jobs.map((j) => [j.importId, j]));
  return new Map(rows.map((r) => [r.id, readRun(r, jobOf.get(r.id) ?? null, workers > 0, interruptedBefore(now))]));
}

function withUndo<T extends { kind: string; createdById: string | null; createdByTokenId: string | null; status: string; finishedAt: Date | null; startedAt: Date | null; error: string | null }>(
  row: T,
  now: Date,
  caller: Caller,
  run: RunReading,
) {
  const canUndoUntil = row.status === "COMPLETED" && row.finishedAt ? new Date(row.finishedAt.getTime() + UNDO_WINDOW_DAYS * 86_400_000) : null;
  return {
    ...row,
    ...(run.interrupted ? { status: "FAILED", error: INTERRUPTED } : {}),
    /** Queued while no worker is alive to take it (PostgreSQL with the app's worker off and none started). */
    waitingForWorker: run.waitingForWorker,
    undoableUntil: canUndoUntil && canUndoUntil > now ? canUndoUntil.toISOString() : null,
    /** Whether this caller may undo it (its uploader or an admin), for the page's undo button. */
    mayUndo: undoImport(caller, importAccessOf(row)),
  };
}

export const REJECTS_HEADER = ["line", "column", "reason"];

export async function rejectsCsv(id: string, caller: Caller): Promise<{ fileName: string; csv: string }> {
  const row = await loadImportFor(id, caller, readImport, "You cannot see this import.");
  const rejects = (row.rejects ?? []) as unknown as RowProblem[];
  return {
    fileName: `${row.fileName.replace(/\.[^.]+$/, "")}-rejects.csv`,
    csv: toCsv(REJECTS_HEADER, rejects.map((r) => [r.line, r.column, r.message]), { bom: true }),
  };
}

export function templateCsv(kindKey: string): { fileName: string; csv: string } | null {
  const kind = IMPORT_KINDS.find((k) => k.key === kindKey);
  if (!kind) return null;
  const fields = kind.fields;
  return { fileName: `pillars-${kind.key}-template.csv`, csv: toCsv(fields.map((f) => f.key), [fields.map((f) => f.example)], { bom: true }) };
}

export function importKindsCatalog() {
  return IMPORT_KINDS.map((k) => ({ key: k.key, label: k.label, description: k.description, access: k.access, peopleData: k.peopleData ?? false, undoable: k.undoable, fields: k.fields }));
}
