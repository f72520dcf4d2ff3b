import "server-only";
import { insertImportChanges, setImportProgress } from "@/lib/server/data/imports/imports";
import { databaseKind } from "@/lib/server/db";
import type { ColumnMapping, RowProblem } from "@/lib/imports/api-types";
import type { BeforeImage, Client, KindSession } from "./kinds/types";
import { scanFile } from "./scan";
import { sessionOpener } from "./session";
import { storedBytes } from "./storage";

/**
 * One pass over an import's stored file, inside the caller's transaction: each row checked as it is read, good
 * rows applied in batches of BATCH_ITEMS with their before-images recorded for undo. Running an import (run.ts)
 * and its dry run for the preview make the same pass; they differ in what they do with its outcome.
 */
export const BATCH_ITEMS = 5000;

/** A row the database side refused in atomic mode: the import stops there. */
export class RowFailure extends Error {
  constructor(readonly problem: RowProblem) {
    super(describeProblem(problem));
  }
}

/** "Line 3, column "value": … ." — always ending with a full stop, so a sentence can follow. */
export function describeProblem(p: RowProblem): string {
  const message = /[.!?]$/.test(p.message) ? p.message : `${p.message}.`;
  return `Line ${p.line}${p.column ? `, column "${p.column}"` : ""}: ${message}`;
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface FilePass {
  totals: Counts;
  rows: number;
  session: KindSession<unknown> | null;
}

export interface PassOptions {
  id: string;
  open: Parameters<typeof sessionOpener>[1];
  mapping: ColumnMapping | null;
  skipInvalid: boolean;
  reject: (p: RowProblem) => void;
  /** Where the file's own problems go (found as rows are read); `reject` when absent. */
  rejectRead?: (p: RowProblem) => void;
  rejected: () => number;
  /** Commit the rows written so far to the Import row from a second connection (PostgreSQL). */
  reportProgress: boolean;
  /** Read and apply only the first this many rows (the preview has read and checked the whole file); all when absent. */
  limitRows?: number;
}

/** Thrown out of the scan once a limited pass has its rows: the rest of the file is not read again. */
class EnoughRows extends Error {
  constructor() {
    super("Enough rows read.");
  }
}

/**
 * One pass over the stored file inside the caller's transaction: every row checked as it is read, good rows
 * applied in batches (the kind's own checks against the database included). In atomic mode nothing more is
 * written once a row is refused, but the rest of the file is still checked, so every problem is listed.
 */
export async function applyFile(tx: Client, o: PassOptions): Promise<FilePass> {
  const totals: Counts = { created: 0, updated: 0, unchanged: 0 };
  let session: KindSession<unknown> | null = null;
  let batch: { line: number; item: unknown }[] = [];
  let columnName = (field: string) => field;
  let read = 0;
  // The database writes one batch while the next is read and checked: at most one batch in flight.
  let writing: Promise<void> = Promise.resolve();
  let dispatchedAt = 0;
  let writtenRows = 0;
  const flush = async () => {
    await writing;
    writtenRows = dispatchedAt;
    dispatchedAt = read;
    if (batch.length === 0 || !session) return;
    const items = batch;
    const opened: KindSession<unknown> = session;
    batch = [];
    writing = (async () => {
      const result = await applyBatch(opened, items, tx, o.skipInvalid, columnName, o.reject);
      totals.created += result.created;
      totals.updated += result.updated;
      totals.unchanged += result.unchanged;
      await saveChanges(tx, o.id, result.changes);
    })();
    // A failure surfaces at the next flush; until then it must not count as unhandled.
    writing.catch(() => {});
  };
  const scan = await scanFile({
    bytes: storedBytes(tx, o.id),
    open: sessionOpener(tx, o.open),
    mapping: o.mapping,
    onSetup(setup, opened) {
      session = opened;
      columnName = (field) => (setup.mapping[field] === undefined ? field : (setup.header[setup.mapping[field]] ?? field));
    },
    async onRow(scanned) {
      if (o.limitRows !== undefined && read >= o.limitRows) throw new EnoughRows();
      read++;
      if (scanned.problems.length > 0) scanned.problems.forEach(o.rejectRead ?? o.reject);
      // Atomic mode writes nothing once a row is refused: the transaction is rolled back by the caller.
      if (o.rejected() > 0 && !o.skipInvalid) return;
      for (const parsed of scanned.items) batch.push({ line: scanned.line, item: parsed.item });
      if (batch.length >= BATCH_ITEMS) {
        await flush();
        // The embedded database has one connection, held by this transaction: no progress until it commits.
        if (o.reportProgress && databaseKind === "postgresql") await setImportProgress(o.id, writtenRows);
      }
    },
  }).catch((error: unknown) => {
    if (error instanceof EnoughRows) return { rows: read };
    throw error;
  });
  if (o.rejected() > 0 && !o.skipInvalid) {
    await writing.catch(() => {});
    return { totals, rows: scan.rows, session };
  }
  await flush();
  await writing;
  return { totals, rows: scan.rows, session };
}

async function applyBatch(
  session: KindSession<unknown>,
  batch: { line: number; item: unknown }[],
  tx: Client,
  skipInvalid: boolean,
  columnName: (field: string) => string,
  reject: (p: RowProblem) => void,
): Promise<Counts & { changes: BeforeImage[] }> {
  const changes: BeforeImage[] = [];
  let pending = batch;
  for (;;) {
    if (pending.length === 0) return { created: 0, updated: 0, unchanged: 0, changes };
    const result = await session.apply(pending.map((b) => b.item), tx);
    changes.push(...result.changes);
    if (result.issues.length === 0) return { created: result.created, updated: result.updated, unchanged: result.unchanged, changes };
    // A note demanded by a jump from a value that is itself refused is not the row's fault: refuse the
    // values first, then look at the notes again.
    const primary = result.issues.filter((i) => i.field !== "note");
    const issues = skipInvalid && primary.length > 0 ? primary : result.issues;
    const problems = issues.map((i) => ({ line: pending[i.index].line, column: columnName(i.field), message: i.message }));
    if (!skipInvalid) throw new RowFailure(problems[0]);
    problems.forEach(reject);
    // The whole line goes (a wide row's other values too), so a line is imported entirely or not at all.
    const badLines = new Set(problems.map((p) => p.line));
    pending = pending.filter((b) => !badLines.has(b.line));
  }
}

/** Before-images in bulk (one statement per 5,000): the query builder is the slow part at this volume. */
async function saveChanges(tx: Client, importId: string, changes: BeforeImage[]): Promise<void> {
  for (let i = 0; i < changes.length; i += 5000) {
    await insertImportChanges(importId, changes.slice(i, i + 5000), tx);
  }
}

