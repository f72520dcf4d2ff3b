/**
 * Dates as text, one style per context (presentation.md rule 5): "5 Dec 2026" in sentences and tables,
 * "5 Dec 2026, 14:05" for an instant, "2026-W48" on weekly charts. Instants are shown in the
 * organisation's time zone; date-only values (`YYYY-MM-DD`) are calendar days and never shift. Pure.
 */
import { localDate, mondayOf, periodLabel } from "@/lib/domain/time";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeFormat(timeZone: string): Intl.DateTimeFormat {
  let f = timeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    timeFormats.set(timeZone, f);
  }
  return f;
}

function toInstant(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The calendar day a value names: itself when date-only, else the instant's local day in the zone. */
export function calendarDay(value: string | Date, timeZone = "UTC"): string | null {
  if (typeof value === "string" && DATE_ONLY.test(value)) return value;
  const instant = toInstant(value);
  return instant ? localDate(instant, timeZone) : null;
}

function dayText(day: string): string {
  const [, y, m, d] = DATE_ONLY.exec(day) as RegExpExecArray;
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** "5 Dec 2026". An unreadable value is returned as it came, so nothing is silently lost. */
export function formatDate(value: string | Date, timeZone = "UTC"): string {
  const day = calendarDay(value, timeZone);
  return day ? dayText(day) : String(value);
}

/** "5 Dec 2026, 14:05" in the zone (24-hour clock). */
export function formatDateTime(value: string | Date, timeZone = "UTC"): string {
  const instant = toInstant(value);
  if (!instant) return String(value);
  return `${dayText(localDate(instant, timeZone))}, ${timeFormat(timeZone).format(instant)}`;
}

/** "5 Oct – 5 Dec 2026", or with both years when they differ. */
export function formatDateRange(from: string | Date, to: string | Date, timeZone = "UTC"): string {
  const a = calendarDay(from, timeZone);
  const b = calendarDay(to, timeZone);
  if (!a || !b) return `${String(from)} – ${String(to)}`;
  if (a === b) return dayText(a);
  const sameYear = a.slice(0, 4) === b.slice(0, 4);
  const start = sameYear ? dayText(a).replace(/ \d{4}$/, "") : dayText(a);
  return `${start} – ${dayText(b)}`;
}

/** The ISO week label of the week containing a date-only day: "2026-W48". */
export function formatIsoWeek(day: string): string {
  return periodLabel(mondayOf(day), "week");
}
