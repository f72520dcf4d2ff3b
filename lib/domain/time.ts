/**
 * Calendar arithmetic in the organisation's time zone. The canonical period is the ISO week
 * (Monday 00:00 to Sunday 24:00 local time); a weekly value is stored against the Monday that
 * starts it, as a date-only string `YYYY-MM-DD`. Months and quarters are calendar periods in
 * the same zone. Pure; no I/O.
 */

export type Granularity = "week" | "month" | "quarter" | "year";

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Local dates by quarter hour, per zone. Since 1972 every zone's offset is a whole number of quarter
 * hours and every offset change happens on a quarter hour (UTC), so all instants of one quarter hour share
 * a local date; recomputes ask for hundreds of thousands of them, and Intl formatting is the slow part.
 */
const QUARTER_HOUR_MS = 900_000;
const MEMO_FROM_MS = Date.UTC(1972, 0, 1);
const MEMO_LIMIT = 200_000;
const localDates = new Map<string, Map<number, string>>();

const utcDates = new Map<number, string>();
function utcDate(ms: number): string {
  const dayNumber = Math.floor(ms / 86_400_000);
  let day = utcDates.get(dayNumber);
  if (day === undefined) {
    if (utcDates.size >= MEMO_LIMIT) utcDates.clear();
    day = new Date(ms).toISOString().slice(0, 10);
    utcDates.set(dayNumber, day);
  }
  return day;
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDate(instant: Date, timeZone = "UTC"): string {
  const ms = instant.getTime();
  if (timeZone === "UTC" && ms >= 0 && ms < 253402300800000) return utcDate(ms);
  if (!(ms >= MEMO_FROM_MS)) return formatterFor(timeZone).format(instant);
  let memo = localDates.get(timeZone);
  if (!memo) localDates.set(timeZone, (memo = new Map()));
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  let day = memo.get(bucket);
  if (day === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    day = formatterFor(timeZone).format(instant);
    memo.set(bucket, day);
  }
  return day;
}

/**
 * Days (`YYYY-MM-DD`) already read, as their UTC midnight: a dashboard's disclosure checks and roll-ups step
 * through the same few hundred weeks tens of thousands of times, and checking a day by formatting it back is the
 * slow part.
 */
const dayStarts = new Map<string, number>();

function dayStart(day: string): number {
  let ms = dayStarts.get(day);
  if (ms === undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (!m) throw new RangeError(`not a date: ${day}`);
    ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (new Date(ms).toISOString().slice(0, 10) !== day) throw new RangeError(`not a date: ${day}`);
    if (dayStarts.size >= MEMO_LIMIT) dayStarts.clear();
    dayStarts.set(day, ms);
  }
  return ms;
}

/** Parses `YYYY-MM-DD` as a UTC midnight Date (date-only values carry no zone). */
export function parseDay(day: string): Date {
  return new Date(dayStart(day));
}

export function formatDay(d: Date): string {
  const ms = d.getTime();
  return ms >= 0 && ms < 253402300800000 ? utcDate(ms) : d.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return formatDay(new Date(dayStart(day) + days * DAY_MS));
}

/** Monday of the ISO week containing the date-only `day`. */
export function mondayOf(day: string): string {
  const d = parseDay(day);
  const isoDow = (d.getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -isoDow);
}

/** Monday (local, `YYYY-MM-DD`) of the ISO week in which `instant` falls in `timeZone`. */
export function weekStartOf(instant: Date, timeZone = "UTC"): string {
  const local = localDate(instant, timeZone);
  let monday = mondays.get(local);
  if (monday === undefined) {
    if (mondays.size >= MEMO_LIMIT) mondays.clear();
    monday = mondayOf(local);
    mondays.set(local, monday);
  }
  return monday;
}

/** Local date → Monday of its week: a few thousand distinct days cover any history. */
const mondays = new Map<string, string>();

/** Whole days from `a` to `b` (date-only strings). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDay(b).getTime() - parseDay(a).getTime()) / DAY_MS);
}

/** The Mondays from `fromWeek` to `toWeek` inclusive. */
export function weeksBetween(fromWeek: string, toWeek: string): string[] {
  const out: string[] = [];
  for (let w = mondayOf(fromWeek); w <= toWeek; w = addDays(w, 7)) out.push(w);
  return out;
}

/** The start (`YYYY-MM-DD`) of the period of `granularity` that contains `day`. */
export function periodStart(day: string, granularity: Granularity): string {
  if (granularity === "week") return mondayOf(day);
  const [y, m] = day.split("-").map(Number);
  if (granularity === "month") return `${y}-${String(m).padStart(2, "0")}-01`;
  if (granularity === "quarter") return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
  return `${y}-01-01`;
}

/**
 * The period a weekly value belongs to when rolled up. A week belongs to the month/quarter/year
 * that contains its Thursday (the ISO rule), so every week counts in exactly one period.
 */
export function periodOfWeek(weekStart: string, granularity: Granularity): string {
  if (granularity === "week") return weekStart;
  return periodStart(addDays(weekStart, 3), granularity);
}

/** Human label for a period start, e.g. "2026-W07", "Mar 2026", "Q1 2026", "2026". */
export function periodLabel(start: string, granularity: Granularity): string {
  const [y, m] = start.split("-").map(Number);
  if (granularity === "week") {
    const thursday = parseDay(addDays(start, 3));
    const isoYear = thursday.getUTCFullYear();
    const jan4 = mondayOf(`${isoYear}-01-04`);
    const week = daysBetween(jan4, start) / 7 + 1;
    return `${isoYear}-W${String(week).padStart(2, "0")}`;
  }
  if (granularity === "month") {
    // Fixed names: the en-GB locale writes "Sept", which no other label here uses.
    return `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]} ${y}`;
  }
  if (granularity === "quarter") return `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
  return String(y);
}
