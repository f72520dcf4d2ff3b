import "server-only";
import { CsvError } from "@/lib/csv/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { claimImportRun, finishImportRun, importById, markImportRunning } from "@/lib/server/data/imports/imports";
import { inTransaction, transactionRunner, type Tx } from "@/lib/server/data/runner";
import { conflict, HttpError } from "@/lib/server/errors";
import { afterCommit, enqueueJob, waitForJob } from "@/lib/server/jobs/queue";
import { activeSessionUser } from "@/lib/server/auth/sessions";
import { activeToken } from "@/lib/server/auth/tokens";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import type { ImportOptions } from "@/lib/validation/imports";
import type { ColumnMapping, RowProblem } from "@/lib/imports/api-types";
import type { KindSession } from "./kinds/types";
import { MappingError } from "./scan";
import { deleteImportFile } from "./cleanup";
import { callerOf, loadImportFor, type ImportRow } from "./session";
import { previewImport as mayPreview, runImport as mayRun } from "@/lib/server/permissions";
import { getImport, runsOf } from "./queries";
import { applyFile, describeProblem, RowFailure, type Counts, type FilePass } from "./file-pass";

/**
 * Running an import: one pass over the file inside one transaction, checking every row as it is read
 * and applying the good ones in batches (file-pass.ts; progress of "writing"). Any bad row in atomic
 * mode stops the writing; the rest of the file is still checked, so the failure names the first line
 * and column and lists every problem, and the transaction is rolled back — as it is for a refusal from
 * the database side. Progress lives in the Import row, so any instance can report it. On PostgreSQL it is
 * committed from a second connection while the transaction runs; the embedded database has a single
 * connection, so there the import shows as running until it commits.
 */
/** Rejects kept on the Import row (and in the downloadable CSV); the count covers all of them. */
export const MAX_STORED_REJECTS = 10_000;

export type ImportStatus = "UPLOADED" | "VALIDATING" | "RUNNING" | "COMPLETED" | "FAILED" | "UNDONE";

/** Rows of the file failed their checks in atomic mode (all of them are in the rejects). */
class RefusedRows extends Error {
  constructor(readonly rows: number) {
    super("Rows were refused.");
  }
}

/** The longest an import's transaction may run; Prisma aborts it (and nothing of it is kept) after that. */
const RUN_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * An import still marked as running a minute past its transaction's limit was cut off — the server stopped
 * mid-run, so its transaction rolled back and nothing of it was written. It reads as failed and can be run
 * again.
 */
export function interruptedBefore(now: Date): Date {
  return new Date(now.getTime() - RUN_TIMEOUT_MS - 60_000);
}

/** Claims the import and runs it here and now, to its end (the command line, and tests). */
export async function runImport(id: string, options: ImportOptions, actor: Actor, user: SessionUser | null, now = new Date()) {
  const row = await loadImportFor(id, callerOf(actor, user), mayRun, "Only managers and admins can run an import.");
  await claim(row, options, now, await earlierRunInterrupted(row, now));
  return executeImport(row, options, actor, user, now);
}

/**
 * An import's earlier run that did not finish may be taken over only once it reads as interrupted, as the import
 * page shows it: its job ended without finishing it, or (run from the command line) its transaction's limit has
 * passed. One queued behind long imports, or running, is not run twice. Read before the claiming transaction
 * (the embedded database has one connection); null when it may not be taken over.
 */
async function earlierRunInterrupted(row: ImportRow, now: Date): Promise<{ startedAt: Date | null } | null> {
  return (await runsOf([row], now)).get(row.id)?.interrupted ? { startedAt: row.startedAt } : null;
}

/** Claims the import for this run, or 409; a take-over holds only if nobody claimed the import since it was read. */
async function claim(row: ImportRow, options: ImportOptions, now: Date, interrupted: { startedAt: Date | null } | null, tx?: Tx): Promise<void> {
  const claimed = await claimImportRun(row.id, { skipInvalid: options.skipInvalid, createUnknown: options.createUnknown, startedAt: now, interrupted }, tx);
  if (!claimed) throw conflict(`This import is ${row.status.toLowerCase()}; it cannot be run again.`);
}

/** What an `import.run` job carries: the run's options and who asked for it (checked again when it runs). */
export interface ImportJobPayload {
  importId: string;
  options: ImportOptions;
  actor: Actor;
}

/**
 * Claims the import and queues its run as a background job (`import.run`), in one transaction: the caller
 * gets the job's id at once, and a second run of the same import is refused (409) while this one is queued
 * or running. Any worker runs it (on the embedded database, this process after the commit).
 */
