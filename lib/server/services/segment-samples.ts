import "server-only";
import { periodOfWeek, weeksBetween } from "@/lib/domain/time";
import { builtInMetric } from "@/lib/metrics/catalog";
import { PEOPLE_MIN_GROUP } from "@/lib/retention/population";
import { withheldSegments, type SampleGroup } from "@/lib/review/segments";
import type { WithheldReason } from "@/lib/metrics/series-types";
import { sqlRunner } from "@/lib/server/db";
import type { SeriesWindow } from "@/lib/server/services/series";

/**
 * Anonymity for ad-hoc team sets (compared segments, filtered dashboards): the people behind each set per
 * period, read in one query whatever the number of teams and metrics, and the periods to withhold per set.
 */
export interface SensitiveMetric {
  id: string;
  key: string;
  sensitivity: "NONE" | "SURVEY" | "PEOPLE";
}

/** Per period, the people behind each unit's value (a unit: the teams that belong to exactly the same groups). */
export type UnitSamples = Map<string, Map<string, number>>;

/** Smallest group a metric may be shown for: the survey threshold, and at least 5 people for people metrics. */
export function minimumGroup(sensitivity: SensitiveMetric["sensitivity"], threshold: number): number {
  return sensitivity === "SURVEY" ? threshold : Math.max(PEOPLE_MIN_GROUP, threshold);
}

/**
 * Teams that belong to exactly the same groups are counted together: any group, and any difference of groups
 * the anonymity rules form, is a union of such units, so per-unit counts decide exactly what per-team counts
 * would — and a few units replace hundreds of teams. Returns the groups rewritten over unit ids.
 */
export function sampleUnits(groups: readonly SampleGroup[]): { unitOf: Map<string, string>; groups: SampleGroup[] } {
  const signature = new Map<string, string>();
  groups.forEach((g, i) => {
    for (const team of new Set(g.teamIds)) signature.set(team, `${signature.get(team) ?? "unit"}:${i}`);
  });
  return { unitOf: signature, groups: groups.map((g) => ({ key: g.key, teamIds: [...new Set(g.teamIds.map((t) => signature.get(t) as string))] })) };
}

/**
 * Each unit's sample per period and sensitive metric id, summed over its teams: a team's respondents in its
 * largest survey run in the period (survey metrics), or its latest headcount in the period (people metrics).
 * One query, answering a few rows per unit and period whatever the number of teams.
 */
export async function unitSamples(metrics: readonly SensitiveMetric[], headcountId: string | null, window: SeriesWindow, unitOf: Map<string, string>): Promise<Map<string, UnitSamples>> {
  const surveys = metrics.filter((m) => m.sensitivity === "SURVEY");
  const people = metrics.filter((m) => m.sensitivity === "PEOPLE");
  const emptySamples = (): UnitSamples => new Map(window.periods.map((p) => [p, new Map()]));
  const bySource = new Map<string, UnitSamples>([...surveys.map((m) => m.id), ...(people.length && headcountId ? [headcountId] : [])].map((id) => [id, emptySamples()]));
  if (bySource.size > 0 && unitOf.size > 0) {
    const weeks = weeksBetween(window.fromWeek, window.toWeek);
    const numeratorIds = surveys.filter((m) => builtInMetric(m.key)?.anonymitySample === "numerator").map((m) => m.id);
    const runner = await sqlRunner();
    const rows = await runner.query<{ metricId: string; unit: string; period: string; n: number | null }>(
      `WITH units AS (SELECT * FROM unnest($1::text[], $2::text[]) AS u(team_id, unit)),
            weeks AS (SELECT * FROM unnest($3::date[], $4::text[]) AS w(week, period)),
            per_team AS (
              SELECT v."metricId" AS metric_id, u.unit, w.period,
                     CASE WHEN v."metricId" = $5 THEN (array_agg(v."value" ORDER BY v."weekStart" DESC))[1]
                          ELSE max(CASE WHEN v."metricId" = ANY($6::text[]) THEN v."numerator" ELSE v."denominator" END) END AS n
              FROM "MetricValue" v JOIN units u ON u.team_id = v."teamId" JOIN weeks w ON w.week = v."weekStart"
              WHERE v."metricId" = ANY($7::text[]) AND v."weekStart" BETWEEN $8::date AND $9::date
              GROUP BY v."metricId", u.unit, w.period, v."teamId")
       SELECT metric_id AS "metricId", unit, period, sum(n)::float8 AS n FROM per_team GROUP BY metric_id, unit, period`,
      [
        [...unitOf.keys()], [...unitOf.values()], weeks, weeks.map((w) => periodOfWeek(w, window.granularity)),
        headcountId ?? "", numeratorIds, [...bySource.keys()], window.fromWeek, window.toWeek,
      ],
    );
    for (const r of rows) bySource.get(r.metricId)?.get(r.period)?.set(r.unit, Number(r.n ?? 0));
  }
  const out = new Map<string, UnitSamples>();
  for (const m of surveys) out.set(m.id, bySource.get(m.id) as UnitSamples);
  for (const m of people) out.set(m.id, (headcountId && bySource.get(headcountId)) || emptySamples());
  return out;
}

/**
 * Per item key, the periods whose values must be withheld: the item is too small, or subtracting it from a
 * group the viewer can see elsewhere (`context`) would single out fewer than `min` people.
 */
export function withheldPeriods(items: SampleGroup[], context: SampleGroup[], samples: UnitSamples, min: number): Map<string, Map<string, WithheldReason>> {
  const out = new Map<string, Map<string, WithheldReason>>(items.map((i) => [i.key, new Map()]));
  for (const [period, perTeam] of samples) {
    for (const [key, reason] of withheldSegments(items, context, perTeam, min)) out.get(key)?.set(period, reason);
  }
  return out;
}
