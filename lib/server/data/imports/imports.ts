import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/** The Import row (one uploaded file and its run), its stored file (ImportChunk) and its before-images (ImportChange). */

export async function importById(id: string, tx: Tx = client) {
  return tx.import.findUnique({ where: { id } });
}

export async function insertImport(
  data: { kind: string; fileName: string; fileSize: number; createdById: string | null; createdByTokenId: string | null; actorLabel: string },
  tx: Tx = client,
): Promise<{ id: string }> {
  return tx.import.create({ data, select: { id: true } });
}

export async function deleteImport(id: string, tx: Tx = client): Promise<void> {
  await tx.import.delete({ where: { id } });
}

export async function setImportFileSize(id: string, fileSize: number, tx: Tx = client): Promise<void> {
  await tx.import.update({ where: { id }, data: { fileSize } });
}

/** What the preview learnt of the file: its row count and the column mapping to run it with. */
export async function saveImportPreview(id: string, totalRows: number, mapping: Prisma.InputJsonValue, tx: Tx = client): Promise<void> {
  await tx.import.update({ where: { id }, data: { totalRows, mapping } });
}

/**
 * Claims the import for a run: only when it is uploaded or failed, or when its earlier run reads as interrupted
 * (`interrupted`: that run's start, as read; lib/imports/run-state.ts) and nobody has claimed it since. Resets
 * its counts. False when another run has it or it is done.
 */
export async function claimImportRun(
  id: string,
  run: { skipInvalid: boolean; createUnknown: boolean; startedAt: Date; interrupted: { startedAt: Date | null } | null },
  tx: Tx = client,
): Promise<boolean> {
  const again = run.interrupted ? [{ status: { in: ["VALIDATING", "RUNNING"] }, startedAt: run.interrupted.startedAt }] : [];
  const claimed = await tx.import.updateMany({
    where: { id, OR: [{ status: { in: ["UPLOADED", "FAILED"] } }, ...again] },
    data: {
      status: "VALIDATING", skipInvalid: run.skipInvalid, createUnknown: run.createUnknown, startedAt: run.startedAt, finishedAt: null,
      processedRows: 0, error: null, rejects: undefined, created: 0, updated: 0, unchanged: 0, skipped: 0,
    },
  });
  return claimed.count > 0;
}

export async function markImportRunning(id: string, tx: Tx = client): Promise<void> {
  await tx.import.update({ where: { id }, data: { status: "RUNNING", processedRows: 0 } });
}

export async function setImportProgress(id: string, processedRows: number, tx: Tx = client): Promise<void> {
  await tx.import.update({ where: { id }, data: { processedRows } });
}

/** Records how a run ended; returns the whole row. */
export async function finishImportRun(
  id: string,
  data: {
    status: "COMPLETED" | "FAILED";
    created: number;
    updated: number;
    unchanged: number;
    skipped: number;
    rejects: Prisma.InputJsonValue;
    error: string | null;
    finishedAt: Date;
    totalRows?: number;
    processedRows?: number;
  },
  tx: Tx = client,
) {
  return tx.import.update({ where: { id }, data });
}

export async function markImportUndone(id: string, undoneAt: Date, undoneById: string | null, tx: Tx = client): Promise<void> {
  await tx.import.update({ where: { id }, data: { status: "UNDONE", undoneAt, undoneById } });
}

const SUMMARY_SELECT = {
  id: true, kind: true, fileName: true, fileSize: true, status: true, skipInvalid: true, createUnknown: true, totalRows: true,
  processedRows: true, created: true, updated: true, unchanged: true, skipped: true, error: true, actorLabel: true, createdById: true,
  createdByTokenId: true, createdAt: true, startedAt: true, finishedAt: true, undoneAt: true,
} as const;

/** The newest imports matching `where` (the caller's visibility filter), as the list shows them. */
export async function listImportSummaries(where: Prisma.ImportWhereInput, limit: number, tx: Tx = client) {
  return tx.import.findMany({ where, orderBy: { createdAt: "desc" }, take: limit, select: SUMMARY_SELECT });
}

/** One import as its page shows it, with its rejects. */
export async function importSummaryById(id: string, tx: Tx = client) {
  return tx.import.findUniqueOrThrow({ where: { id }, select: { ...SUMMARY_SELECT, rejects: true } });
}

/** Forgets the rejects of imports that finished before `before`; how many. */
export async function clearImportRejectsFinishedBefore(before: Date, tx: Tx = client): Promise<number> {
  const cleared = await tx.import.updateMany({
    where: { finishedAt: { lt: before }, rejects: { not: Prisma.DbNull } },
    data: { rejects: Prisma.DbNull },
  });
  return cleared.count;
}

// ---- the stored file

export async function insertImportChunk(importId: string, seq: number, data: Uint8Array<ArrayBuffer>, tx: Tx = client): Promise<void> {
  await tx.importChunk.create({ data: { importId, seq, data } });
}

/** The `seq`-th chunk of an import's file, or null past its end. */
export async function importChunkData(importId: string, seq: number, tx: Tx = client): Promise<Uint8Array | null> {
  const chunk = await tx.importChunk.findUnique({ where: { importId_seq: { importId, seq } }, select: { data: true } });
  return chunk ? chunk.data : null;
}

export async function deleteImportChunks(importId: string, tx: Tx = client): Promise<void> {
  await tx.importChunk.deleteMany({ where: { importId } });
}

/**
 * Deletes the files of applied or undone imports, and of the others (never run, failed, cut off) uploaded
 * before `abandonedBefore`; how many chunks.
 */
export async function deleteExpiredImportChunks(abandonedBefore: Date, tx: Tx = client): Promise<number> {
  const files = await tx.importChunk.deleteMany({
    where: {
      import: {
        OR: [{ status: { in: ["COMPLETED", "UNDONE"] } }, { status: { in: ["UPLOADED", "FAILED", "VALIDATING", "RUNNING"] }, createdAt: { lt: abandonedBefore } }],
      },
    },
  });
  return files.count;
}

// ---- before-images

export interface ImportChangeRow {
  id: bigint;
  entityType: string;
  entityId: string;
  before: Prisma.JsonValue | null;
}

/** Up to `take` before-images of an import with ids above `afterId`, in id order. */
export async function importChangesAfter(importId: string, afterId: bigint, take: number, tx: Tx = client): Promise<ImportChangeRow[]> {
  return tx.importChange.findMany({ where: { importId, id: { gt: afterId } }, orderBy: { id: "asc" }, take });
}

/** Before-images in bulk, one statement for all of them (the query builder is the slow part at this volume). */
export async function insertImportChanges(
  importId: string,
  changes: { entityType: string; entityId: string; before: Prisma.InputJsonValue | null }[],
  tx: Tx = client,
): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "ImportChange" ("importId", "entityType", "entityId", "before")
       SELECT $1, t.entity_type, t.entity_id, t.before::jsonb FROM unnest($2::text[], $3::text[], $4::text[]) AS t(entity_type, entity_id, before)`,
    importId,
    changes.map((c) => c.entityType),
    changes.map((c) => c.entityId),
    changes.map((c) => (c.before === null ? null : JSON.stringify(c.before))),
  );
}

/** The organisation settings row, created when missing (an import reads its time zone). */
export async function ensureOrgSettings(tx: Tx = client) {
  return tx.orgSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
}
