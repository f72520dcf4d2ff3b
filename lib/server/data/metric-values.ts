import "server-only";
import { addDays, formatDay, weekStartOf } from "@/lib/domain/time";
import type { StoredCell } from "@/lib/metrics/api-types";
import { monthColumns, previousPeriodWeek, weekColumns, type PeriodColumn } from "@/lib/entry/periods";
import type { DirectionKey } from "@/lib/metrics/catalog";
import { targetFor, teamScopeChain, type TargetScopeType } from "@/lib/metrics/targets";
import { ancestorChains, getOrgSettings, listGroups, listTeams } from "@/lib/server/data/org";
import { listTargetsOfMetrics } from "@/lib/server/data/targets";
import { db } from "@/lib/server/db";

/** Reads of team metric values for the entry grid and the values API (writes go through services/metric-values). */

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
  direction: DirectionKey;
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
      id: true, key: true, name: true, unit: true, pillar: true, direction: true, cadence: true, minValue: true, maxValue: true, integer: true,
      noteChangePct: true, description: true, howComputed: true,
    },
    orderBy: [{ pillar: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
  });
}

/** The target in force for a team and week: its own, else its groups' (nearest first), else the org's. */
export interface EntryTarget {
  green: number;
  amber: number;
  scope: TargetScopeType;
}

export interface EntryGridMetric extends EntryMetric {
  /** The target in force for each of the metric's columns (by week start); a column without one is absent. */
  targets: Record<string, EntryTarget>;
}

export interface EntryContext {
  teams: { id: string; name: string }[];
  team: { id: string; name: string } | null;
  metrics: EntryGridMetric[];
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
  const groupId = all.find((t) => t.id === team?.id)?.groupId;
  const metrics = team && groupId ? await withTargets(await listEntryMetrics(team.id), team.id, groupId, weeks, months) : [];
  return { teams, team, metrics, weeks, months, currentWeek, loadFrom, orgNoteChangePct: settings.noteChangePct };
}

/** Attaches to each metric the target in force for the team in each of its columns (presentation.md rule 14). */
async function withTargets(metrics: EntryMetric[], teamId: string, groupId: string, weeks: PeriodColumn[], months: PeriodColumn[]): Promise<EntryGridMetric[]> {
  const [targets, groups] = await Promise.all([listTargetsOfMetrics(metrics.map((m) => m.id)), listGroups()]);
  const chain = teamScopeChain(teamId, ancestorChains(groups).get(groupId) ?? [groupId]);
  return metrics.map((m) => {
    const own = targets.filter((t) => t.metricId === m.id);
    const byWeek: Record<string, EntryTarget> = {};
    for (const column of m.cadence === "WEEKLY" ? weeks : months) {
      const t = targetFor(own, chain, column.week);
      if (t) byWeek[column.week] = { green: t.green, amber: t.amber, scope: t.scopeType };
    }
    return { ...m, targets: byWeek };
  });
}
