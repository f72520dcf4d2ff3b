/**
 * The Retention pillar's weekly metric values for one team, computed from the roster with the
 * lib/retention functions. Pure. A week runs Monday to Sunday; its average headcount is the
 * headcount at its Sunday close, which is every rate's denominator, so a month rolls up as
 * Σ events ÷ mean(weekly headcount) — the SHRM average of week-end snapshots.
 *
 * Median tenure carries numerator = median × headcount and denominator = headcount: a team's
 * value is its median, and teams combine (groups, the org) as a headcount-weighted mean of
 * their medians, while the denominator tells the series which group size it describes.
 */
import { median } from "@/lib/domain/stats";
import { addDays, daysBetween } from "@/lib/domain/time";
import { headcountAt } from "@/lib/retention/headcount";
import { internalMobility, promotionRate } from "@/lib/retention/mobility";
import { employmentAt, inTeam, type RosterPerson } from "@/lib/retention/roster";
import { turnover } from "@/lib/retention/turnover";

export const PEOPLE_METRIC_KEYS = [
  "headcount",
  "hires",
  "turnover_rate",
  "voluntary_attrition",
  "regretted_attrition",
  "promotion_rate",
  "internal_mobility",
  "median_tenure",
] as const;
export type PeopleMetricKey = (typeof PEOPLE_METRIC_KEYS)[number];

export interface WeeklyValue {
  metric: PeopleMetricKey;
  week: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/** People who were ever in the team; nobody else can count for it, and filtering first keeps this fast. */
export function everInTeam(roster: readonly RosterPerson[], teamId: string): RosterPerson[] {
  return roster.filter((p) => p.teamHistory.some((a) => a.teamId === teamId));
}

const rate = (metric: PeopleMetricKey, week: string, events: number, headcount: number): WeeklyValue => ({
  metric,
  week,
  value: headcount === 0 ? 0 : (events / headcount) * 100,
  numerator: events,
  denominator: headcount,
});

/**
 * Values for each week (Monday) given. Weeks in which nobody was in the team produce nothing,
 * so a team that did not exist yet has gaps rather than zeros.
 */
export function weeklyPeopleValues(roster: readonly RosterPerson[], teamId: string, weeks: readonly string[]): WeeklyValue[] {
  const people = everInTeam(roster, teamId);
  const scope = inTeam(teamId);
  const byId = new Map(people.map((p) => [p.employeeId, p]));
  const out: WeeklyValue[] = [];
  for (const week of weeks) {
    const period = { start: week, end: addDays(week, 6) };
    const moves = turnover(people, period, scope);
    const staff = headcountAt(people, period.end, scope);
    const headcount = staff.length;
    const promotions = promotionRate(people, period, scope).events;
    const mobility = internalMobility(people, period, scope).events;
    if (headcount === 0 && moves.groupSize === 0) continue;
    out.push({ metric: "headcount", week, value: headcount, numerator: null, denominator: null });
    out.push({ metric: "hires", week, value: moves.hires, numerator: null, denominator: null });
    out.push(rate("turnover_rate", week, moves.separations, headcount));
    out.push(rate("voluntary_attrition", week, moves.voluntary, headcount));
    out.push(rate("regretted_attrition", week, moves.regretted, headcount));
    out.push(rate("promotion_rate", week, promotions, headcount));
    out.push(rate("internal_mobility", week, mobility, headcount));
    if (headcount > 0) {
      const tenures = staff.map((id) => {
        const span = employmentAt(byId.get(id) as RosterPerson, period.end);
        return span ? daysBetween(span.hireDate, period.end) : 0;
      });
      const m = median(tenures) ?? 0;
      out.push({ metric: "median_tenure", week, value: m, numerator: m * headcount, denominator: headcount });
    }
  }
  return out;
}
