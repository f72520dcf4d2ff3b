import { parseDate, parseDateTime } from "@/lib/csv/dates";
import { fail, ok, type ParseResult } from "@/lib/csv/result";
import { parseInteger, parseNumber } from "@/lib/csv/values";
import { addDays, mondayOf, weekStartOf } from "@/lib/domain/time";
import type { FieldIssue, SessionOptions } from "./types";

/**
 * Reading one row's cells with the file's number and date formats, collecting every problem of the
 * row instead of stopping at the first (the preview lists them all). Pure.
 */
export class RowReader {
  readonly issues: FieldIssue[] = [];
  constructor(
    private readonly get: (field: string) => string | undefined,
    private readonly options: Pick<SessionOptions, "decimal" | "dayOrder" | "timeZone">,
  ) {}

  /**
   * Trimmed text; "" when the column is absent or empty. A leading "'" that our exports (and
   * spreadsheets) put before "=", "+", "-" or "@" to stop formulas is taken off again, so an export
   * re-imports to the same text.
   */
  text(field: string): string {
    const value = (this.get(field) ?? "").trim();
    return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
  }

  required(field: string, what: string): string | null {
    const value = this.text(field);
    if (value === "") this.issues.push({ field, message: `${what} is required.` });
    return value === "" ? null : value;
  }

  private take<T>(field: string, result: ParseResult<T>): T | null {
    if (result.ok) return result.value;
    this.issues.push({ field, message: result.error });
    return null;
  }

  number(field: string, options: { required?: boolean; integer?: boolean; min?: number } = {}): number | null {
    const raw = this.text(field);
    if (raw === "") {
      if (options.required) this.issues.push({ field, message: "A number is required but the cell is empty." });
      return null;
    }
    const format = { decimal: this.options.decimal };
    const value = this.take(field, options.integer ? parseInteger(raw, format) : parseNumber(raw, format));
    if (value !== null && options.min !== undefined && value < options.min) {
      this.issues.push({ field, message: `Must be at least ${options.min}.` });
      return null;
    }
    return value;
  }

  date(field: string, options: { required?: boolean } = {}): string | null {
    const raw = this.text(field);
    if (raw === "") {
      if (options.required) this.issues.push({ field, message: "A date is required but the cell is empty." });
      return null;
    }
    return this.take(field, parseDate(raw, { dayOrder: this.options.dayOrder }));
  }

  instant(field: string, options: { required?: boolean } = {}): Date | null {
    const raw = this.text(field);
    if (raw === "") {
      if (options.required) this.issues.push({ field, message: "A date and time is required but the cell is empty." });
      return null;
    }
    return this.take(field, parseDateTime(raw, { dayOrder: this.options.dayOrder, timeZone: this.options.timeZone }));
  }

  /** The Monday that starts the ISO week of the cell (a date, a date-time, or "2026-W07"). */
  week(field: string): string | null {
    const raw = this.text(field);
    if (raw === "") {
      this.issues.push({ field, message: "A week is required (a date in the week, or e.g. 2026-W07)." });
      return null;
    }
    return this.take(field, parseWeek(raw, this.options));
  }
}

const ISO_WEEK = /^(\d{4})-?W(\d{1,2})$/i;

/** Monday of ISO week `week` of ISO year `year`, or null when the year has no such week. */
export function isoWeekMonday(year: number, week: number): string | null {
  if (week < 1 || week > 53) return null;
  const jan4 = `${String(year).padStart(4, "0")}-01-04`; // always in ISO week 1
  const monday = addDays(mondayOf(jan4), (week - 1) * 7);
  // Week 53 exists only in years whose ISO week 1 of the next year starts later.
  if (week === 53 && addDays(monday, 3).slice(0, 4) !== String(year)) return null;
  return monday;
}

/**
 * A week cell: "2026-W07", a calendar date (its Monday), or a date-time (its Monday in the org's time
 * zone, so an event at 23:30 on Sunday in Berlin lands in the Berlin week).
 */
export function parseWeek(raw: string, options: Pick<SessionOptions, "dayOrder" | "timeZone">): ParseResult<string> {
  // A file repeats a few hundred distinct weeks over many rows: remember the answers (the function is pure).
  const key = `${options.timeZone}|${options.dayOrder ?? ""}|${raw}`;
  let result = weekCache.get(key);
  if (result === undefined) {
    if (weekCache.size >= WEEK_CACHE_SIZE) weekCache.clear();
    result = readWeek(raw, options);
    weekCache.set(key, result);
  }
  return result;
}

const WEEK_CACHE_SIZE = 10_000;
const weekCache = new Map<string, ParseResult<string>>();

function readWeek(raw: string, options: Pick<SessionOptions, "dayOrder" | "timeZone">): ParseResult<string> {
  const s = raw.trim();
  const iso = ISO_WEEK.exec(s);
  if (iso) {
    const monday = isoWeekMonday(Number(iso[1]), Number(iso[2]));
    return monday ? ok(monday) : fail(`"${s}" is not a week of ${iso[1]} (ISO weeks run from W01 to W52 or W53).`);
  }
  if (/\d[T ]\d{1,2}:\d{2}/.test(s)) {
    const instant = parseDateTime(s, { dayOrder: options.dayOrder, timeZone: options.timeZone });
    return instant.ok ? ok(weekStartOf(instant.value, options.timeZone)) : instant;
  }
  const day = parseDate(s, { dayOrder: options.dayOrder });
  if (!day.ok) return fail(`${day.error.replace(/\.$/, "")} — or give an ISO week such as 2026-W07.`);
  return ok(mondayOf(day.value));
}
