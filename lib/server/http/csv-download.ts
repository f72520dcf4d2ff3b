import "server-only";
import { createCsvStream, type CsvCell } from "@/lib/csv/write";

/** A CSV attachment streamed from rows (UTF-8 with BOM for spreadsheets; formula-like text neutralised by the writer). */
export function csvDownload(filename: string, header: readonly string[], rows: Iterable<readonly CsvCell[]>): Response {
  return new Response(createCsvStream(header, rows, { bom: true }), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"` },
  });
}
