/**
 * Calendar steps the people metrics need beyond lib/domain/time.ts: week-end snapshots,
 * month arithmetic and anniversaries. Pure; dates are `YYYY-MM-DD`.
 */
import { addDays, mondayOf, parseDay } from "@/lib/domain/time";

export interface Period {
  start: string;
  end: string;
}

/** The Sundays (ISO week ends) from `start` to `end` inclusive. */
export function sundaysIn({ start, end }: Period): string[] {
  const out: string[] = [];
  for (let d = addDays(mondayOf(start), 6); d <= end; d = addDays(d, 7)) {
    if (d >= start) out.push(d);
  }
  return out;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `day` plus `months` calendar months; the day of month is clamped (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const d = parseDay(day);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const dom = Math.min(d.getUTCDate(), daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, "0")}-${String(dom).padStart(2, "0")}`;
}

/** Whole years completed from `from` to `to` (anniversaries passed). */
export function completedYears(from: string, to: string): number {
  let years = parseDay(to).getUTCFullYear() - parseDay(from).getUTCFullYear();
  if (addMonths(from, years * 12) > to) years -= 1;
  return Math.max(0, years);
}

/**
 * The calendar months of a period that starts on a month's first day and ends on a month's
 * last day. Other periods throw: annualising a partial month would invent a month length.
 */
export function calendarMonths({ start, end }: Period): Period[] {
  if (!start.endsWith("-01") || addDays(end, 1).slice(8) !== "01" || end < start) {
    throw new RangeError(`${start}..${end} is not a run of whole calendar months`);
  }
  const out: Period[] = [];
  for (let m = start; m <= end; m = addMonths(m, 1)) out.push({ start: m, end: addDays(addMonths(m, 1), -1) });
  return out;
}
