/**
 * Annualised rolling 12-month rates from weekly values (metric spec §4: "on dashboards turnover, voluntary and
 * regretted attrition are shown as the annualised rolling 12-month rate"). Pure.
 *
 * A month's rate is its separations ÷ its average headcount × 100 (weeks belong to the month holding their
 * Thursday; a month with no headcount adds nothing). The annualised rate at a week is the sum of the monthly
 * rates of the 12 months ending with that week's month. When less than 12 months are covered — the history is
 * shorter, or the last month is still under way at that week — the sum is scaled to 12 by the months covered
 * (the spec's "rate × 12 ÷ months"), a month counting by the share of its weeks that are covered.
 */
import { addDays, mondayOf, periodLabel, periodOfWeek, weeksBetween, type Granularity } from "@/lib/domain/time";
import { mean, sum } from "@/lib/domain/stats";
import type { PeriodValue, WeeklyPoint } from "@/lib/metrics/aggregate";

/** The rates shown annualised on dashboards (their weekly values stay in drill-downs and exports). */
export const ANNUALISED_METRICS: ReadonlySet<string> = new Set(["turnover_rate", "voluntary_attrition", "regretted_attrition"]);

export const ANNUALISED_EXPLANATION =
  "Shown annualised over a rolling 12 months: the sum of the monthly rates (separations ÷ average headcount) of the " +
  "12 months to the period; with fewer months of history, or a month still under way, scaled to 12 months.";

/** How many weeks a trailing 12-month window can reach back from its last week (12 months of up to 5 weeks). */
export const TRAILING_WEEKS = 60;

const monthWeeks = new Map<string, readonly string[]>();

/** The Mondays of a month (`YYYY-MM-01`): the weeks whose Thursday falls in it. Kept once made: a series asks for each month 12 times. */
function weeksOfMonth(month: string): readonly string[] {
  let weeks = monthWeeks.get(month);
  if (!weeks) {
    if (monthWeeks.size >= 10_000) monthWeeks.clear();
    weeks = weeksBetween(mondayOf(month), addDays(month, 31)).filter((w) => periodOfWeek(w, "month") === month);
    monthWeeks.set(month, weeks);
  }
  return weeks;
}

/** The month `months` calendar months before `month` (`YYYY-MM-01`). */
function monthsBefore(month: string, months: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String(index - year * 12 + 1).padStart(2, "0")}-01`;
}

export interface AnnualisedRate {
  value: number | null;
  /** The Mondays whose values it rests on (for the disclosure policy). */
  weeks: string[];
}

/**
 * The annualised rolling 12-month rate at `week` from weekly points (numerator: separations, denominator: the
 * week-end headcount), using only weeks up to `week`.
 */
export function annualisedRollingRate(points: readonly WeeklyPoint[], week: string): AnnualisedRate {
  return rateAt(pointsByWeek(points), week);
}

/** The points that have both a numerator and a denominator, by week. */
function pointsByWeek(points: readonly WeeklyPoint[]): Map<string, WeeklyPoint> {
  return new Map(points.filter((p) => p.numerator !== null && p.denominator !== null).map((p) => [p.week, p]));
}

function rateAt(byWeek: ReadonlyMap<string, WeeklyPoint>, week: string): AnnualisedRate {
  const last = periodOfWeek(week, "month");
  let rates = 0;
  let covered = 0;
  const weeks: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const month = monthsBefore(last, i);
    const all = weeksOfMonth(month);
    const have = all.filter((w) => w <= week && byWeek.has(w)).map((w) => byWeek.get(w) as WeeklyPoint);
    if (have.length === 0) continue;
    const headcount = mean(have.map((p) => p.denominator as number)) ?? 0;
    if (headcount > 0) rates += (sum(have.map((p) => p.numerator as number)) / headcount) * 100;
    covered += have.length / all.length;
    weeks.push(...have.map((p) => p.week));
  }
  return { value: covered === 0 ? null : (rates * 12) / covered, weeks };
}

/**
 * A dashboard series of the annualised rate: one value per period, at the period's last week up to `toWeek`
 * (the running period's value is as of this week), resting on the weeks of its trailing 12 months.
 */
export function annualisedPeriods(points: readonly WeeklyPoint[], periods: readonly string[], granularity: Granularity, toWeek: string): PeriodValue[] {
  const byPeriod = new Map<string, string>();
  const first = periods[0];
  if (first) {
    for (const w of weeksBetween(mondayOf(addDays(first, -7)), toWeek)) byPeriod.set(periodOfWeek(w, granularity), w);
  }
  const byWeek = pointsByWeek(points);
  return periods.map((period) => {
    const end = byPeriod.get(period);
    const rate = end ? rateAt(byWeek, end) : { value: null, weeks: [] };
    const used = new Set(rate.weeks);
    const teams = points.filter((p) => used.has(p.week)).reduce((n, p) => Math.max(n, p.teams), 0);
    return { period, label: periodLabel(period, granularity), value: rate.value, numerator: null, denominator: null, teams, weeks: rate.weeks };
  });
}
