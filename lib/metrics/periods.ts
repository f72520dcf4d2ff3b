/**
 * Calendar periods for presentation (presentation.md rules 1 and 3): when a period is complete, and how a
 * weekly flow is shared between the months and quarters its days fall in. Pure; the current week comes from the caller.
 */
import { addDays, daysBetween, periodOfWeek, periodStart, type Granularity } from "@/lib/domain/time";

/** The last day (`YYYY-MM-DD`) of the period of `granularity` that starts on `start`. */
export function periodLastDay(start: string, granularity: Granularity): string {
  if (granularity === "week") return addDays(start, 6);
  const [y, m] = start.split("-").map(Number);
  const months = granularity === "month" ? 1 : granularity === "quarter" ? 3 : 12;
  const next = new Date(Date.UTC(y, m - 1 + months, 1));
  return addDays(next.toISOString().slice(0, 10), -1);
}

/**
 * A period is complete once its last day is before the current week (`currentWeek`, the Monday of `now`'s week in
 * the organisation's zone): values are weekly, so until the week holding its last day is over, a week that feeds it
 * may still change. The running period is "so far": never the headline, never compared as if it were final.
 */
export function isPeriodComplete(start: string, granularity: Granularity, currentWeek: string): boolean {
  return periodLastDay(start, granularity) < currentWeek;
}

export interface WeekShare {
  period: string;
  /** Days of the week in the period ÷ 7. */
  share: number;
}

/**
 * The periods a week's days fall in, each with its share of the week. A week that straddles two months
 * counts toward each by its days, so a flow that is flat per week is proportional to days per month.
 */
export function weekShares(week: string, granularity: Granularity): WeekShare[] {
  if (granularity === "week") return [{ period: week, share: 1 }];
  const first = periodStart(week, granularity);
  const last = periodStart(addDays(week, 6), granularity);
  if (first === last) return [{ period: first, share: 1 }];
  const daysInFirst = daysBetween(week, last);
  return [
    { period: first, share: daysInFirst / 7 },
    { period: last, share: (7 - daysInFirst) / 7 },
  ];
}

/**
 * Whether a metric's weekly values are shared between periods by days: flows (sums) entered or computed per
 * week. Everything else keeps the ISO rule (a week belongs to the period holding its Thursday), and so do
 * values entered once a month (stored against a week of that month, they belong to it whole).
 */
export function isDayWeighted(aggregation: string, cadence: string | undefined): boolean {
  return aggregation === "SUM" && cadence !== "MONTHLY";
}

/** The periods of `granularity` a run of weeks touches, in order (by days when day-weighted, else by Thursday). */
export function periodsOfWeeks(weeks: string[], granularity: Granularity, dayWeighted = false): string[] {
  const out = new Set<string>();
  for (const w of weeks) {
    if (dayWeighted) for (const s of weekShares(w, granularity)) out.add(s.period);
    else out.add(periodOfWeek(w, granularity));
  }
  return [...out];
}
