import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatDay, weekStartOf } from "@/lib/domain/time";
import { previousPeriodWeek, isMonday, monthAnchorOf } from "@/lib/entry/periods";
import { checkValue, type ValueRules } from "@/lib/entry/rules";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getOrgSettings } from "@/lib/server/data/org";
import { db } from "@/lib/server/db";
import { forbidden } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { assertTeamWriter, canWriteTeam } from "@/lib/server/permissions";
import { recordAudit, type AuditEntry } from "@/lib/server/services/audit";
import { refreshRollups } from "@/lib/server/services/rollups";
import type { MetricValueRow } from "@/lib/validation/metric-values";

/**
 * THE write path for team metric values: the entry grid, the API and the CSV importer all come through
 * here. Every row is checked against its metric definition first and nothing is written unless all rows
 * pass and none conflicts with a concurrent edit; then one transaction writes values and audit rows, and
 * the roll-ups of the touched metrics and weeks are rewritten. An import's batches (`importMetricValues` in
 * metric-values-import.ts) take the same checks, then one set-based statement per batch inside the import's
 * transaction.
 */

export type WriteSource = "MANUAL" | "IMPORT" | "API";

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
  tx?: Prisma.TransactionClient;
}

type Client = Prisma.TransactionClient | typeof db;

export interface RowError {
  row: number;
  field: "metric" | "teamId" | "weekStart" | "value" | "note";
  message: string;
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


interface MetricDef {
  id: string;
  key: string;
  name: string;
  unit: string;
  source: "MANUAL" | "COMPUTED";
  cadence: "WEEKLY" | "MONTHLY";
  minValue: number | null;
  maxValue: number | null;
  integer: boolean;
  noteChangePct: number | null;
  archivedAt: Date | null;
  appliesToAll: boolean;
  teams: { teamId: string }[];
}

interface StoredValue {
  id: bigint;
  metricId: string;
  teamId: string;
  weekStart: Date;
  value: number;
  note: string | null;
  version: number;
  enteredById: string | null;
  importId: string | null;
  updatedAt: Date;
}

/** Respondents behind a survey aggregate (imports only); undefined keeps what is stored. */
export interface ValueFraction {
  numerator?: number | null;
  denominator?: number | null;
}

export type ValueWrite = MetricValueRow & ValueFraction;

export interface PlannedRow extends ValueFraction {
  row: number;
  metric: MetricDef;
  teamId: string;
  week: string;
  value: number;
  note: string | null | undefined;
  expectedVersion: number | null | undefined;
}

/** A guarded write found the row changed between our read and our write; the whole save starts again. */
class ConcurrentWrite extends Error {}

const cellKey = (metricId: string, teamId: string, week: string) => `${metricId}|${teamId}|${week}`;
export const valueEntityId = (metricId: string, teamId: string, week: string) => `${metricId}:${teamId}:${week}`;

const METRIC_SELECT = {
  id: true, key: true, name: true, unit: true, source: true, cadence: true, minValue: true, maxValue: true, integer: true,
  noteChangePct: true, archivedAt: true, appliesToAll: true, teams: { select: { teamId: true } },
} as const;

async function loadMetrics(client: Client, rows: ValueWrite[]): Promise<{ byId: Map<string, MetricDef>; byKey: Map<string, MetricDef> }> {
  const ids = [...new Set(rows.flatMap((r) => (r.metricId ? [r.metricId] : [])))];
  const keys = [...new Set(rows.flatMap((r) => (!r.metricId && r.metricKey ? [r.metricKey] : [])))];
  const metrics = await client.metricDefinition.findMany({ where: { OR: [{ id: { in: ids } }, { key: { in: keys } }] }, select: METRIC_SELECT });
  return { byId: new Map(metrics.map((m) => [m.id, m])), byKey: new Map(metrics.map((m) => [m.key, m])) };
}

/** Stored values for a superset of the cells (and their previous periods); filtered by exact key in memory. */
async function loadStored(client: Client, cells: { metricId: string; teamId: string; week: string }[]): Promise<Map<string, StoredValue>> {
  if (cells.length === 0) return new Map();
  const rows = await client.metricValue.findMany({
    where: {
      metricId: { in: [...new Set(cells.map((c) => c.metricId))] },
      teamId: { in: [...new Set(cells.map((c) => c.teamId))] },
      weekStart: { in: [...new Set(cells.map((c) => c.week))].map((w) => new Date(w)) },
    },
    select: { id: true, metricId: true, teamId: true, weekStart: true, value: true, note: true, version: true, enteredById: true, importId: true, updatedAt: true },
  });
  return new Map(rows.map((r) => [cellKey(r.metricId, r.teamId, formatDay(r.weekStart)), r]));
}

function rulesOf(metric: MetricDef, orgNotePct: number): ValueRules {
  return { unit: metric.unit, minValue: metric.minValue, maxValue: metric.maxValue, integer: metric.integer, noteChangePct: metric.noteChangePct ?? orgNotePct };
}

/** Checks what can be checked without stored values: metric, team, week. */
function checkShape(
  rows: ValueWrite[],
  metrics: Awaited<ReturnType<typeof loadMetrics>>,
  teams: Map<string, { archivedAt: Date | null }>,
  source: WriteSource,
  currentWeek: string,
): { planned: PlannedRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const planned: PlannedRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, row) => {
    const before = errors.length;
    const metric = r.metricId ? metrics.byId.get(r.metricId) : metrics.byKey.get(r.metricKey ?? "");
    const team = teams.get(r.teamId);
    if (!metric) errors.push({ row, field: "metric", message: `Unknown metric "${r.metricId ?? r.metricKey}".` });
    else if (metric.archivedAt) errors.push({ row, field: "metric", message: `"${metric.name}" is archived and takes no new values.` });
    else if (source === "MANUAL" && metric.source === "COMPUTED") errors.push({ row, field: "metric", message: `"${metric.name}" is computed from events and cannot be entered.` });
    if (!team) errors.push({ row, field: "teamId", message: `Unknown team "${r.teamId}".` });
    else if (team.archivedAt) errors.push({ row, field: "teamId", message: "The team is archived." });
    else if (metric && !metric.appliesToAll && !metric.teams.some((t) => t.teamId === r.teamId)) {
      errors.push({ row, field: "metric", message: `"${metric.name}" does not apply to this team.` });
    }
    if (!isMonday(r.weekStart)) errors.push({ row, field: "weekStart", message: `${r.weekStart} is not a Monday (the start of an ISO week).` });
    else if (r.weekStart > currentWeek) errors.push({ row, field: "weekStart", message: `${r.weekStart} is in the future.` });
    else if (metric?.cadence === "MONTHLY" && monthAnchorOf(r.weekStart) !== r.weekStart) {
      errors.push({ row, field: "weekStart", message: `"${metric.name}" is monthly; store it at ${monthAnchorOf(r.weekStart)}, the first week of its month.` });
    }
    if (errors.length > before || !metric) return;
    const key = cellKey(metric.id, r.teamId, r.weekStart);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row, field: "weekStart", message: `Row ${first + 1} already has a value for this metric, team and week.` });
      return;
    }
    seen.set(key, row);
    planned.push({
      row, metric, teamId: r.teamId, week: r.weekStart, value: r.value, note: r.note, expectedVersion: r.expectedVersion,
      numerator: r.numerator, denominator: r.denominator,
    });
  });
  return { planned, errors };
}

