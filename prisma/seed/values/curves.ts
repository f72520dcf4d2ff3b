/**
 * The shapes the demo's series follow over the two years: steady improvement, calendar
 * seasonality, the reorg's shock and the incident-heavy quarter. Pure functions of the week.
 */
import { addDays, daysBetween } from "@/lib/domain/time";
import type { DemoWindow } from "../window";

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
export const roundTo = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** 0 at the first week, 1 at the current week. */
export function progress(window: DemoWindow, week: string): number {
  return daysBetween(window.firstWeek, week) / (7 * (window.weeks.length - 1));
}

/** Smooth S-curve of progress, for adoption that starts slowly and then takes off. */
export function sCurve(t: number, midpoint = 0.5, steepness = 8): number {
  return 1 / (1 + Math.exp(-steepness * (t - midpoint)));
}

/**
 * Share of a normal week's activity. Christmas to New Year is nearly idle, the rest of December
 * and August (summer holidays in Europe) are quieter.
 */
export function seasonality(week: string): number {
  const thursday = addDays(week, 3);
  const month = thursday.slice(5, 7);
  const day = Number(thursday.slice(8, 10));
  if ((month === "12" && day >= 20) || (month === "01" && day <= 3)) return 0.35;
  if (month === "12") return 0.85;
  if (month === "08") return 0.72;
  return 1;
}

/** 1 inside the incident-heavy quarter, fading out over the four weeks after it, else 0. */
export function incidentIntensity(window: DemoWindow, week: string): number {
  const { from, to } = window.incidentQuarter;
  if (week < from) return 0;
  if (week <= to) return 1;
  const after = daysBetween(to, week) / 7;
  return after <= 4 ? 1 - after / 5 : 0;
}

/** The reorg's effect on the teams it touched: 1 in its week, halving about every six weeks. */
export function reorgShock(window: DemoWindow, week: string): number {
  if (week < window.reorgDate) return 0;
  const weeks = daysBetween(window.reorgDate, week) / 7;
  return weeks > 30 ? 0 : Math.exp(-weeks / 8.5);
}

/** Share of the current week already lived (activity counts are partial there); 1 for past weeks. */
export function elapsedShare(window: DemoWindow, week: string): number {
  return week === window.currentWeek ? window.currentWeekDays / 7 : 1;
}
