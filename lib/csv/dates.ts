/**
 * Date and date-time cells as spreadsheets and HR/engineering tools export them: ISO dates and
 * date-times, compact YYYYMMDD, day/month/year in either order, and Excel serial numbers. Pure.
 *
 * "03/04/2025" is 3 April in most of the world and March 4 in the US; it is only read when the
 * order is configured (or detected for the whole file with `detectDayOrder`) or when the value
 * itself settles it (a part above 12, or both parts equal). Guessing would shift dates silently.
 */

import { fail, ok, type ParseResult } from "./result";

export type DayOrder = "DMY" | "MDY";

export interface DateFormat {
  /** How to read "NN/NN/YYYY". Unset: only unambiguous values are accepted. */
  dayOrder?: DayOrder;
}

export interface DateTimeFormat extends DateFormat {
  /** IANA zone for values that carry no offset (the organisation's zone). Default "UTC". */
  timeZone?: string;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  /** Milliseconds since local midnight; 0 when the value has no time. */
  timeMs: number;
  /** Minutes east of UTC when the value names its offset ("Z", "+02:00"), else null. */
  offsetMinutes: number | null;
}

const DAY_MS = 86_400_000;
// Excel's day 0 is 1900-01-00, and it counts a 29 February 1900 that never was (day 60, kept
// for Lotus 1-2-3 compatibility); from day 61 on, 1899-12-30 + serial gives the right date.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_PHANTOM_LEAP_DAY = 60;
const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31

const ISO_DATE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ]\s*(.+))?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})(?:[T ]\s*(.+))?$/;
const SERIAL = /^\d+(?:\.\d+)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp][Mm])?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** A calendar date as `YYYY-MM-DD`. A time part, if present, is ignored: the date is taken as written. */
export function parseDate(raw: string, format: DateFormat = {}): ParseResult<string> {
  const parts = parseDateParts(raw, format);
  return parts.ok ? ok(formatYmd(parts.value)) : parts;
}

/**
 * An instant. A value with an offset ("2025-01-31T09:00:00Z", "…+01:00") is exact; one without
 * ("2025-01-31 09:00", an Excel serial, a bare date at midnight) is wall-clock time in `timeZone`.
 */
export function parseDateTime(raw: string, format: DateTimeFormat = {}): ParseResult<Date> {
  const parts = parseDateParts(raw, format);
  if (!parts.ok) return parts;
  const { year, month, day, timeMs, offsetMinutes } = parts.value;
  const wall = Date.UTC(year, month - 1, day) + timeMs;
  if (offsetMinutes !== null) return ok(new Date(wall - offsetMinutes * 60_000));
  return ok(wallTimeToInstant(wall, format.timeZone ?? "UTC"));
}

/** Excel's serial day number (e.g. 45658) as `YYYY-MM-DD`; a fraction (time of day) is ignored. */
export function excelSerialToDate(serial: number): ParseResult<string> {
  const parts = excelSerialParts(serial, String(serial));
  return parts.ok ? ok(formatYmd(parts.value)) : parts;
}

/**
 * The day order a file uses, from values that settle it ("13/04/2025" → DMY, "04/13/2025" →
 * MDY). Null when no value settles it, or when values disagree (the column is not one format).
 */
export function detectDayOrder(values: Iterable<string>): DayOrder | null {
  let dmy = false;
  let mdy = false;
  for (const raw of values) {
    const m = NUMERIC_DATE.exec(raw.trim());
    if (!m || m[2] === ".") continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) dmy = true;
    else if (b > 12 && a <= 12) mdy = true;
  }
  return dmy === mdy ? null : dmy ? "DMY" : "MDY";
}

function parseDateParts(raw: string, format: DateFormat): ParseResult<DateParts> {
  const s = raw.trim();
  if (s === "") return fail("A date is required but the cell is empty.");

  const iso = ISO_DATE.exec(s);
  if (iso) return withTime(s, Number(iso[1]), Number(iso[3]), Number(iso[4]), iso[5]);

  const compact = COMPACT_DATE.exec(s);
  if (compact) return withTime(s, Number(compact[1]), Number(compact[2]), Number(compact[3]), undefined);

  const numeric = NUMERIC_DATE.exec(s);
  if (numeric) {
    const [, first, separator, second, yearText, time] = numeric;
    if (yearText.length !== 4) return fail(`"${s}" has a two-digit year; write the year in full (e.g. 2025).`);
    // Dotted dates (31.01.2025) are day-first wherever they are used.
    const order = separator === "." ? ok<DayOrder>("DMY") : resolveDayOrder(s, Number(first), Number(second), format.dayOrder);
    if (!order.ok) return order;
    const [day, month] = order.value === "DMY" ? [first, second] : [second, first];
    return withTime(s, Number(yearText), Number(month), Number(day), time);
  }

  if (SERIAL.test(s)) return excelSerialParts(Number(s), s);

  return fail(`"${s}" is not a date. Use YYYY-MM-DD, e.g. 2025-01-31.`);
}

