/**
 * The demo's time frame. Everything is anchored on the ISO week of `now` in the demo
 * organisation's time zone, so a demo seeded on any day ends at the current week: 104 full
 * weeks ending with the last complete one, plus the current week, partly filled. The story
 * events (acquisition, reorg, the incident-heavy quarter) sit at fixed distances from it.
 */
import { addDays, localDate, mondayOf, weeksBetween } from "@/lib/domain/time";
import { addMonths } from "@/lib/retention/calendar";

export const FULL_WEEKS = 104;

export interface DemoWindow {
  /** The local date of `now`; nothing in the roster happens after it. */
  today: string;
  /** Mondays from the first full week to the current week (105 of them). */
  weeks: string[];
  firstWeek: string;
  lastCompleteWeek: string;
  currentWeek: string;
  /** Days of the current week already lived, today included (1 on Monday … 7 on Sunday). */
  currentWeekDays: number;
  acquisitionDate: string;
  reorgDate: string;
  /** First and last Monday of the incident-heavy quarter. */
  incidentQuarter: { from: string; to: string };
  /** Month (`YYYY-MM`) → the Monday where that month's once-a-month values are stored. */
  monthAnchors: Map<string, string>;
}

/**
 * Where a monthly value is stored: the Monday of the month's first ISO week whose Thursday
 * falls in the month (the week rule periodOfWeek uses), so it rolls up into that month.
 */
export function monthAnchorWeek(month: string): string {
  let day = `${month}-01`;
  while (addDays(mondayOf(day), 3) !== day) day = addDays(day, 1);
  return addDays(day, -3);
}

export function demoWindow(now: Date, timeZone: string): DemoWindow {
  const today = localDate(now, timeZone);
  const currentWeek = mondayOf(today);
  const firstWeek = addDays(currentWeek, -7 * FULL_WEEKS);
  const weeks = weeksBetween(firstWeek, currentWeek);
  const monthAnchors = new Map<string, string>();
  for (const week of weeks) {
    const month = addDays(week, 3).slice(0, 7);
    if (!monthAnchors.has(month) && monthAnchorWeek(month) === week) monthAnchors.set(month, week);
  }
  return {
    today,
    weeks,
    firstWeek,
    lastCompleteWeek: addDays(currentWeek, -7),
    currentWeek,
    currentWeekDays: Math.round((Date.parse(today) - Date.parse(currentWeek)) / 86_400_000) + 1,
    acquisitionDate: mondayOf(addMonths(today, -14)),
    reorgDate: mondayOf(addMonths(today, -9)),
    incidentQuarter: { from: mondayOf(addMonths(today, -8)), to: mondayOf(addMonths(today, -5)) },
    monthAnchors,
  };
}

/** Whole weeks from the first week to `week` (0 for the first, 104 for the current week). */
export function weekIndex(window: DemoWindow, week: string): number {
  return Math.round((Date.parse(week) - Date.parse(window.firstWeek)) / (7 * 86_400_000));
}
