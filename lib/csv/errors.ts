/**
 * The one error type the CSV reader throws. Importers show `message` to the person who uploaded
 * the file, so every message says what is wrong, where, and what to do about it.
 */
import { formatNumber } from "@/lib/format/numbers";

export type CsvErrorCode =
  | "not_csv" // a spreadsheet, archive, PDF or UTF-16 file instead of UTF-8 CSV
  | "binary_content" // NUL bytes
  | "invalid_utf8"
  | "file_too_large"
  | "too_many_rows"
  | "field_too_long"
  | "record_too_long"
  | "ragged_row"
  | "unterminated_quote"
  | "text_after_quote" // `"abc"def`: characters between a closing quote and the delimiter
  | "empty_file"
  | "no_data_rows";

export interface CsvErrorLocation {
  /** 1-based physical line where the offending record starts (or where reading stopped). */
  line: number;
  /** 1-based field position within the record, when the problem is in one field. */
  column?: number;
  /** 0-based byte offset in the file, for byte-level problems (encoding, NUL). */
  byteOffset?: number;
}

export class CsvError extends Error {
  readonly code: CsvErrorCode;
  readonly line: number;
  readonly column?: number;
  readonly byteOffset?: number;

  constructor(code: CsvErrorCode, message: string, location: CsvErrorLocation) {
    super(message);
    this.name = "CsvError";
    this.code = code;
    this.line = location.line;
    this.column = location.column;
    this.byteOffset = location.byteOffset;
  }
}

/** "1,000,000" — limits are quoted back to people, who read grouped digits more easily. */
export function formatCount(n: number): string {
  return formatNumber(n);
}
