/**
 * The columns of the entry grid: recent ISO weeks for weekly metrics, recent months for monthly ones. A
 * monthly value is stored at the Monday of the month's first ISO week whose Thursday falls in the month, so
 * it rolls up into that month (the rule periodOfWeek applies). Pure.
 */
import { addDays, mondayOf, parseDay, periodLabel } from "@/lib/domain/time";

export interface PeriodColumn {
  /** Week start (`YYYY-MM-DD`) the value is stored at. */
  week: string;
  label: string;
}

/** `YYYY-MM` → the Monday a once-a-month value is stored at. */
export function monthAnchorWeek(month: string): string {
  let day = `${month}-01`;
  while (addDays(mondayOf(day), 3) !== day) day = addDays(day, 1);
  return addDays(day, -3);
}

/** The anchor week of the month containing `week`'s Thursday. */
export function monthAnchorOf(week: string): string {
  return monthAnchorWeek(addDays(mondayOf(week), 3).slice(0, 7));
}

/** The previous period's anchor: a week earlier, or the previous month's anchor. */
export function previousPeriodWeek(week: string, cadence: "WEEKLY" | "MONTHLY"): string {
  if (cadence === "WEEKLY") return addDays(week, -7);
  return monthAnchorOf(addDays(monthAnchorOf(week), -7));
}

export function isMonday(day: string): boolean {
  try {
    return parseDay(day).getUTCDay() === 1;
  } catch {
    return false; // not a real calendar date
  }
}

/** The `count` weeks ending with `currentWeek`, oldest first. */
export function weekColumns(currentWeek: string, count: number): PeriodColumn[] {
  return Array.from({ length: count }, (_, i) => {
    const week = addDays(currentWeek, -7 * (count - 1 - i));
    return { week, label: periodLabel(week, "week") };
  });
}

/** The `count` months ending with the month of `currentWeek`, oldest first, at their anchor weeks. */
export function monthColumns(currentWeek: string, count: number): PeriodColumn[] {
  const out: PeriodColumn[] = [];
  let anchor = monthAnchorOf(currentWeek);
  for (let i = 0; i < count; i++) {
    out.unshift({ week: anchor, label: periodLabel(addDays(anchor, 3).slice(0, 7) + "-01", "month") });
    anchor = previousPeriodWeek(anchor, "MONTHLY");
  }
  return out;
}
