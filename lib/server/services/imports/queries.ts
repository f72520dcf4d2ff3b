import "server-only";
import { toCsv } from "@/lib/csv/write";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { forbidden } from "@/lib/server/errors";
import { IMPORT_KINDS } from "./registry";
import { interruptedBefore } from "./run";
import type { RowProblem } from "./scan";
import { loadImport } from "./session";
import { UNDO_WINDOW_DAYS } from "./undo";

/** The imports list, one import's state (polled for progress), templates and rejects as CSV. */

const SUMMARY_SELECT = {
  id: true, kind: true, fileName: true, fileSize: true, status: true, skipInvalid: true, createUnknown: true, totalRows: true,
  processedRows: true, created: true, updated: true, unchanged: true, skipped: true, error: true, actorLabel: true, createdById: true,
  createdAt: true, startedAt: true, finishedAt: true, undoneAt: true,
} as const;

export type ImportSummary = Awaited<ReturnType<typeof getImport>>;

function assertMayRead(user: SessionUser | null, createdById: string | null): void {
  if (user && user.role !== "ADMIN" && user.id !== createdById) throw forbidden("You can only see your own imports.");
}

export async function listImports(user: SessionUser | null, limit = 100, now = new Date()) {
  const rows = await db.import.findMany({
    where: user && user.role !== "ADMIN" ? { createdById: user.id } : {},
    orderBy: { createdAt: "desc" },
    take: limit,
    select: SUMMARY_SELECT,
  });
  return rows.map((row) => withUndo(row, now));
}

export async function getImport(id: string, user: SessionUser | null, now = new Date()) {
  const row = await db.import.findUnique({ where: { id }, select: { ...SUMMARY_SELECT, rejects: true } });
  if (!row) {
    await loadImport(id); // throws 404
    throw forbidden();
  }
  assertMayRead(user, row.createdById);
  const rejects = (row.rejects ?? []) as unknown as RowProblem[];
  return { ...withUndo(row, now), rejects: rejects.slice(0, 100), rejectsListed: rejects.length };
}

const INTERRUPTED = "The import was interrupted (the server stopped while it ran); nothing from it was written. Run it again.";

function withUndo<T extends { status: string; finishedAt: Date | null; startedAt: Date | null; error: string | null }>(row: T, now: Date) {
  const canUndoUntil = row.status === "COMPLETED" && row.finishedAt ? new Date(row.finishedAt.getTime() + UNDO_WINDOW_DAYS * 86_400_000) : null;
  const interrupted = (row.status === "VALIDATING" || row.status === "RUNNING") && row.startedAt !== null && row.startedAt < interruptedBefore(now);
  return {
    ...row,
    ...(interrupted ? { status: "FAILED", error: INTERRUPTED } : {}),
    undoableUntil: canUndoUntil && canUndoUntil > now ? canUndoUntil.toISOString() : null,
  };
}

export const REJECTS_HEADER = ["line", "column", "reason"];

export async function rejectsCsv(id: string, user: SessionUser | null): Promise<{ fileName: string; csv: string }> {
  const row = await loadImport(id);
  assertMayRead(user, row.createdById);
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
  return IMPORT_KINDS.map((k) => ({ key: k.key, label: k.label, description: k.description, access: k.access, undoable: k.undoable, fields: k.fields }));
}
