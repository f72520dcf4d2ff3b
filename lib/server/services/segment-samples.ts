import "server-only";
import { formatDay, periodOfWeek } from "@/lib/domain/time";
import { builtInMetric } from "@/lib/metrics/catalog";
import { PEOPLE_MIN_GROUP } from "@/lib/retention/population";
import { withheldSegments, type SampleGroup } from "@/lib/review/segments";
import type { WithheldReason } from "@/lib/metrics/series-types";
import { db } from "@/lib/server/db";
import type { SeriesWindow } from "@/lib/server/services/series";

/**
 * Anonymity for ad-hoc team sets (compared segments, filtered dashboards): each team's sample per period,
 * read in one query whatever the number of teams and metrics, and the periods to withhold per team set.
 */
export interface SensitiveMetric {
  id: string;
  key: string;
  sensitivity: "NONE" | "SURVEY" | "PEOPLE";
}

/** Per period, the people behind each team's value. */
export type TeamSamples = Map<string, Map<string, number>>;

/** Smallest group a metric may be shown for: the survey threshold, and at least 5 people for people metrics. */
export function minimumGroup(sensitivity: SensitiveMetric["sensitivity"], threshold: number): number {
  return sensitivity === "SURVEY" ? threshold : Math.max(PEOPLE_MIN_GROUP, threshold);
}

/**
 * Each team's sample per period and sensitive metric id: respondents of its largest survey run in the
 * period (survey metrics), or its latest headcount in the period (people metrics).
 */
export async function teamSamples(metrics: readonly SensitiveMetric[], headcountId: string | null, window: SeriesWindow): Promise<Map<string, TeamSamples>> {
  const surveys = metrics.filter((m) => m.sensitivity === "SURVEY");
  const people = metrics.filter((m) => m.sensitivity === "PEOPLE");
  const emptySamples = (): TeamSamples => new Map(window.periods.map((p) => [p, new Map()]));
  const bySource = new Map<string, TeamSamples>([...surveys.map((m) => m.id), ...(people.length && headcountId ? [headcountId] : [])].map((id) => [id, emptySamples()]));
  if (bySource.size > 0) {
    const rows = await db.metricValue.findMany({
      where: { metricId: { in: [...bySource.keys()] }, weekStart: { gte: new Date(window.fromWeek), lte: new Date(window.toWeek) } },
      select: { metricId: true, teamId: true, weekStart: true, value: true, numerator: true, denominator: true },
      orderBy: { weekStart: "asc" },
    });
    const respondentsIn = new Map(surveys.map((m) => [m.id, builtInMetric(m.key)?.anonymitySample === "numerator" ? "numerator" : "denominator"] as const));
    for (const r of rows) {
      const period = bySource.get(r.metricId)?.get(periodOfWeek(formatDay(r.weekStart), window.granularity));
      if (!period) continue;
      const field = respondentsIn.get(r.metricId);
      // Rows are sorted by week: a team's people count keeps its latest week in the period.
      if (field) period.set(r.teamId, Math.max(period.get(r.teamId) ?? 0, r[field] ?? 0));
      else period.set(r.teamId, r.value);
    }
  }
  const out = new Map<string, TeamSamples>();
  for (const m of surveys) out.set(m.id, bySource.get(m.id) as TeamSamples);
  for (const m of people) out.set(m.id, (headcountId && bySource.get(headcountId)) || emptySamples());
  return out;
}

/**
 * Per item key, the periods whose values must be withheld: the item is too small, or subtracting it from a
 * group the viewer can see elsewhere (`context`) would single out fewer than `min` people.
 */
export function withheldPeriods(items: SampleGroup[], context: SampleGroup[], samples: TeamSamples, min: number): Map<string, Map<string, WithheldReason>> {
  const out = new Map<string, Map<string, WithheldReason>>(items.map((i) => [i.key, new Map()]));
  for (const [period, perTeam] of samples) {
    for (const [key, reason] of withheldSegments(items, context, perTeam, min)) out.get(key)?.set(period, reason);
  }
  return out;
}