function resolveDayOrder(s: string, first: number, second: number, configured: DayOrder | undefined): ParseResult<DayOrder> {
  if (configured) return ok(configured);
  if (first > 12 && second <= 12) return ok("DMY");
  if (second > 12 && first <= 12) return ok("MDY");
  if (first === second) return ok("DMY"); // both readings give the same date
  if (first > 12 && second > 12) return fail(`"${s}" is not a real date.`);
  return fail(
    `"${s}" could be ${first} ${MONTHS[second - 1]} or ${MONTHS[first - 1]} ${second}. ` +
      "Choose the date format of the file (DD/MM/YYYY or MM/DD/YYYY), or write dates as YYYY-MM-DD.",
  );
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function withTime(s: string, year: number, month: number, day: number, time: string | undefined): ParseResult<DateParts> {
  if (!isRealDate(year, month, day)) return fail(`"${s}" is not a real date.`);
  if (time === undefined) return ok({ year, month, day, timeMs: 0, offsetMinutes: null });
  const t = TIME.exec(time.trim());
  if (!t) return fail(`"${s}" has a time that could not be read; use e.g. 2025-01-31 14:30 or 2025-01-31T14:30:00Z.`);
  const [, hText, minText, secText, fracText, meridiem, zone] = t;
  let hour = Number(hText);
  const minute = Number(minText);
  const second = secText === undefined ? 0 : Number(secText);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return fail(`"${s}" has an impossible time.`);
    hour = (hour % 12) + (meridiem.toLowerCase() === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return fail(`"${s}" has an impossible time.`);
  const millis = fracText === undefined ? 0 : Math.round(Number(`0.${fracText}`) * 1000);
  const timeMs = ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  return ok({ year, month, day, timeMs, offsetMinutes: zone === undefined ? null : parseOffset(zone) });
}

function parseOffset(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0"));
}

function excelSerialParts(serial: number, s: string): ParseResult<DateParts> {
  if (serial < 1 || serial >= EXCEL_MAX_SERIAL + 1) {
    return fail(`"${s}" is not a date. Use YYYY-MM-DD, e.g. 2025-01-31.`);
  }
  const whole = Math.floor(serial);
  if (whole === EXCEL_PHANTOM_LEAP_DAY) {
    return fail(`"${s}" is Excel's 29 February 1900, a day that does not exist. Enter the date as YYYY-MM-DD.`);
  }
  const days = whole < EXCEL_PHANTOM_LEAP_DAY ? whole + 1 : whole;
  const d = new Date(EXCEL_EPOCH_MS + days * DAY_MS);
  const timeMs = Math.min(Math.round((serial - whole) * DAY_MS), DAY_MS - 1);
  return ok({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), timeMs, offsetMinutes: null });
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function formatYmd({ year, month, day }: DateParts): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Zone offset (ms east of UTC) in force at `instantMs`. */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    offsetFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(instantMs))) p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant at which clocks in `timeZone` show `wallMs` (wall time written as if UTC). Near a
 * DST change it resolves like Temporal's "compatible" rule: a time in the repeated autumn hour
 * takes the first occurrence, a time in the skipped spring hour is read with the offset before
 * the change (02:30 becomes 03:30).
 */
function wallTimeToInstant(wallMs: number, timeZone: string): Date {
  const [before, after] = offsetsAroundDay(Math.floor(wallMs / DAY_MS), timeZone);
  if (before === after) return new Date(wallMs - before);
  const early = wallMs - before;
  const late = wallMs - after;
  const earlyValid = zoneOffsetMs(early, timeZone) === before;
  const lateValid = zoneOffsetMs(late, timeZone) === after;
  if (earlyValid && lateValid) return new Date(Math.min(early, late));
  if (lateValid) return new Date(late);
  return new Date(early);
}

const offsetWindows = new Map<string, [number, number]>();

/**
 * Offsets a day before and two days after a UTC day: equal means no transition anywhere a wall
 * time on that day can fall (offsets stay within ±14 h), which spares Intl calls for nearly
 * every value of a large import.
 */
function offsetsAroundDay(day: number, timeZone: string): [number, number] {
  const key = `${timeZone}|${day}`;
  let window = offsetWindows.get(key);
  if (!window) {
    if (offsetWindows.size > 20_000) offsetWindows.clear();
    window = [zoneOffsetMs((day - 1) * DAY_MS, timeZone), zoneOffsetMs((day + 2) * DAY_MS, timeZone)];
    offsetWindows.set(key, window);
  }
  return window;
}
