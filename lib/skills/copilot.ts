/**
 * Reads GitHub Copilot exports into normalised AI-adoption rows. Pure: the caller fetches.
 *
 * Sources (GitHub REST API):
 * - `GET /orgs/{org}/copilot/billing/seats`: licensed seats, their assigning team and last activity.
 * - `GET /orgs/{org}/copilot/metrics/reports/organization-1-day` (and `users-1-day`): a
 *   report day and signed links to NDJSON files. Each NDJSON line is either a day record
 *   or an object holding `day_totals: [day record…]`; user reports add `user_login`.
 *
 * The current report has no "engaged users" count at organisation level, so that stays
 * null there; team rows built from user records count as engaged anyone who accepted a
 * suggestion or started an interaction. Field names the report does not send stay null
 * (unknown), never 0.
 */
import { z } from "zod";

const count = z.number().int().nonnegative();
const optionalCount = count.nullish();

export const copilotReportLinksSchema = z.object({
  download_links: z.array(z.url()),
  report_day: z.iso.date(),
});

const dayRecordSchema = z.object({
  day: z.iso.date(),
  user_login: z.string().optional(),
  daily_active_users: optionalCount,
  weekly_active_users: optionalCount,
  monthly_active_users: optionalCount,
  user_initiated_interaction_count: optionalCount,
  code_generation_activity_count: optionalCount,
  code_acceptance_activity_count: optionalCount,
  loc_suggested_to_add_sum: optionalCount,
  loc_added_sum: optionalCount,
  pull_requests: z
    .object({ total_merged: optionalCount, total_merged_created_by_copilot: optionalCount })
    .nullish(),
});

const reportLineSchema = z.union([z.object({ day_totals: z.array(dayRecordSchema) }), dayRecordSchema]);

const seatSchema = z.object({
  created_at: z.iso.datetime({ offset: true }),
  pending_cancellation_date: z.iso.date().nullish(),
  last_activity_at: z.iso.datetime({ offset: true }).nullish(),
  last_activity_editor: z.string().nullish(),
  plan_type: z.string().nullish(),
  assignee: z.object({ login: z.string().optional(), slug: z.string().optional() }).nullish(),
  assigning_team: z.object({ slug: z.string(), name: z.string() }).nullish(),
});

export const copilotSeatsListSchema = z.object({ total_seats: count, seats: z.array(seatSchema) });

export interface CopilotReportLinks {
  reportDay: string;
  downloadLinks: string[];
}

export function parseCopilotReportLinks(json: unknown): CopilotReportLinks {
  const parsed = copilotReportLinksSchema.parse(json);
  return { reportDay: parsed.report_day, downloadLinks: parsed.download_links };
}

/** One day of Copilot usage for the organisation (`team` null) or one team. */
export interface CopilotUsageRow {
  date: string;
  team: string | null;
  activeUsers: number | null;
  weeklyActiveUsers: number | null;
  monthlyActiveUsers: number | null;
  engagedUsers: number | null;
  interactions: number | null;
  suggestions: number | null;
  acceptances: number | null;
  linesSuggested: number | null;
  linesAccepted: number | null;
  mergedPrs: number | null;
  mergedPrsByCopilot: number | null;
}

export type CopilotDayRecord = z.infer<typeof dayRecordSchema>;

/** Parses an NDJSON report file into day records; a bad line throws naming its line number. */
export function parseCopilotReportNdjson(ndjson: string): CopilotDayRecord[] {
  const records: CopilotDayRecord[] = [];
  ndjson.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`Copilot report line ${index + 1} is not JSON`);
    }
    const parsed = reportLineSchema.safeParse(json);
    if (!parsed.success) throw new Error(`Copilot report line ${index + 1}: ${z.prettifyError(parsed.error)}`);
    if ("day_totals" in parsed.data) records.push(...parsed.data.day_totals);
    else records.push(parsed.data);
  });
  return records;
}

const orNull = (v: number | null | undefined) => v ?? null;

