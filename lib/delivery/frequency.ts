/**
 * Deployment frequency: deploy-days per ISO week and per calendar month in the organisation's
 * time zone, and the tier rule DevLake applies for DORA 2023.
 */
import { median } from "@/lib/domain/stats";
import { addDays, localDate, mondayOf, periodStart, weeksBetween } from "@/lib/domain/time";
import { isSuccessfulProduction } from "./deployments";
import type { DeploymentEvent } from "./types";

export type FrequencyTier = "on-demand" | "daily-weekly" | "weekly-monthly" | "monthly-or-less";

export const FREQUENCY_TIER_LABELS: Record<FrequencyTier, string> = {
  "on-demand": "On demand (several deploy-days a week)",
  "daily-weekly": "Between once per day and once per week",
  "weekly-monthly": "Between once per week and once per month",
  "monthly-or-less": "Once per month or less",
};

/**
 * Median deploy-days per week ≥ 5 → on demand; ≥ 1 → daily–weekly; else median deploy-days per
 * month ≥ 1 → weekly–monthly; else monthly or less. No weeks or months counts as zero.
 */
export function frequencyTier(medianDeployDaysPerWeek: number | null, medianDeployDaysPerMonth: number | null): FrequencyTier {
  const perWeek = medianDeployDaysPerWeek ?? 0;
  if (perWeek >= 5) return "on-demand";
  if (perWeek >= 1) return "daily-weekly";
  if ((medianDeployDaysPerMonth ?? 0) >= 1) return "weekly-monthly";
  return "monthly-or-less";
}

/** First days (`YYYY-MM-01`) of the calendar months from the month of `fromDay` to that of `toDay`. */
function monthsBetween(fromDay: string, toDay: string): string[] {
  const out: string[] = [];
  const last = periodStart(toDay, "month");
  for (let m = periodStart(fromDay, "month"); m <= last; m = periodStart(addDays(m, 31), "month")) out.push(m);
  return out;
}

export interface DeployDays {
  /** Monday → distinct local days with at least one successful production deployment; every week of the range, zeros included. */
  perWeek: Map<string, number>;
  /** Month start → distinct deploy-days; every month the range touches, zeros included. */
  perMonth: Map<string, number>;
  medianPerWeek: number | null;
  medianPerMonth: number | null;
}

/**
 * Deploy-days of the successful production deployments that finished within the local days
 * `fromDay`..`toDay` (inclusive). A partial week or month at either end still counts as one.
 */
export function deployDays(
  deployments: readonly DeploymentEvent[],
  fromDay: string,
  toDay: string,
  timeZone: string,
): DeployDays {
  const days = new Set<string>();
  for (const d of deployments) {
    if (!isSuccessfulProduction(d)) continue;
    const day = localDate(d.finishedAt, timeZone);
    if (day >= fromDay && day <= toDay) days.add(day);
  }
  const perWeek = new Map<string, number>();
  for (const w of weeksBetween(fromDay, toDay)) perWeek.set(w, 0);
  const perMonth = new Map<string, number>();
  for (const m of monthsBetween(fromDay, toDay)) perMonth.set(m, 0);
  for (const day of days) {
    const week = mondayOf(day);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    const month = periodStart(day, "month");
    perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
  }
  return {
    perWeek,
    perMonth,
    medianPerWeek: median([...perWeek.values()]),
    medianPerMonth: median([...perMonth.values()]),
  };
}
