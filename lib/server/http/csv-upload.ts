import "server-only";
import { HttpError } from "@/lib/server/errors";

/**
 * The HTTP side of a CSV upload, shared by the import and roster endpoints: which content types may carry
 * a CSV body, refusing a declared size before a byte is read, and the status a file-level CSV problem gets.
 */
const CSV_CONTENT_TYPE = /^(text\/(x-)?(csv|plain|comma-separated-values|tab-separated-values)|application\/(x-)?(csv|octet-stream|vnd\.ms-excel))\s*(;|$)/i;

/**
 * A CSV body or file part may come without a content type or with one of those browsers and spreadsheets
 * give CSV files; anything else (JSON, a form, an archive) is refused, naming what to send instead.
 */
export function assertCsvContentType(contentType: string | null, send = "text/csv"): void {
  if (contentType && !CSV_CONTENT_TYPE.test(contentType.trim())) {
    throw new HttpError(415, "not_csv", `Send the CSV as ${send}, not ${contentType.split(";")[0]}.`);
  }
}

/** Refuses a request whose declared length is over `limit` bytes, before its body is read. */
export function assertDeclaredSize(headers: Headers, limit: number, tooLarge: () => HttpError): void {
  if (Number(headers.get("content-length") ?? "0") > limit) throw tooLarge();
}

/** A file the reader refused as a whole: too large (413), not UTF-8 text (415), or malformed CSV (422). */
export function csvFileRefused(error: { code: string; message: string; line: number; column?: number }): HttpError {
  const status = error.code === "file_too_large" || error.code === "too_many_rows" ? 413 : ["not_csv", "binary_content", "invalid_utf8"].includes(error.code) ? 415 : 422;
  return new HttpError(status, error.code, error.message, { line: error.line, ...(error.column ? { column: error.column } : {}) });
}