export function normalizedNote(note: string | null | undefined): string | null | undefined {
  if (note === undefined) return undefined;
  const trimmed = note?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

async function describeCurrent(client: Client, stored: StoredValue[]): Promise<Map<string, CurrentValue>> {
  const userIds = [...new Set(stored.flatMap((s) => (s.enteredById ? [s.enteredById] : [])))];
  const users = new Map((await client.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]));
  const out = new Map<string, CurrentValue>();
  for (const s of stored) {
    const week = formatDay(s.weekStart);
    let changedBy: string | null = null;
    const user = s.enteredById ? users.get(s.enteredById) : undefined;
    if (user) changedBy = `${user.name} (${user.email})`;
    else if (s.importId) {
      // An import audits per batch, not per value: its own record says who ran it.
      const imported = await client.import.findUnique({ where: { id: s.importId }, select: { actorLabel: true } });
      changedBy = imported?.actorLabel ?? null;
    } else {
      const last = await client.auditLog.findFirst({
        where: { entityType: "MetricValue", entityId: valueEntityId(s.metricId, s.teamId, week) },
        orderBy: { at: "desc" },
        select: { actorLabel: true },
      });
      changedBy = last?.actorLabel ?? null;
    }
    out.set(cellKey(s.metricId, s.teamId, week), { value: s.value, note: s.note, version: s.version, changedBy, changedAt: s.updatedAt.toISOString() });
  }
  return out;
}

