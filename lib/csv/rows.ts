/**
 * Turns raw records into a header plus data rows: skips blank lines, enforces the row limit and
 * refuses ragged rows, naming the line and the counts so the person can find and fix the row.
 */

import { CsvError, formatCount } from "./errors";
import type { RawRecord } from "./tokenizer";

export interface CsvRow {
  /** 1-based physical line on which the row starts (a quoted value may span several lines). */
  line: number;
  fields: string[];
}

export interface RowRules {
  /** Read lazily: it is known once the header line has been seen. */
  delimiter: () => string;
  maxRows: number;
  skipEmptyRows: boolean;
  tolerateTrailingEmptyFields: boolean;
}

export class RowShaper {
  header: string[] | null = null;
  headerLine = 1;
  dataRows = 0;
  private readonly rules: RowRules;

  constructor(rules: RowRules) {
    this.rules = rules;
  }

  /** Returns the data row for `record`, or null for the header and skipped blank lines. */
  accept(record: RawRecord): CsvRow | null {
    const { fields, line } = record;
    if (isBlank(fields, this.rules.skipEmptyRows)) return null;
    if (this.header === null) {
      this.header = this.rules.tolerateTrailingEmptyFields ? withoutTrailingEmpty(fields, 1) : fields;
      this.headerLine = line;
      return null;
    }
    const expected = this.header.length;
    let row = fields;
    if (row.length > expected && this.rules.tolerateTrailingEmptyFields && isEmptyFrom(row, expected)) {
      row = row.slice(0, expected);
    }
    if (row.length !== expected) throw raggedRow(line, row.length, expected, this.rules.delimiter());
    if (++this.dataRows > this.rules.maxRows) {
      throw new CsvError(
        "too_many_rows",
        `The file has more than ${formatCount(this.rules.maxRows)} data rows (limit reached at line ${line}). Split it into smaller files.`,
        { line },
      );
    }
    return { line, fields: row };
  }

  /** Called once the input is exhausted: an upload without data is refused unless allowed. */
  finish(allowNoRows: boolean): string[] {
    if (this.header === null) {
      throw new CsvError("empty_file", "The file is empty. Export the data again, with a header row and at least one data row.", {
        line: 1,
      });
    }
    if (this.dataRows === 0 && !allowNoRows) {
      throw new CsvError(
        "no_data_rows",
        `The file has a header row (line ${this.headerLine}) but no data rows. Add at least one row below the header.`,
        { line: this.headerLine },
      );
    }
    return this.header;
  }
}

function isBlank(fields: readonly string[], allEmptyIsBlank: boolean): boolean {
  if (fields.length === 1) return fields[0] === "";
  return allEmptyIsBlank && isEmptyFrom(fields, 0);
}

function isEmptyFrom(fields: readonly string[], start: number): boolean {
  for (let i = start; i < fields.length; i++) if (fields[i] !== "") return false;
  return true;
}

function withoutTrailingEmpty(fields: string[], keep: number): string[] {
  let end = fields.length;
  while (end > keep && fields[end - 1] === "") end--;
  return end === fields.length ? fields : fields.slice(0, end);
}

function raggedRow(line: number, actual: number, expected: number, delimiter: string): CsvError {
  const hint =
    actual > expected
      ? `A value that contains "${delimiter}" must be wrapped in double quotes.`
      : "Every row needs a value (possibly empty) for each column.";
  return new CsvError(
    "ragged_row",
    `Line ${line} has ${actual} ${actual === 1 ? "value" : "values"} but the header has ${expected} columns. ${hint}`,
    { line, column: Math.min(actual, expected) + 1 },
  );
}