export async function queueImport(id: string, options: ImportOptions, actor: Actor, user: SessionUser | null, now = new Date()): Promise<{ jobId: string }> {
  const row = await loadImportFor(id, callerOf(actor, user), mayRun, "Only managers and admins can run an import.");
  const interrupted = await earlierRunInterrupted(row, now);
  const jobId = await inTransaction(async (tx) => {
    await claim(row, options, now, interrupted, tx);
    return enqueueJob(transactionRunner(tx), "import.run", { importId: id, options, actor }, now);
  });
  afterCommit();
  return { jobId };
}

/** How long a caller that asked to wait (`wait: true`, `?run=1`) waits for its import's job. */
export const WAIT_FOR_IMPORT_MS = 15 * 60 * 1000;

/**
 * The import as its caller may see it once its job finished (`wait`) or at once; `finished` says whether it
 * has (completed or failed).
 */
export async function awaitImport(id: string, jobId: string, wait: boolean, actor: Actor, user: SessionUser | null) {
  if (wait) await waitForJob(jobId, WAIT_FOR_IMPORT_MS);
  const state = await getImport(id, callerOf(actor, user));
  return { import: state, finished: state.status === "COMPLETED" || state.status === "FAILED" };
}

/**
 * The `import.run` job. It runs an import its queueing claimed, as the user (or token) who asked, whose right
 * to run it is checked again now (a user still active, a token neither revoked nor expired). Repeated after a crash it runs the import again from the start (the crashed
 * run's transaction left nothing); an import already finished is left as it is.
 */
export async function runQueuedImport(payload: ImportJobPayload, now: Date): Promise<{ status: string }> {
  const row = await importById(payload.importId);
  if (!row) return { status: "DELETED" };
  if (row.status !== "VALIDATING" && row.status !== "RUNNING") return { status: row.status };
  const refuse = (why: string) => finish(row.id, "FAILED", { created: 0, updated: 0, unchanged: 0 }, [], 0, undefined, `${why} Nothing was imported.`);
  let user: SessionUser | null = null;
  if (payload.actor.userId) {
    user = await activeSessionUser(payload.actor.userId);
    if (!user) return refuse("The user who ran this import is no longer active.");
  }
  if (payload.actor.tokenId) {
    const token = await activeToken(payload.actor.tokenId, now);
    if (!token?.scopes.includes("ingest")) return refuse("The API token that ran this import has been revoked, has expired or may no longer ingest.");
  }
  try {
    await loadImportFor(row.id, callerOf(payload.actor, user), mayRun, "Only managers and admins can run an import.");
  } catch (error) {
    if (error instanceof HttpError) return refuse(`The import may no longer be run by whoever ran it: ${error.message}`);
    throw error;
  }
  return executeImport(row, payload.options, payload.actor, user, now);
}

async function executeImport(row: ImportRow, options: ImportOptions, actor: Actor, user: SessionUser | null, now: Date) {
  const id = row.id;
  const stored = (row.mapping ?? {}) as { columns?: ColumnMapping; dayOrder?: "DMY" | "MDY" | null };
  const mapping = options.mapping ?? stored.columns ?? null;
  const dayOrder = options.dayOrder ?? stored.dayOrder ?? undefined;
  const open = { kindKey: row.kind, importId: id, actor, user, createUnknown: options.createUnknown, dayOrder, now };

  const rejects: RowProblem[] = [];
  let rejectCount = 0;
  const reject = (p: RowProblem) => {
    rejectCount++;
    if (rejects.length < MAX_STORED_REJECTS) rejects.push(p);
  };
  try {
    // One pass, in one transaction: each row is checked as it is read and good rows are applied in
    // batches. A bad row in atomic mode stops the writing, the rest of the file is still checked so every
    // problem is listed, and the transaction is rolled back.
    await markImportRunning(id);
    let session: KindSession<unknown> | null = null;
    const outcome = await inTransaction(
      async (tx) => {
        const pass = await applyFile(tx, { id, open, mapping, skipInvalid: options.skipInvalid, reject, rejected: () => rejectCount, reportProgress: true });
        session = pass.session;
        if (rejectCount > 0 && !options.skipInvalid) throw new RefusedRows(pass.rows);
        const { totals } = pass;
        await recordAudit(actor, { action: "import", entityType: "Import", entityId: id, summary: `Imported ${row.fileName} (${row.kind}): ${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged, ${rejectCount} skipped` }, tx);
        return pass;
      },
      { timeout: RUN_TIMEOUT_MS, maxWait: 60_000 },
    );
    await (session as KindSession<unknown> | null)?.afterCommit?.();
    // Applied: the file is no longer needed (an undo works from the recorded before-images).
    await deleteImportFile(id);
    return await finish(id, "COMPLETED", outcome.totals, rejects, rejectCount, outcome.rows, null);
  } catch (error) {
    let message: string;
    if (error instanceof RefusedRows) {
      const more = rejectCount > 1 ? ` And ${rejectCount - 1} more ${rejectCount === 2 ? "problem" : "problems"}: see the rejects.` : "";
      return finish(id, "FAILED", { created: 0, updated: 0, unchanged: 0 }, rejects, rejectCount, error.rows, `${describeProblem(rejects[0])}${more} Nothing was imported.`);
    }
    if (error instanceof RowFailure) {
      reject(error.problem);
      message = `${error.message} Nothing was imported.`;
    } else if (error instanceof CsvError || error instanceof MappingError) message = `${error.message} Nothing was imported.`;
    else {
      console.error("Import failed", id, error);
      message = `The import failed and nothing was imported: ${(error as Error)?.message ?? String(error)}`;
    }
    return finish(id, "FAILED", { created: 0, updated: 0, unchanged: 0 }, rejects, rejectCount, undefined, message);
  }
}

