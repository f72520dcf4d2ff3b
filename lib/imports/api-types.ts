/**
 * The shapes the imports API returns to the browser (the preview of an uploaded file and its row problems).
 * Pure types: the server builds them, the import page and its client hooks read them.
 */

/** Field key → 0-based column index of the uploaded file. */
export type ColumnMapping = Record<string, number>;

export interface RowProblem {
  line: number;
  /** The file's column name (or the field's label when the file has no such column). */
  column: string;
  message: string;
}

export interface ImportPreview {
  importId: string;
  kind: string;
  fileName: string;
  header: string[];
  mapping: ColumnMapping;
  /** What each field can map to (for the mapping editor). */
  fields: { key: string; label: string }[];
  missing: string[];
  unmatched: string[];
  rows: { line: number; fields: string[]; problems: RowProblem[] }[];
  totalRows: number;
  validRows: number;
  /** Items the rows hold (a wide row holds one per metric). */
  items: number;
  problems: RowProblem[];
  problemCount: number;
  /**
   * Rows checked by applying them in a transaction that was rolled back (every check a run makes); null when
   * the file could not be read. Rows past it (large files) were checked as read and are applied when it runs.
   */
  applyCheckedRows: number | null;
  /** A problem with the file as a whole (not CSV, ragged row…): nothing can be imported. */
  fileError: { code: string; message: string; line: number; column?: number } | null;
}
