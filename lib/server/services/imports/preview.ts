import "server-only";
import { outsideTransaction } from "@/lib/server/data/runner";
import { CsvError } from "@/lib/csv/errors";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { deleteImport, saveImportPreview } from "@/lib/server/data/imports/imports";
import type { Actor } from "@/lib/server/http/actor";
import { csvFileRefused } from "@/lib/server/http/csv-upload";
import type { PreviewOptions } from "@/lib/validation/imports";
import type { ImportPreview } from "@/lib/imports/api-types";
import { dryRunImport } from "./run";
import { MappingError, scanFile } from "./scan";
import { callerOf, loadImportFor, sessionOpener } from "./session";
import { previewImport as mayPreview } from "@/lib/server/permissions";
import { storedBytes } from "./storage";

/**
 * The preview: the whole file is validated (streamed) so every error is listed by line and column
 * before anything is written, and the first rows are shown as they will be read.
 */
export const PREVIEW_ROWS = 20;
/** Errors listed in full; the count covers all of them. */
export const MAX_LISTED_PROBLEMS = 1000;

export async function previewImport(id: string, options: PreviewOptions, actor: Actor, user: SessionUser | null, now: Date = new Date()): Promise<ImportPreview> {
  const row = await loadImportFor(id, callerOf(actor, user), mayPreview, "Only managers and admins can preview an import.");
  const preview: ImportPreview = {
    importId: id, kind: row.kind, fileName: row.fileName, header: [], mapping: {}, fields: [], missing: [], unmatched: [],
    rows: [], totalRows: 0, validRows: 0, items: 0, problems: [], problemCount: 0, applyCheckedRows: null, fileError: null,
  };
  try {
    const mapping = options.mapping ?? null;
    // Read outside any transaction: the preview writes nothing but the mapping below (the dry run has its own).
    await outsideTransaction((client) => scanFile({
      bytes: storedBytes(client, id),
      open: sessionOpener(client, { kindKey: row.kind, importId: id, actor, user, createUnknown: options.createUnknown ?? false, dayOrder: options.dayOrder }),
      mapping,
      onSetup(setup, session) {
        Object.assign(preview, { header: setup.header, mapping: setup.mapping, missing: setup.missing, unmatched: setup.unmatched, fields: session.fieldOptions() });
      },
      onRow(scanned) {
        preview.totalRows++;
        if (scanned.problems.length === 0) {
          preview.validRows++;
          preview.items += scanned.items.length;
        }
        if (preview.rows.length < PREVIEW_ROWS) preview.rows.push({ line: scanned.line, fields: scanned.fields, problems: scanned.problems });
        preview.problemCount += scanned.problems.length;
        for (const p of scanned.problems) if (preview.problems.length < MAX_LISTED_PROBLEMS) preview.problems.push(p);
      },
    }));
  } catch (error) {
    if (error instanceof CsvError) preview.fileError = { code: error.code, message: error.message, line: error.line, column: error.column };
    else if (!(error instanceof MappingError)) throw error;
  }
  if (!preview.fileError && preview.missing.length === 0 && preview.validRows > 0) await addApplyChecks(preview, options, actor, user, now);
  await saveImportPreview(id, preview.totalRows, { columns: preview.mapping, dayOrder: options.dayOrder ?? null });
  return preview;
}

/**
 * What applying would refuse beyond the file's own checks — a value outside its metric's range, a team the
 * user may not write, a stale version, a note a jump requires — found by applying the rows in a transaction
 * that is rolled back (run.ts `dryRunImport`). Their lines stop counting as ready, so nothing the preview
 * shows as ready can fail when the import runs.
 */
async function addApplyChecks(preview: ImportPreview, options: PreviewOptions, actor: Actor, user: SessionUser | null, now: Date): Promise<void> {
  const dry = await dryRunImport(preview.importId, { mapping: options.mapping ?? null, createUnknown: options.createUnknown ?? false, dayOrder: options.dayOrder }, actor, user, now);
  preview.applyCheckedRows = dry.appliedRows;
  const fresh = dry.problems;
  if (fresh.length === 0) return;
  const lines = new Set(fresh.map((p) => p.line));
  for (const shown of preview.rows) shown.problems.push(...fresh.filter((p) => p.line === shown.line));
  preview.validRows = Math.max(0, preview.validRows - lines.size);
  if (dry.appliedRows >= preview.totalRows) preview.items = dry.totals.created + dry.totals.updated + dry.totals.unchanged;
  preview.problemCount += dry.problemCount;
  for (const p of fresh) if (preview.problems.length < MAX_LISTED_PROBLEMS) preview.problems.push(p);
  preview.problems.sort((a, b) => a.line - b.line);
}


/**
 * The preview of a file just uploaded. A file that cannot be read as CSV at all (NUL bytes, not UTF-8, a
 * row longer than the limit, a quote never closed…) is refused with a 4xx naming the problem and its line,
 * and the stored upload is deleted, so nothing of it stays behind.
 */
export async function previewUpload(id: string, options: PreviewOptions, actor: Actor, user: SessionUser | null, now: Date = new Date()): Promise<ImportPreview> {
  const preview = await previewImport(id, options, actor, user, now);
  if (preview.fileError) {
    await deleteImport(id);
    throw csvFileRefused(preview.fileError);
  }
  return preview;
}
