import "server-only";
import { addDays, formatDay, weekStartOf } from "@/lib/domain/time";
import { monthColumns, previousPeriodWeek, weekColumns, type PeriodColumn } from "@/lib/entry/periods";
import { getOrgSettings, listTeams } from "@/lib/server/data/org";
import { db } from "@/lib/server/db";

/** Reads of team metric values for the entry grid and the values API (writes go through services/metric-values). */

export interface StoredCell {
  metricId: string;
  metricKey: string;
  weekStart: string;
  value: number;
  note: string | null;
  version: number;
  source: string;
  updatedAt: string;
}

/** A team's values between two weeks, for metrics without anonymity rules (team-level survey numbers stay out). */
export async function listTeamValues(teamId: string, fromWeek: string, toWeek: string): Promise<StoredCell[]> {
  const rows = await db.metricValue.findMany({
    where: { teamId, weekStart: { gte: new Date(fromWeek), lte: new Date(toWeek) }, metric: { sensitivity: "NONE" } },
    select: { metricId: true, weekStart: true, value: true, note: true, version: true, source: true, updatedAt: true, metric: { select: { key: true } } },
    orderBy: [{ metricId: "asc" }, { weekStart: "asc" }],
  });
  return rows.map((r) => ({
    metricId: r.metricId, metricKey: r.metric.key, weekStart: formatDay(r.weekStart), value: r.value, note: r.note,
    version: r.version, source: r.source, updatedAt: r.updatedAt.toISOString(),
  }));
}

export interface EntryMetric {
  id: string;
  key: string;
  name: string;
  unit: string;
  pillar: string;
  cadence: "WEEKLY" | "MONTHLY";
  minValue: number | null;
  maxValue: number | null;
  integer: boolean;
  noteChangePct: number | null;
  description: string;
  howComputed: string;
}

/** Manual, live metrics that apply to a team, in catalog order. */
export async function listEntryMetrics(teamId: string): Promise<EntryMetric[]> {
  return db.metricDefinition.findMany({
    where: { source: "MANUAL", archivedAt: null, OR: [{ appliesToAll: true }, { teams: { some: { teamId } } }] },
    select: {
      id: true, key: true, name: true, unit: true, pillar: true, cadence: true, minValue: true, maxValue: true, integer: true,
      noteChangePct: true, description: true, howComputed: true,
    },
    orderBy: [{ pillar: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
  });
}

export interface EntryContext {
  teams: { id: string; name: string }[];
  team: { id: string; name: string } | null;
  metrics: EntryMetric[];
  weeks: PeriodColumn[];
  months: PeriodColumn[];
  currentWeek: string;
  loadFrom: string;
  orgNoteChangePct: number;
}

/** What the "My teams" page needs: the teams the user may write, and the chosen team's grid frame. */
export async function entryContext(writable: string[] | null, teamId: string | undefined, now = new Date()): Promise<EntryContext> {
  const settings = await getOrgSettings();
  const all = await listTeams();
  const teams = (writable === null ? all : all.filter((t) => writable.includes(t.id))).map((t) => ({ id: t.id, name: t.name }));
  const team = teams.find((t) => t.id === teamId) ?? teams[0] ?? null;
  const currentWeek = weekStartOf(now, settings.timeZone);
  const weeks = weekColumns(currentWeek, 8);
  const months = monthColumns(currentWeek, 6);
  const loadFrom = [addDays(weeks[0].week, -7), previousPeriodWeek(months[0].week, "MONTHLY")].sort()[0];
  return {
    teams, team, metrics: team ? await listEntryMetrics(team.id) : [], weeks, months, currentWeek, loadFrom,
    orgNoteChangePct: settings.noteChangePct,
  };
}
