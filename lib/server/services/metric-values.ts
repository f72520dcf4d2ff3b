import "server-only";
import { formatDay } from "@/lib/domain/time";
import { previousPeriodWeek } from "@/lib/entry/periods";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { writeEntered } from "@/lib/server/data/metric-value-writer/entered";
import { importActorLabel, lastAuditActorLabel, storedValuesOf, usersByIds, type StoredValue } from "@/lib/server/data/metric-values/entry";
import { inTransaction, type Tx } from "@/lib/server/data/runner";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit, type AuditEntry } from "@/lib/server/services/audit";
import {
  assertMayWrite,
  cellKey,
  normalizedNote,
  prepare,
  valueIssues,
  type PlannedRow,
  type RowError,
  type ValueWrite,
  type WriteSource,
} from "@/lib/server/services/metric-value-checks";
import { refreshRollups } from "@/lib/server/services/rollups";
import type { MetricValueRow } from "@/lib/validation/metric-values";

/**
 * THE write path for team metric values: the entry grid, the API and the CSV importer all come through
 * here. Every row is checked first (./metric-value-checks.ts) and nothing is written unless all rows
 * pass and none conflicts with a concurrent edit; then one transaction writes values (`writeEntered`) and
 * audit rows, and the roll-ups of the touched metrics and weeks are rewritten. An import's batches
 * (`importMetricValues` in metric-values-import.ts) take the same checks, then one set-based statement per
 * batch inside the import's transaction.
 */

export interface UpsertOptions {
  source: WriteSource;
  /** The signed-in user (null for an API token, which may write any team). */
  user?: SessionUser | null;
  now?: Date;
  /**
   * Run inside the caller's transaction: every read and write goes through `tx`, nothing is retried, and
   * roll-ups are NOT refreshed — the caller refreshes them for the metrics and weeks it wrote once its
   * transaction has committed.
   */
  tx?: Tx;
}

export interface CurrentValue {
  value: number;
  note: string | null;
  version: number;
  changedBy: string | null;
  changedAt: string;
}

export interface ValueConflict {
  row: number;
  metricId: string;
  teamId: string;
  weekStart: string;
  /** What is stored now; null when the value was deleted since. */
  current: CurrentValue | null;
}

/** The metrics and weeks a save wrote (its roll-ups are stale). */
export interface TouchedCells {
  metricIds: string[];
  weeks: string[];
}

export interface Saved {
  status: "saved";
  created: number;
  updated: number;
  unchanged: number;
}

export type UpsertResult = Saved | { status: "invalid"; errors: RowError[] } | { status: "conflict"; conflicts: ValueConflict[] };

/** What a write did, with the metrics and weeks whose roll-ups it made stale. */
type Outcome = (Saved & { touched: TouchedCells }) | Exclude<UpsertResult, Saved>;

/** A guarded write found the row changed between our read and our write; the whole save starts again. */
class ConcurrentWrite extends Error {}

export const valueEntityId = (metricId: string, teamId: string, week: string) => `${metricId}:${teamId}:${week}`;

/** Stored values for a superset of the cells (and their previous periods); filtered by exact key in memory. */
async function loadStored(cells: { metricId: string; teamId: string; week: string }[], tx?: Tx): Promise<Map<string, StoredValue>> {
  if (cells.length === 0) return new Map();
  const rows = await storedValuesOf(
    [...new Set(cells.map((c) => c.metricId))],
    [...new Set(cells.map((c) => c.teamId))],
    [...new Set(cells.map((c) => c.week))],
    tx,
  );
  return new Map(rows.map((r) => [cellKey(r.metricId, r.teamId, formatDay(r.weekStart)), r]));
}

async function describeCurrent(stored: StoredValue[], tx?: Tx): Promise<Map<string, CurrentValue>> {
  const userIds = [...new Set(stored.flatMap((s) => (s.enteredById ? [s.enteredById] : [])))];
  const users = new Map((await usersByIds(userIds, tx)).map((u) => [u.id, u]));
  const out = new Map<string, CurrentValue>();
  for (const s of stored) {
    const week = formatDay(s.weekStart);
    let changedBy: string | null = null;
    const user = s.enteredById ? users.get(s.enteredById) : undefined;
    if (user) changedBy = `${user.name} (${user.email})`;
    // An import audits per batch, not per value: its own record says who ran it.
    else if (s.importId) changedBy = await importActorLabel(s.importId, tx);
    else changedBy = await lastAuditActorLabel("MetricValue", valueEntityId(s.metricId, s.teamId, week), tx);
    out.set(cellKey(s.metricId, s.teamId, week), { value: s.value, note: s.note, version: s.version, changedBy, changedAt: s.updatedAt.toISOString() });
  }
  return out;
}

function touchedCells(rows: PlannedRow[]): TouchedCells {
  return { metricIds: [...new Set(rows.map((p) => p.metric.id))], weeks: [...new Set(rows.map((p) => p.week))] };
}

