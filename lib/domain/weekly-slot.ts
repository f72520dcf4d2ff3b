/**
 * A weekly moment in the organisation's time zone (the digest's "Monday 08:00"), as an instant. Pure; no I/O.
 */
import { addDays, weekStartOf } from "./time";

export interface WeeklySlot {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Hour of the day, 0–23, local. */
  hour: number;
  timeZone: string;
}

const HOUR_MS = 3_600_000;

/** The zone's offset from UTC (ms) at an instant, from the local wall-clock fields Intl reports. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" })
    .formatToParts(new Date(instant))
    .reduce<Record<string, number>>((acc, p) => (p.type === "literal" ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return wall - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The instant local `day` (YYYY-MM-DD) reaches `hour`:00 in the zone. An hour a clock change skips is reached at
 * the first instant after the gap; an hour that happens twice, at its first occurrence.
 */
export function localHourInstant(day: string, hour: number, timeZone: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`) + hour * HOUR_MS;
  // The offsets a day either side hold the two the zone can have around this hour.
  const candidates = [offsetAt(wall - 24 * HOUR_MS, timeZone), offsetAt(wall + 24 * HOUR_MS, timeZone)].map((o) => wall - o);
  const exact = candidates.filter((t) => t + offsetAt(t, timeZone) === wall);
  return new Date(exact.length > 0 ? Math.min(...exact) : Math.max(...candidates));
}

/**
 * The latest occurrence of the slot at or before `now`, and the ISO week (its Monday, local) it belongs to. A
 * schedule asking at any later instant of the same week gets the same occurrence, so a missed one is caught up
 * once and never twice; a week later the next one replaces it.
 */
export function latestSlot(now: Date, slot: WeeklySlot): { week: string; at: Date } {
  const thisWeek = weekStartOf(now, slot.timeZone);
  for (const week of [thisWeek, addDays(thisWeek, -7)]) {
    const at = localHourInstant(addDays(week, slot.weekday - 1), slot.hour, slot.timeZone);
    if (at.getTime() <= now.getTime()) return { week, at };
  }
  // Unreachable: last week's occurrence is always before now.
  throw new RangeError("no earlier slot");
}
