/**
 * The CSV writer used by every export: RFC 4180 quoting, CRLF line ends, optional UTF-8 byte
 * order mark (Excel needs it to read UTF-8), and a streaming form for large exports.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in
 * some, a leading tab or CR before one) as a formula, so exported user text such as a team name
 * "=HYPERLINK(…)" could execute when the file is opened. Every *string* cell starting with one
 * of those characters is written with a leading `'`, which spreadsheets treat as "this is text".
 * Numbers are not strings: pass them as `number` and "-3.5" is written as is. A numeric-looking
 * string ("-3.5" as text) is still prefixed, because the writer cannot know where it came from.
 *
 * Reading a written file back gives the same strings (with formulas neutralised, prefixed by `'`),
 * except rows whose every cell is empty: they look like blank lines, which the reader skips.
 */

import type { CsvDelimiter } from "./sniff";
import type { DecimalSeparator } from "./values";

export type CsvCell = string | number | boolean | Date | null | undefined;

export interface CsvWriteOptions {
  /** Default ",". */
  delimiter?: CsvDelimiter;
  /** Decimal separator for numbers; default ".". Use "," with ";" for European spreadsheets. */
  decimal?: DecimalSeparator;
  /** Prefix the UTF-8 byte order mark so Excel detects the encoding. Default false. */
  bom?: boolean;
  /** Default true. Only turn off for machine-to-machine files that must round-trip exactly. */
  neutraliseFormulas?: boolean;
}

const BOM = "\uFEFF";
const LINE_END = "\r\n";
const FORMULA_START = /^[=+\-@\t\r]/;
/** Streamed output is handed out in pieces of about this many characters. */
const STREAM_PIECE_CHARS = 64 * 1024;

/** One record without its line ending. */
export function toCsvLine(values: readonly CsvCell[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ",";
  const decimal = options.decimal ?? ".";
  const neutralise = options.neutraliseFormulas ?? true;
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += delimiter;
    line += formatCell(values[i], delimiter, decimal, neutralise);
  }
  return line;
}

/** A whole file in memory: header, rows, CRLF after every record. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, options: CsvWriteOptions = {}): string {
  const parts: string[] = [options.bom ? BOM : "", toCsvLine(header, options), LINE_END];
  for (const row of rows) parts.push(toCsvLine(row, options), LINE_END);
  return parts.join("");
}

/**
 * A UTF-8 byte stream of the file, pulling rows only as fast as the consumer reads, so an export
 * of any size holds one piece (~64 KB) in memory. Suitable as a `Response` body.
 */
export function createCsvStream(
  header: readonly string[],
  rows: AsyncIterable<readonly CsvCell[]> | Iterable<readonly CsvCell[]>,
  options: CsvWriteOptions = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : toAsync(rows[Symbol.iterator]());
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let piece = "";
      if (!started) {
        started = true;
        piece = (options.bom ? BOM : "") + toCsvLine(header, options) + LINE_END;
      }
      while (piece.length < STREAM_PIECE_CHARS) {
        const next = await iterator.next();
        if (next.done) {
          if (piece) controller.enqueue(encoder.encode(piece));
          controller.close();
          return;
        }
        piece += toCsvLine(next.value, options) + LINE_END;
      }
      controller.enqueue(encoder.encode(piece));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

function formatCell(value: CsvCell, delimiter: string, decimal: DecimalSeparator, neutralise: boolean): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value, decimal, delimiter);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  const text = neutralise && FORMULA_START.test(value) ? `'${value}` : value;
  return quoteIfNeeded(text, delimiter);
}

/** Non-finite numbers are written empty: "NaN" in an export helps nobody and breaks re-import. */
function formatNumber(value: number, decimal: DecimalSeparator, delimiter: string): string {
  if (!Number.isFinite(value)) return "";
  const text = Object.is(value, -0) ? "0" : String(value);
  return decimal === "," ? quoteIfNeeded(text.replace(".", ","), delimiter) : text;
}

function quoteIfNeeded(text: string, delimiter: string): string {
  if (!needsQuotes(text, delimiter)) return text;
  return `"${text.replaceAll('"', '""')}"`;
}

function needsQuotes(text: string, delimiter: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "\n" || c === "\r" || c === delimiter) return true;
  }
  // Leading/trailing spaces survive a strict reader unquoted, but spreadsheets may trim them.
  return text.length > 0 && (text[0] === " " || text[text.length - 1] === " ");
}

async function* toAsync<T>(iterator: Iterator<T>): AsyncGenerator<T> {
  for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
}
