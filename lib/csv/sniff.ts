/**
 * Looks at the start of an upload to say what it is before parsing it: people often upload the
 * spreadsheet itself, a PDF or a compressed export instead of a CSV, and a named cause is far
 * more useful than "invalid UTF-8 at byte 2".
 */

import { CsvError } from "./errors";

export type CsvDelimiter = "," | ";";

interface Signature {
  bytes: readonly number[];
  what: string;
}

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "an Excel workbook or zip archive (.xlsx, .ods, .zip)" },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: "an empty zip archive" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: "a legacy Excel workbook (.xls)" },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { bytes: [0x1f, 0x8b], what: "a gzip-compressed file" },
  { bytes: [0xff, 0xfe], what: "a UTF-16 text file" },
  { bytes: [0xfe, 0xff], what: "a UTF-16 text file" },
];

/** How many leading bytes `assertLooksLikeText` wants to see (fewer is fine at end of file). */
export const SIGNATURE_BYTES = 8;

/** Throws `not_csv` when the first bytes are a known non-CSV file signature. */
export function assertLooksLikeText(head: Uint8Array): void {
  for (const sig of SIGNATURES) {
    if (head.length < sig.bytes.length) continue;
    if (sig.bytes.every((b, i) => head[i] === b)) {
      const fix = sig.what.startsWith("a UTF-16")
        ? 'Save it again as "CSV UTF-8 (comma delimited)".'
        : 'Open it in your spreadsheet and export or "Save as" CSV (UTF-8), then upload that file.';
      throw new CsvError("not_csv", `This looks like ${sig.what}, not a CSV file. ${fix}`, { line: 1, byteOffset: 0 });
    }
  }
}

/**
 * Index just past the first line break that is outside quotes, or -1 when `text` does not yet
 * contain a complete first line.
 */
export function endOfFirstLine(text: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) return i + 1;
  }
  return -1;
}

/**
 * Picks the delimiter from the header line: whichever of `,` and `;` occurs more often outside
 * quotes. Header names rarely contain either, so the count is a reliable vote; a single-column
 * file (no votes) defaults to comma.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  for (const c of headerLine) {
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === ",") commas++;
    else if (c === ";") semicolons++;
    else if (c === "\n" || c === "\r") break;
  }
  return semicolons > commas ? ";" : ",";
}
