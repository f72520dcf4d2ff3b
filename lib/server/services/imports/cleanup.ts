import "server-only";
import { clearImportRejectsFinishedBefore, deleteExpiredImportChunks, deleteImportChunks } from "@/lib/server/data/imports/imports";
import { UNDO_WINDOW_DAYS } from "./undo";

/**
 * Uploaded files are kept only while they may still be needed: an applied import no longer needs its file
 * (undo works from the recorded before-images), an abandoned upload (never run, or failed and not run again)
 * is dropped after ABANDONED_AFTER_DAYS, and the rejects list goes when the undo window has passed.
 */
export const ABANDONED_AFTER_DAYS = 2;
const DAY = 86_400_000;

/** Deletes the stored file of one import (after it was applied or undone). */
export async function deleteImportFile(importId: string): Promise<void> {
  await deleteImportChunks(importId);
}

/** Deletes what the rules above say has expired by `now`; runs whenever a new file is uploaded. */
export async function purgeImportFiles(now: Date): Promise<{ files: number; rejects: number }> {
  const abandoned = new Date(now.getTime() - ABANDONED_AFTER_DAYS * DAY);
  const files = await deleteExpiredImportChunks(abandoned);
  const rejects = await clearImportRejectsFinishedBefore(new Date(now.getTime() - UNDO_WINDOW_DAYS * DAY));
  return { files, rejects };
}
