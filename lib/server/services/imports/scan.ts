import "server-only";
import { parseCsvStream, type CsvHeaderInfo } from "@/lib/csv/read";
import type { ColumnMapping, RowProblem } from "@/lib/imports/api-types";
import type { FieldIssue, KindSession, ParsedItem } from "./kinds/types";

/**
 * The row pipeline shared by preview and run: CSV rows → mapped cells → the kind's parse → duplicate
 * natural keys. Streams: memory holds one row plus a compact set of keys already seen.
 */

export interface ScannedRow<Item> {
  line: number;
  fields: string[];
  items: ParsedItem<Item>[];
  problems: RowProblem[];
}

export interface ScanSetup {
  header: string[];
  mapping: ColumnMapping;
  missing: string[];
  unmatched: string[];
  info: CsvHeaderInfo;
}

export interface ScanOptions<Item> {
  bytes: AsyncIterable<Uint8Array>;
  open: (info: CsvHeaderInfo) => Promise<KindSession<Item>>;
  /** The person's mapping; auto-matched when absent. */
  mapping?: ColumnMapping | null;
  onSetup?: (setup: ScanSetup, session: KindSession<Item>) => void | Promise<void>;
  onRow: (row: ScannedRow<Item>) => void | Promise<void>;
}

/** Scans the whole file; throws CsvError for a file-level problem and MappingError for missing columns. */
export async function scanFile<Item>(options: ScanOptions<Item>): Promise<ScanSetup & { rows: number }> {
  const stream = await parseCsvStream(options.bytes, { tolerateTrailingEmptyFields: true });
  const session = await options.open(stream);
  const auto = session.match(stream.header);
  const mapping = options.mapping ? validMapping(options.mapping, stream.header.length) : auto.mapping;
  const mappedFields = new Set(Object.keys(mapping));
  const required = options.mapping ? auto.missing.filter((f) => !mappedFields.has(f) && !f.startsWith("a ")) : auto.missing;
  const setup: ScanSetup = { header: stream.header, mapping, missing: required, unmatched: auto.unmatched, info: stream };
  await options.onSetup?.(setup, session);
  if (required.length > 0) throw new MappingError(required);

  const columnName = (field: string) => {
    const index = mapping[field];
    return index === undefined ? field : (stream.header[index] ?? field);
  };
  const seen = new Map<number, number>();
  let rows = 0;
  for await (const row of stream.rows) {
    rows++;
    const get = (field: string) => {
      const index = mapping[field];
      return index === undefined ? undefined : row.fields[index];
    };
    const outcome = session.parse(get, mapping);
    const problems: RowProblem[] = outcome.ok ? [] : outcome.issues.map((i) => toProblem(row.line, i, columnName));
    const items: ParsedItem<Item>[] = [];
    if (outcome.ok) {
      for (const parsed of outcome.items) {
        const hash = hashKey(parsed.key);
        const first = seen.get(hash);
        if (first !== undefined) {
          problems.push({ line: row.line, column: "", message: `Line ${first} already has a row for the same ${describeKey(session)}; keep one of them.` });
          continue;
        }
        seen.set(hash, row.line);
        items.push(parsed);
      }
    }
    await options.onRow({ line: row.line, fields: row.fields, items: problems.length > 0 ? [] : items, problems });
  }
  return { ...setup, rows };
}

function describeKey<Item>(session: KindSession<Item>): string {
  const labels = session.fieldOptions().slice(0, 3).map((f) => f.label.toLowerCase());
  return labels.join(", ");
}

function toProblem(line: number, issue: FieldIssue, columnName: (field: string) => string): RowProblem {
  return { line, column: columnName(issue.field), message: issue.message };
}

export class MappingError extends Error {
  constructor(readonly missing: string[]) {
    super(`The file has no column for: ${missing.join(", ")}. Choose the matching columns, or add them to the file.`);
    this.name = "MappingError";
  }
}

function validMapping(mapping: ColumnMapping, width: number): ColumnMapping {
  const out: ColumnMapping = {};
  for (const [field, index] of Object.entries(mapping)) if (Number.isInteger(index) && index >= 0 && index < width) out[field] = index;
  return out;
}

/**
 * A 53-bit hash of a natural key (two 32-bit FNV-style mixes): a million keys held as numbers take tens
 * of MB where the key strings would take hundreds. A false "duplicate" among a million distinct rows has
 * a chance of about 6 in 100,000 per file.
 */
export function hashKey(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}
