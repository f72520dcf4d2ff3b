/**
 * Cell value parsers for imports: numbers in the file's own number format, percentages and
 * booleans (dates are in `./dates`, re-exported here). Each returns a `ParseResult` whose error
 * quotes the value and says what was expected, so a person can fix the cell. Pure.
 *
 * Number format is per file, never guessed per value: in a semicolon file "1.234" is one
 * thousand two hundred and thirty-four, in a comma file it is one point two three four, and only
 * the file as a whole tells which (see `detectDecimalSeparator`).
 */

import { fail, ok, type ParseResult } from "./result";
import type { CsvDelimiter } from "./sniff";

export type { ParseResult } from "./result";
export { detectDayOrder, excelSerialToDate, parseDate, parseDateTime, type DateFormat, type DayOrder } from "./dates";

export type DecimalSeparator = "." | ",";

export interface NumberFormat {
  decimal: DecimalSeparator;
}

const DOT_DECIMAL: NumberFormat = { decimal: "." };

// Digit groups must be of three and use one separator throughout (the back-reference), so
// "1,5" is not read as 15 in a dot-decimal file.
const DOT_NUMBER = /^[+-]?(?:\d{1,3}(?:([, \u00a0\u202f'])\d{3})(?:\1\d{3})*|\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(?:\d{1,3}(?:([. \u00a0\u202f'])\d{3})(?:\1\d{3})*|\d*)(?:,\d+)?(?:[eE][+-]?\d+)?$/;
const GROUP_SEPARATORS = /[ \u00a0\u202f',.]/g;

/**
 * "1234.5", "1,234.5", "-3.5", "1.2E+5" with `decimal: "."`; "1234,5", "1.234,5", "1 234,5"
 * with `decimal: ","`. Surrounding spaces are ignored.
 */
export function parseNumber(raw: string, format: NumberFormat = DOT_DECIMAL): ParseResult<number> {
  const s = raw.trim().replace(/^\u2212/, "-"); // typographic minus, as some spreadsheets export
  if (s === "") return fail("A number is required but the cell is empty.");
  const pattern = format.decimal === "." ? DOT_NUMBER : COMMA_NUMBER;
  if (!/\d/.test(s) || !pattern.test(s)) return fail(notANumber(raw, format));
  const [mantissa, exponent] = s.split(/[eE]/);
  const parts = mantissa.split(format.decimal);
  const canonical = parts[0].replace(GROUP_SEPARATORS, "") + (parts.length > 1 ? `.${parts[1]}` : "");
  const value = Number(exponent === undefined ? canonical : `${canonical}e${exponent}`);
  if (!Number.isFinite(value)) return fail(`"${raw.trim()}" is too large to be a number.`);
  return ok(value === 0 ? 0 : value); // no -0
}

/** A whole number, in the same formats as `parseNumber` ("1,200" or "1.200" per the file). */
export function parseInteger(raw: string, format: NumberFormat = DOT_DECIMAL): ParseResult<number> {
  const parsed = parseNumber(raw, format);
  if (!parsed.ok) return parsed;
  if (!Number.isSafeInteger(parsed.value)) return fail(`"${raw.trim()}" must be a whole number.`);
  return parsed;
}

/**
 * A percentage in percent points: "85%", "85 %" and "85" all give 85, "12,5%" gives 12.5 in a
 * comma-decimal file. Points, not fractions, because that is how people type and check them
 * ("the shares must add up to 100"). A bare "0.85" is therefore 0.85 points: callers that
 * accept fractions must say so themselves.
 */
export function parsePercent(raw: string, format: NumberFormat = DOT_DECIMAL): ParseResult<number> {
  const s = raw.trim();
  if (s === "") return fail("A percentage is required but the cell is empty.");
  const body = s.endsWith("%") ? s.slice(0, -1).trimEnd() : s;
  const parsed = parseNumber(body, format);
  if (!parsed.ok) return fail(`"${s}" is not a percentage (expected e.g. ${format.decimal === "." ? "85% or 12.5%" : "85% or 12,5%"}).`);
  return parsed;
}

const TRUE_WORDS = new Set(["yes", "y", "true", "1"]);
const FALSE_WORDS = new Set(["no", "n", "false", "0"]);

/** yes/no, y/n, true/false, 1/0 in any letter case. */
export function parseBoolean(raw: string): ParseResult<boolean> {
  const s = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return ok(true);
  if (FALSE_WORDS.has(s)) return ok(false);
  if (s === "") return fail("A yes/no value is required but the cell is empty.");
  return fail(`"${raw.trim()}" is not a yes/no value (use yes/no, true/false, y/n or 1/0).`);
}

// Values that can only be read one way: "3,5" (comma decimal: a thousands group has three
// digits) or "1.234,5" (both separators, the last one decimal). "1,234" alone proves nothing.
const COMMA_EVIDENCE = [/^[+-]?\d+,(?:\d{1,2}|\d{4,})%?$/, /^[+-]?\d{1,3}(?:\.\d{3})+,\d+%?$/];
const DOT_EVIDENCE = [/^[+-]?\d+\.(?:\d{1,2}|\d{4,})%?$/, /^[+-]?\d{1,3}(?:,\d{3})+\.\d+%?$/];

/**
 * The decimal separator of a file, from a sample of its values. Comma-delimited files use ".";
 * semicolon-delimited files are usually written by spreadsheets in locales whose decimal
 * separator is ",", which is the default unless the values show otherwise (majority vote among
 * values that can only be read one way).
 */
export function detectDecimalSeparator(values: Iterable<string>, delimiter: CsvDelimiter): DecimalSeparator {
  if (delimiter === ",") return ".";
  let comma = 0;
  let dot = 0;
  for (const raw of values) {
    const s = raw.trim();
    if (s.length === 0 || s.length > 40) continue;
    if (COMMA_EVIDENCE.some((re) => re.test(s))) comma++;
    else if (DOT_EVIDENCE.some((re) => re.test(s))) dot++;
  }
  return dot > comma ? "." : ",";
}

function notANumber(raw: string, format: NumberFormat): string {
  const example = format.decimal === "." ? "1234.5 or 1,234.5" : "1234,5 or 1.234,5";
  return `"${raw.trim()}" is not a number (this file writes numbers like ${example}).`;
}
