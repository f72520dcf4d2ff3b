import "server-only";
import { formatDay } from "@/lib/domain/time";
import type { WeeklyPoint } from "@/lib/metrics/aggregate";
import { db, sqlRunner } from "@/lib/server/db";
import { COMBINE_SQL } from "@/lib/server/data/rollups";
import type { Scope } from "./org";

/** Weekly points per metric id for a scope, read from roll-ups (org, group) or team values (team). */
export async function weeklyPointsForScope(
  scope: Scope,
  metricIds: string[],
  fromWeek: string,
  toWeek: string,
): Promise<Map<string, WeeklyPoint[]>> {
  const out = new Map<string, WeeklyPoint[]>(metricIds.map((id) => [id, []]));
  if (metricIds.length === 0) return out;
  const range = { gte: new Date(fromWeek), lte: new Date(toWeek) };
  if (scope.type === "TEAM") {
    const rows = await db.metricValue.findMany({
      where: { metricId: { in: metricIds }, teamId: scope.id, weekStart: range },
      select: { metricId: true, weekStart: true, value: true, numerator: true, denominator: true },
      orderBy: { weekStart: "asc" },
    });
    for (const r of rows) {
      out.get(r.metricId)?.push({ week: formatDay(r.weekStart), value: r.value, numerator: r.numerator, denominator: r.denominator, teams: 1 });
    }
    return out;
  }
  const rows = await db.metricRollup.findMany({
    where: { metricId: { in: metricIds }, scopeType: scope.type, scopeId: scope.type === "ORG" ? "org" : scope.id, weekStart: range },
    select: { metricId: true, weekStart: true, value: true, numerator: true, denominator: true, teamCount: true },
    orderBy: { weekStart: "asc" },
  });
  for (const r of rows) {
    out.get(r.metricId)?.push({ week: formatDay(r.weekStart), value: r.value, numerator: r.numerator, denominator: r.denominator, teams: r.teamCount });
  }
  return out;
}

/** Weekly points for an arbitrary set of teams (segments: location, sourcing, origin), combined in SQL. */
export async function weeklyPointsForTeams(
  teamIds: string[],
  metricIds: string[],
  fromWeek: string,
  toWeek: string,
): Promise<Map<string, WeeklyPoint[]>> {
  const out = new Map<string, WeeklyPoint[]>(metricIds.map((id) => [id, []]));
  if (metricIds.length === 0 || teamIds.length === 0) return out;
  const runner = await sqlRunner();
  const rows = await runner.query<{ metricId: string; week: string; value: number | null; numerator: number | null; denominator: number | null; teams: number }>(
    `SELECT v."metricId", to_char(v."weekStart", 'YYYY-MM-DD') AS week, ${COMBINE_SQL} AS value,
            sum(v."numerator") AS numerator, sum(v."denominator") AS denominator, count(*)::int AS teams
     FROM "MetricValue" v JOIN "MetricDefinition" m ON m."id" = v."metricId"
     WHERE v."metricId" = ANY($1::text[]) AND v."teamId" = ANY($2::text[]) AND v."weekStart" BETWEEN $3::date AND $4::date
     GROUP BY v."metricId", v."weekStart", m."unit", m."aggregation"
     ORDER BY v."weekStart"`,
    [metricIds, teamIds, fromWeek, toWeek],
  );
  for (const r of rows) {
    out.get(r.metricId)?.push({
      week: r.week,
      value: r.value === null ? null : Number(r.value),
      numerator: r.numerator === null ? null : Number(r.numerator),
      denominator: r.denominator === null ? null : Number(r.denominator),
      teams: Number(r.teams),
    });
  }
  return out;
}
