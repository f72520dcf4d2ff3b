import "server-only";
import { addDays, mondayOf, weekStartOf, weeksBetween } from "@/lib/domain/time";
import { writeComputed } from "@/lib/server/data/metric-value-writer/computed";
import { getOrgSettings } from "@/lib/server/data/org";
import { allTeamIds, metricIdsByKey } from "@/lib/server/data/retention/roster";
import { openSql } from "@/lib/server/data/runner";
import { refreshRollups } from "@/lib/server/services/rollups";
import { loadRoster } from "./roster";
import { PEOPLE_METRIC_KEYS, weeklyPeopleValues, type WeeklyValue } from "@/lib/retention/weekly-values";

/**
 * Rewrites the computed Retention metric values (headcount, hires, turnover, attrition, promotions,
 * mobility, median tenure) per team and week from the roster, then the roll-ups. Values people entered or
 * imported for these metrics stand (lib/server/data/metric-value-writer/computed.ts). Called after every
 * roster change, for the teams the change touched from the earliest date it touched.
 */

/** History further back than this is not recomputed: dashboards show two years at most. */
const MAX_HISTORY_WEEKS = 260;

export interface RecomputeScope {
  /** Teams to recompute; all teams when absent. */
  teamIds?: readonly string[];
  /** Earliest day a change affects; the roster's first hire when absent. */
  fromDay?: string;
  now?: Date;
}

export interface RecomputeResult {
  teams: number;
  weeks: number;
  values: number;
}

async function metricIds(): Promise<Map<string, string>> {
  const rows = await metricIdsByKey(PEOPLE_METRIC_KEYS);
  return new Map(rows.map((r) => [r.key, r.id]));
}

export async function recomputePeopleMetrics(scope: RecomputeScope = {}): Promise<RecomputeResult> {
  const settings = await getOrgSettings();
  const currentWeek = weekStartOf(scope.now ?? new Date(), settings.timeZone);
  const roster = await loadRoster();
  const teamIds = scope.teamIds ? [...new Set(scope.teamIds)] : await allTeamIds();
  const earliestHire = roster.flatMap((p) => p.employments.map((e) => e.hireDate)).sort()[0];
  const floor = addDays(currentWeek, -7 * (MAX_HISTORY_WEEKS - 1));
  const start = scope.fromDay ?? earliestHire ?? currentWeek;
  const fromWeek = mondayOf(start < floor ? floor : start);
  if (teamIds.length === 0 || fromWeek > currentWeek) return { teams: 0, weeks: 0, values: 0 };
  const weeks = weeksBetween(fromWeek, currentWeek);

  const ids = await metricIds();
  const rows: (WeeklyValue & { teamId: string })[] = [];
  for (const teamId of teamIds) {
    for (const v of weeklyPeopleValues(roster, teamId, weeks)) rows.push({ ...v, teamId });
  }

  const runner = await openSql();
  const values = rows.map((r) => ({ metricId: ids.get(r.metric) as string, teamId: r.teamId, week: r.week, value: r.value, numerator: r.numerator, denominator: r.denominator }));
  await runner.transaction((tx) =>
    writeComputed(tx, values, { kind: "range", metricIds: [...ids.values()], teamIds, fromWeek, toWeek: currentWeek }),
  );
  // After the commit: the roll-up refresh reads the team tree through the shared client, which must not
  // wait on this transaction's connection (the embedded database has only one).
  await refreshRollups({ metricIds: [...ids.values()], weeks });
  return { teams: teamIds.length, weeks: weeks.length, values: rows.length };
}