/** Organisation rows from organisation-level day records (user records are ignored here). */
export function organisationUsageRows(records: readonly CopilotDayRecord[]): CopilotUsageRow[] {
  return records
    .filter((r) => r.user_login === undefined)
    .map((r) => ({
      date: r.day,
      team: null,
      activeUsers: orNull(r.daily_active_users),
      weeklyActiveUsers: orNull(r.weekly_active_users),
      monthlyActiveUsers: orNull(r.monthly_active_users),
      engagedUsers: null,
      interactions: orNull(r.user_initiated_interaction_count),
      suggestions: orNull(r.code_generation_activity_count),
      acceptances: orNull(r.code_acceptance_activity_count),
      linesSuggested: orNull(r.loc_suggested_to_add_sum),
      linesAccepted: orNull(r.loc_added_sum),
      mergedPrs: orNull(r.pull_requests?.total_merged),
      mergedPrsByCopilot: orNull(r.pull_requests?.total_merged_created_by_copilot),
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Team rows from user-level day records, attributing each user to the team that assigned
 * their seat. A user record exists only for a day with activity, so each one is an active
 * user. Users without a team-assigned seat count in no team row.
 */
export function teamUsageRows(records: readonly CopilotDayRecord[], seats: readonly CopilotSeat[]): CopilotUsageRow[] {
  const teamOf = new Map(seats.filter((s) => s.login !== null).map((s) => [s.login, s.team]));
  const rows = new Map<string, CopilotUsageRow>();
  for (const r of records) {
    const team = r.user_login === undefined ? null : (teamOf.get(r.user_login) ?? null);
    if (team === null) continue;
    const key = `${r.day}\u0000${team}`;
    const row = rows.get(key) ?? emptyTeamRow(r.day, team);
    row.activeUsers = (row.activeUsers ?? 0) + 1;
    const interactions = r.user_initiated_interaction_count ?? 0;
    const acceptances = r.code_acceptance_activity_count ?? 0;
    if (interactions > 0 || acceptances > 0) row.engagedUsers = (row.engagedUsers ?? 0) + 1;
    row.interactions = (row.interactions ?? 0) + interactions;
    row.suggestions = (row.suggestions ?? 0) + (r.code_generation_activity_count ?? 0);
    row.acceptances = (row.acceptances ?? 0) + acceptances;
    row.linesSuggested = (row.linesSuggested ?? 0) + (r.loc_suggested_to_add_sum ?? 0);
    row.linesAccepted = (row.linesAccepted ?? 0) + (r.loc_added_sum ?? 0);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.date.localeCompare(b.date) || (a.team ?? "").localeCompare(b.team ?? ""));
}

function emptyTeamRow(date: string, team: string): CopilotUsageRow {
  return {
    date,
    team,
    activeUsers: 0,
    weeklyActiveUsers: null,
    monthlyActiveUsers: null,
    engagedUsers: 0,
    interactions: 0,
    suggestions: 0,
    acceptances: 0,
    linesSuggested: 0,
    linesAccepted: 0,
    mergedPrs: null,
    mergedPrsByCopilot: null,
  };
}

export interface CopilotSeat {
  /** GitHub login of the seat holder (or the slug of an assigned team/organisation). */
  login: string | null;
  team: string | null;
  planType: string | null;
  createdAt: string;
  lastActivityAt: string | null;
  pendingCancellationDate: string | null;
}

export function parseCopilotSeats(json: unknown): { totalSeats: number; seats: CopilotSeat[] } {
  const parsed = copilotSeatsListSchema.parse(json);
  return {
    totalSeats: parsed.total_seats,
    seats: parsed.seats.map((s) => ({
      login: s.assignee?.login ?? s.assignee?.slug ?? null,
      team: s.assigning_team?.slug ?? null,
      planType: s.plan_type ?? null,
      createdAt: new Date(s.created_at).toISOString(),
      lastActivityAt: s.last_activity_at ? new Date(s.last_activity_at).toISOString() : null,
      pendingCancellationDate: s.pending_cancellation_date ?? null,
    })),
  };
}

export interface CopilotSeatRow {
  date: string;
  team: string | null;
  seats: number;
  /** Seats with activity in the `activeWithinDays` days up to the end of `date` (UTC). */
  activeUsers: number;
}

const DAY_MS = 86_400_000;

/**
 * Seats and active seat holders on `asOf` for the organisation (team null) and each
 * assigning team. A seat counts from its creation until its pending cancellation date.
 */
export function seatRows(seats: readonly CopilotSeat[], asOf: string, activeWithinDays = 28): CopilotSeatRow[] {
  const endOfDay = Date.parse(`${asOf}T00:00:00Z`) + DAY_MS;
  const windowStart = endOfDay - activeWithinDays * DAY_MS;
  const live = seats.filter(
    (s) => Date.parse(s.createdAt) < endOfDay && (s.pendingCancellationDate === null || s.pendingCancellationDate > asOf),
  );
  const isActive = (s: CopilotSeat) => {
    if (s.lastActivityAt === null) return false;
    const t = Date.parse(s.lastActivityAt);
    return t >= windowStart && t < endOfDay;
  };
  const row = (team: string | null, group: readonly CopilotSeat[]): CopilotSeatRow => ({
    date: asOf,
    team,
    seats: group.length,
    activeUsers: group.filter(isActive).length,
  });
  const teams = [...new Set(live.map((s) => s.team).filter((t): t is string => t !== null))].sort();
  return [row(null, live), ...teams.map((t) => row(t, live.filter((s) => s.team === t)))];
}