/** Every problem with one value against its metric's rules, given the previous period's value. */
export function valueIssues(p: PlannedRow, previous: number | null, note: string | null, orgNotePct: number, source: WriteSource): RowError[] {
  const rules = rulesOf(p.metric, orgNotePct);
  // A note is asked for when a person types a big move; history arriving by import or API is taken as it is.
  if (source !== "MANUAL") rules.noteChangePct = Number.POSITIVE_INFINITY;
  return checkValue(rules, p.value, previous, note).map((issue) => ({ row: p.row, field: issue.field, message: issue.message }));
}

function touchedCells(rows: PlannedRow[]): TouchedCells {
  return { metricIds: [...new Set(rows.map((p) => p.metric.id))], weeks: [...new Set(rows.map((p) => p.week))] };
}

/** Reads what the checks need and checks every row's shape against its metric definition and team. */
export async function prepare(rows: ValueWrite[], options: { source: WriteSource; tx?: Prisma.TransactionClient; now?: Date }) {
  const client: Client = options.tx ?? db;
  const settings = options.tx ? await options.tx.orgSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} }) : await getOrgSettings();
  const currentWeek = weekStartOf(options.now ?? new Date(), settings.timeZone);
  const teamIds = [...new Set(rows.map((r) => r.teamId))];
  const [metrics, teamRows] = await Promise.all([
    loadMetrics(client, rows),
    client.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, archivedAt: true } }),
  ]);
  const teams = new Map(teamRows.map((t) => [t.id, t]));
  const { planned, errors } = checkShape(rows, metrics, teams, options.source, currentWeek);
  return { client, planned, errors, noteChangePct: settings.noteChangePct };
}

async function attempt(actor: Actor, rows: ValueWrite[], options: UpsertOptions): Promise<Outcome> {
  const { client, planned, errors, noteChangePct } = await prepare(rows, options);
  const previousWeek = (p: PlannedRow) => previousPeriodWeek(p.week, p.metric.cadence);
  const stored = await loadStored(client, planned.flatMap((p) => [
    { metricId: p.metric.id, teamId: p.teamId, week: p.week },
    { metricId: p.metric.id, teamId: p.teamId, week: previousWeek(p) },
  ]));
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
    const current = await describeCurrent(client, conflicting.flatMap((c) => (c.stored ? [c.stored] : [])));
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

const UPDATE_SQL = `UPDATE "MetricValue" AS v
  SET "value" = u.value, "note" = u.note, "version" = v."version" + 1, "source" = $5::"ValueSource",
      "enteredById" = $6, "importId" = NULL, "updatedAt" = now()
  FROM unnest($1::bigint[], $2::int[], $3::float8[], $4::text[]) AS u(id, version, value, note)
  WHERE v."id" = u.id AND v."version" = u.version`;

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
  const write = async (tx: Prisma.TransactionClient) => {
    if (creates.length > 0) {
      await tx.metricValue.createMany({
        data: creates.map((p) => ({
          metricId: p.metric.id, teamId: p.teamId, weekStart: new Date(p.week), value: p.value,
          note: normalizedNote(p.note) ?? null, source: options.source, enteredById, importId: null,
        })),
      });
    }
    if (updates.length > 0) {
      const changed = await tx.$executeRawUnsafe(
        UPDATE_SQL,
        updates.map((u) => u.stored.id),
        updates.map((u) => u.stored.version),
        updates.map((u) => u.plan.value),
        updates.map((u) => u.note),
        options.source,
        enteredById,
      );
      if (changed !== updates.length) throw new ConcurrentWrite();
    }
    await recordAudit(actor, audit, tx);
  };
  if (options.tx) return write(options.tx);
  await db.$transaction(write, { timeout: 120_000, maxWait: 30_000 });
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

export function assertMayWrite(rows: MetricValueRow[], user: SessionUser | null | undefined): void {
  assertTeamWriter(user, "Only managers and admins can change metric values.");
  // Refused before anything is read or written, whatever mix of own and other teams the batch holds.
  if (user && rows.some((r) => !canWriteTeam(user, r.teamId))) throw forbidden("You can only change data for the teams you manage.");
}
