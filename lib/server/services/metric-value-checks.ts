import "server-only";
import { weekStartOf } from "@/lib/domain/time";
import { isMonday, monthAnchorOf } from "@/lib/entry/periods";
import { checkValue, type ValueRules } from "@/lib/entry/rules";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { metricsByIdOrKey, orgSettingsIn, teamsArchivedAt, type EntryMetricDef } from "@/lib/server/data/metric-values/entry";
import { getOrgSettings } from "@/lib/server/data/org";
import type { Tx } from "@/lib/server/data/runner";
import { forbidden } from "@/lib/server/errors";
import { assertTeamWriter, canWriteTeam } from "@/lib/server/permissions";
import type { MetricValueRow } from "@/lib/validation/metric-values";

/**
 * The entry checks of team metric values, shared by every path that writes a value a person gave (entry grid,
 * API, import): who may write which team, which metrics may be typed, the row's shape (metric, team, week) and
 * the value's range and note rule. The writes are in ./metric-values.ts and ./metric-values-import.ts.
 */

export type WriteSource = "MANUAL" | "IMPORT" | "API";

export interface RowError {
  row: number;
  field: "metric" | "teamId" | "weekStart" | "value" | "note";
  message: string;
}

export type MetricDef = EntryMetricDef;

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

export const cellKey = (metricId: string, teamId: string, week: string) => `${metricId}|${teamId}|${week}`;

interface Metrics {
  byId: Map<string, MetricDef>;
  byKey: Map<string, MetricDef>;
}

async function loadMetrics(rows: ValueWrite[], tx?: Tx): Promise<Metrics> {
  const ids = [...new Set(rows.flatMap((r) => (r.metricId ? [r.metricId] : [])))];
  const keys = [...new Set(rows.flatMap((r) => (!r.metricId && r.metricKey ? [r.metricKey] : [])))];
  const metrics = await metricsByIdOrKey(ids, keys, tx);
  return { byId: new Map(metrics.map((m) => [m.id, m])), byKey: new Map(metrics.map((m) => [m.key, m])) };
}

function rulesOf(metric: MetricDef, orgNotePct: number): ValueRules {
  return { unit: metric.unit, minValue: metric.minValue, maxValue: metric.maxValue, integer: metric.integer, noteChangePct: metric.noteChangePct ?? orgNotePct };
}

/** Checks what can be checked without stored values: metric, team, week. */
function checkShape(
  rows: ValueWrite[],
  metrics: Metrics,
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

/** Every problem with one value against its metric's rules, given the previous period's value. */
export function valueIssues(p: PlannedRow, previous: number | null, note: string | null, orgNotePct: number, source: WriteSource): RowError[] {
  const rules = rulesOf(p.metric, orgNotePct);
  // A note is asked for when a person types a big move; history arriving by import or API is taken as it is.
  if (source !== "MANUAL") rules.noteChangePct = Number.POSITIVE_INFINITY;
  return checkValue(rules, p.value, previous, note).map((issue) => ({ row: p.row, field: issue.field, message: issue.message }));
}

/**
 * What `prepare` read, kept across the batches of one import inside its one transaction: the settings, and the
 * metric definitions and teams by id. Nothing else changes them under that transaction, and the import itself
 * only adds teams and metrics (new ids, read when first met).
 */
export class CheckCache {
  settings: { timeZone: string; noteChangePct: number } | null = null;
  readonly metrics: Metrics = { byId: new Map(), byKey: new Map() };
  readonly teams = new Map<string, { archivedAt: Date | null }>();
}

/** Reads what the checks need (what `cache` lacks) and checks every row's shape against its metric definition and team. */
export async function prepare(rows: ValueWrite[], options: { source: WriteSource; tx?: Tx; now?: Date; cache?: CheckCache }) {
  const cache = options.cache ?? new CheckCache();
  cache.settings ??= options.tx ? await orgSettingsIn(options.tx) : await getOrgSettings();
  const settings = cache.settings;
  const currentWeek = weekStartOf(options.now ?? new Date(), settings.timeZone);
  const teamIds = [...new Set(rows.map((r) => r.teamId))].filter((id) => !cache.teams.has(id));
  const unknownMetrics = rows.filter((r) => (r.metricId ? !cache.metrics.byId.has(r.metricId) : !cache.metrics.byKey.has(r.metricKey ?? "")));
  const [metrics, teamRows] = await Promise.all([
    unknownMetrics.length > 0 ? loadMetrics(unknownMetrics, options.tx) : null,
    teamIds.length > 0 ? teamsArchivedAt(teamIds, options.tx) : [],
  ]);
  metrics?.byId.forEach((m, id) => cache.metrics.byId.set(id, m));
  metrics?.byKey.forEach((m, key) => cache.metrics.byKey.set(key, m));
  teamRows.forEach((t) => cache.teams.set(t.id, t));
  const { planned, errors } = checkShape(rows, cache.metrics, cache.teams, options.source, currentWeek);
  return { planned, errors, noteChangePct: settings.noteChangePct };
}

export function assertMayWrite(rows: MetricValueRow[], user: SessionUser | null | undefined): void {
  assertTeamWriter(user, "Only managers and admins can change metric values.");
  // Refused before anything is read or written, whatever mix of own and other teams the batch holds.
  if (user && rows.some((r) => !canWriteTeam(user, r.teamId))) throw forbidden("You can only change data for the teams you manage.");
}