/** Ends a dry run: thrown out of its transaction so that everything it wrote is rolled back. */
class DryRunDone extends Error {
  constructor(readonly pass: FilePass) {
    super("Dry run finished.");
  }
}

/** A preview applies at most this many rows, so it answers in seconds; a larger file's rest is checked when it runs. */
export const DRY_RUN_MAX_ROWS = 20_000;

/** What applying refuses beyond the file's own checks (those the preview reports as it reads). */
export interface DryRunResult {
  /** Items applying would create, update or leave unchanged (of the rows applied). */
  totals: Counts;
  /** Rows applied: all of them, or the first DRY_RUN_MAX_ROWS. */
  appliedRows: number;
  /** Every refusal applying would meet beyond the file's own checks, by line. */
  problems: RowProblem[];
  problemCount: number;
}

/**
 * Applies the whole file as running it would — every check, the database's included (ranges, permissions,
 * versions, conflicts) — in a transaction that is then rolled back, and reports what it met. The preview uses
 * it, so nothing it shows as ready can fail when the import runs.
 */
export async function dryRunImport(id: string, options: { mapping: ColumnMapping | null; createUnknown: boolean; dayOrder?: "DMY" | "MDY" }, actor: Actor, user: SessionUser | null, now: Date): Promise<DryRunResult> {
  const row = await loadImportFor(id, callerOf(actor, user), mayPreview, "Only managers and admins can preview an import.");
  const problems: RowProblem[] = [];
  let problemCount = 0;
  const reject = (p: RowProblem) => {
    problemCount++;
    if (problems.length < MAX_STORED_REJECTS) problems.push(p);
  };
  const open = { kindKey: row.kind, importId: id, actor, user, createUnknown: options.createUnknown, dayOrder: options.dayOrder, now };
  try {
    await inTransaction(
      async (tx) => {
        throw new DryRunDone(await applyFile(tx, { id, open, mapping: options.mapping, skipInvalid: true, reject, rejected: () => problemCount, reportProgress: false, limitRows: DRY_RUN_MAX_ROWS, rejectRead: () => {} }));
      },
      { timeout: RUN_TIMEOUT_MS, maxWait: 60_000 },
    );
  } catch (error) {
    if (error instanceof DryRunDone) {
      problems.sort((a, b) => a.line - b.line);
      return { totals: error.pass.totals, appliedRows: Math.min(error.pass.rows, DRY_RUN_MAX_ROWS), problems, problemCount };
    }
    throw error;
  }
  throw new Error("unreachable: a dry run always rolls back");
}

async function finish(id: string, status: "COMPLETED" | "FAILED", counts: Counts, rejects: RowProblem[], rejectCount: number, totalRows: number | undefined, error: string | null) {
  rejects.sort((a, b) => a.line - b.line); // file checks and database-side refusals arrive interleaved
  return finishImportRun(id, {
    status, ...counts, skipped: status === "COMPLETED" ? rejectCount : 0, rejects: rejects as unknown as Prisma.InputJsonValue, error,
    finishedAt: new Date(), ...(totalRows === undefined ? {} : { totalRows, processedRows: status === "COMPLETED" ? totalRows : 0 }),
  });
}
