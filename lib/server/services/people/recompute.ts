import "server-only";
import { addDays, mondayOf, weekStartOf, weeksBetween } from "@/lib/domain/time";
import { getOrgSettings } from "@/lib/server/data/org";
import { db, sqlRunner } from "@/lib/server/db";
import { refreshRollups } from "@/lib/server/services/rollups";
import { loadRoster } from "./roster";
import { PEOPLE_METRIC_KEYS, weeklyPeopleValues, type WeeklyValue } from "./weekly-values";

/**
 * Rewrites the computed Retention metric values (headcount, hires, turnover, attrition, promotions,
 * mobility, median tenure) per team and week from the roster, then the roll-ups. Called after every
 * roster change, for the teams the change touched from the earliest date it touched.
 */

/** History further back than this is not recomputed: dashboards show two years at most. */
const MAX_HISTORY_WEEKS = 260;
const BATCH = 5000;

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
  const rows = await db.metricDefinition.findMany({ where: { key: { in: [...PEOPLE_METRIC_KEYS] } }, select: { id: true, key: true } });
  return new Map(rows.map((r) => [r.key, r.id]));
}

export async function recomputePeopleMetrics(scope: RecomputeScope = {}): Promise<RecomputeResult> {
  const settings = await getOrgSettings();
  const currentWeek = weekStartOf(scope.now ?? new Date(), settings.timeZone);
  const roster = await loadRoster();
  const teamIds = scope.teamIds ? [...new Set(scope.teamIds)] : (await db.team.findMany({ select: { id: true } })).map((t) => t.id);
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

  const runner = await sqlRunner();
  await runner.transaction(async (tx) => {
    await tx.query(`DELETE FROM "MetricValue" WHERE "metricId" = ANY($1::text[]) AND "teamId" = ANY($2::text[]) AND "weekStart" BETWEEN $3::date AND $4::date`, [
      [...ids.values()],
      teamIds,
      fromWeek,
      currentWeek,
    ]);
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      await tx.query(
        `INSERT INTO "MetricValue" ("metricId", "teamId", "weekStart", "value", "numerator", "denominator", "source", "updatedAt")
         SELECT m, t, w, v, n, d, 'COMPUTED'::"ValueSource", CURRENT_TIMESTAMP
         FROM unnest($1::text[], $2::text[], $3::date[], $4::float8[], $5::float8[], $6::float8[]) AS x(m, t, w, v, n, d)`,
        [
          batch.map((r) => ids.get(r.metric) as string),
          batch.map((r) => r.teamId),
          batch.map((r) => r.week),
          batch.map((r) => r.value),
          batch.map((r) => r.numerator),
          batch.map((r) => r.denominator),
        ],
      );
    }
  });
  // After the commit: the roll-up refresh reads the team tree through the shared client, which must not
  // wait on this transaction's connection (the embedded database has only one).
  await refreshRollups({ metricIds: [...ids.values()], weeks });
  return { teams: teamIds.length, weeks: weeks.length, values: rows.length };
}
