import "server-only";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { writeEntered } from "@/lib/server/data/metric-value-writer/entered";
import type { Tx } from "@/lib/server/data/runner";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import {
  assertMayWrite,
  type CheckCache,
  normalizedNote,
  prepare,
  valueIssues,
  type PlannedRow,
  type RowError,
  type ValueWrite,
  type WriteSource,
} from "@/lib/server/services/metric-value-checks";
import type { Saved, TouchedCells } from "@/lib/server/services/metric-values";

/**
 * Metric values from a CSV import: the same checks as every other write (./metric-value-checks.ts), then one
 * set-based write per batch inside the import's transaction (`writeEntered`, kind "import").
 */

/** An import's batch: written set-based inside the import's transaction (see writeImportBatch). */
export interface ImportWriteOptions {
  importId: string;
  tx: Tx;
  /** What the checks read, kept across the import's batches (one per import run or dry run). */
  cache?: CheckCache;
  user?: SessionUser | null;
  now?: Date;
}

export type ImportWriteResult = (Saved & { touched: TouchedCells }) | { status: "invalid"; errors: RowError[] };

async function writeImportBatch(
  actor: Actor,
  planned: PlannedRow[],
  errors: RowError[],
  orgNotePct: number,
  options: ImportWriteOptions & { source: WriteSource },
): Promise<ImportWriteResult> {
  for (const p of planned) errors.push(...valueIssues(p, null, null, orgNotePct, options.source));
  if (errors.length > 0) return { status: "invalid", errors: errors.sort((a, b) => a.row - b.row) };
  // Rows without a note column keep the stored note; rows without respondents keep the stored ones.
  const { created, updated, metricIds, weeks } = await writeEntered({
    kind: "import",
    source: options.source,
    enteredById: options.user?.id ?? null,
    importId: options.importId,
    values: planned.map((p) => ({
      metricId: p.metric.id, teamId: p.teamId, week: p.week, value: p.value,
      note: p.note === undefined ? undefined : (normalizedNote(p.note) ?? null),
      numerator: p.numerator,
      denominator: p.denominator,
    })),
  }, options.tx);
  if (created + updated > 0) {
    const sorted = [...weeks].sort();
    await recordAudit(actor, {
      action: "import",
      entityType: "Import",
      entityId: options.importId,
      summary: `Metric values: ${created} created, ${updated} updated (${metricIds.length} ${metricIds.length === 1 ? "metric" : "metrics"}, weeks ${sorted[0]} to ${sorted[sorted.length - 1]})`,
      after: { created, updated, metricIds, fromWeek: sorted[0], toWeek: sorted[sorted.length - 1] },
    }, options.tx);
  }
  return { status: "saved", created, updated, unchanged: planned.length - created - updated, touched: { metricIds, weeks } };
}

/**
 * An import's batch of values: the same checks against the metric definitions, then one set-based write
 * that records the before-images for undo and one audit entry (see writeImportBatch). Returns the rows'
 * errors, or the counts and the metrics/weeks written (the caller refreshes their roll-ups after commit).
 */
export async function importMetricValues(actor: Actor, rows: ValueWrite[], options: ImportWriteOptions): Promise<ImportWriteResult> {
  assertMayWrite(rows, options.user);
  const source = "IMPORT";
  const { planned, errors, noteChangePct } = await prepare(rows, { ...options, source });
  return writeImportBatch(actor, planned, errors, noteChangePct, { ...options, source });
}