async function attempt(actor: Actor, rows: ValueWrite[], options: UpsertOptions): Promise<Outcome> {
  const { planned, errors, noteChangePct } = await prepare(rows, options);
  const previousWeek = (p: PlannedRow) => previousPeriodWeek(p.week, p.metric.cadence);
  const stored = await loadStored(planned.flatMap((p) => [
    { metricId: p.metric.id, teamId: p.teamId, week: p.week },
    { metricId: p.metric.id, teamId: p.teamId, week: previousWeek(p) },
  ]), options.tx);
  const batch = new Map(planned.map((p) => [cellKey(p.metric.id, p.teamId, p.week), p]));

  const creates: PlannedRow[] = [];
  const updates: { plan: PlannedRow; stored: StoredValue; note: string | null }[] = [];
  let unchanged = 0;
  const conflicting: { plan: PlannedRow; stored: StoredValue | undefined }[] = [];
  for (const p of planned) {
    const key = cellKey(p.metric.id, p.teamId, p.week);
    const existing = stored.get(key);
    if (p.expectedVersion !== undefined && (existing?.version ?? null) !== p.expectedVersion) {
      conflicting.push({ plan: p, stored: existing });
      continue;
    }
    const note = normalizedNote(p.note);
    const finalNote = note === undefined ? (existing?.note ?? null) : note;
    if (existing && existing.value === p.value && existing.note === finalNote) {
      unchanged++;
      continue;
    }
    // The previous period's value as it will be after this save (the batch may carry it too).
    const prevKey = cellKey(p.metric.id, p.teamId, previousWeek(p));
    const previous = batch.get(prevKey)?.value ?? stored.get(prevKey)?.value ?? null;
    errors.push(...valueIssues(p, previous, finalNote, noteChangePct, options.source));
    if (existing) updates.push({ plan: p, stored: existing, note: finalNote });
    else creates.push(p);
  }
  if (errors.length > 0) return { status: "invalid", errors: errors.sort((a, b) => a.row - b.row) };
  if (conflicting.length > 0) {
    const current = await describeCurrent(conflicting.flatMap((c) => (c.stored ? [c.stored] : [])), options.tx);
    return {
      status: "conflict",
      conflicts: conflicting.map(({ plan }) => ({
        row: plan.row, metricId: plan.metric.id, teamId: plan.teamId, weekStart: plan.week,
        current: current.get(cellKey(plan.metric.id, plan.teamId, plan.week)) ?? null,
      })),
    };
  }

  if (creates.length + updates.length > 0) await writeChanges(actor, creates, updates, options);
  const touched = touchedCells([...creates, ...updates.map((u) => u.plan)]);
  if (!options.tx && touched.metricIds.length > 0) await refreshRollups(touched);
  return { status: "saved", created: creates.length, updated: updates.length, unchanged, touched };
}

async function writeChanges(
  actor: Actor,
  creates: PlannedRow[],
  updates: { plan: PlannedRow; stored: StoredValue; note: string | null }[],
  options: UpsertOptions,
): Promise<void> {
  const enteredById = options.user?.id ?? null;
  const audit: AuditEntry[] = [
    ...creates.map((p): AuditEntry => ({
      action: options.source === "IMPORT" ? "import" : "create",
      entityType: "MetricValue",
      entityId: valueEntityId(p.metric.id, p.teamId, p.week),
      summary: `${p.metric.name}, week ${p.week}: ${p.value}`,
      after: { metric: p.metric.key, teamId: p.teamId, weekStart: p.week, value: p.value, note: normalizedNote(p.note) ?? null },
    })),
    ...updates.map(({ plan: p, stored, note }): AuditEntry => ({
      action: options.source === "IMPORT" ? "import" : "update",
      entityType: "MetricValue",
      entityId: valueEntityId(p.metric.id, p.teamId, p.week),
      summary: `${p.metric.name}, week ${p.week}: ${stored.value} → ${p.value}`,
      before: { metric: p.metric.key, teamId: p.teamId, weekStart: p.week, value: stored.value, note: stored.note, version: stored.version },
      after: { metric: p.metric.key, teamId: p.teamId, weekStart: p.week, value: p.value, note, version: stored.version + 1 },
    })),
  ];
  const write = async (tx: Tx) => {
    const written = await writeEntered({
      kind: "checked",
      source: options.source,
      enteredById,
      creates: creates.map((p) => ({ metricId: p.metric.id, teamId: p.teamId, week: p.week, value: p.value, note: normalizedNote(p.note) ?? null })),
      updates: updates.map((u) => ({ id: u.stored.id, version: u.stored.version, value: u.plan.value, note: u.note })),
    }, tx);
    if (written.updated !== updates.length) throw new ConcurrentWrite();
    await recordAudit(actor, audit, tx);
  };
  if (options.tx) return write(options.tx);
  await inTransaction(write, { timeout: 120_000, maxWait: 30_000 });
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002" || /unique/i.test((error as Error)?.message ?? "");
}

/**
 * Validates and writes team metric values, all or nothing. Returns every row's errors, or the cells that
 * someone else changed since the editor loaded them, or the counts written. Throws 403 when the user may not
 * write one of the teams.
 */
export async function upsertMetricValues(actor: Actor, rows: MetricValueRow[], options: UpsertOptions): Promise<UpsertResult> {
  assertMayWrite(rows, options.user);
  // A concurrent writer between our read and our guarded write: read again (then conflicts are reported).
  for (let tries = 0; ; tries++) {
    try {
      const outcome = await attempt(actor, rows, options);
      if (outcome.status !== "saved") return outcome;
      const { touched: _touched, ...counts } = outcome;
      return counts;
    } catch (error) {
      // Inside a caller's transaction a failed statement has aborted it: the caller decides.
      const retryable = !options.tx && (error instanceof ConcurrentWrite || isUniqueViolation(error));
      if (!retryable || tries >= 2) throw error;
    }
  }
}
