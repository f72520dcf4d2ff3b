/**
 * The CSV reader used by every import. `parseCsvStream` reads an upload chunk by chunk (memory
 * stays bounded by one record plus a small look-ahead), `parseCsvText` does the same for a string
 * already in memory. Both throw `CsvError` for anything a person has to fix in their file, before
 * the caller has written anything, provided the caller consumes all rows before writing.
 */

import { Utf8ChunkDecoder } from "./decode";
import { RowShaper, type CsvRow } from "./rows";
import { detectDelimiter, endOfFirstLine, type CsvDelimiter } from "./sniff";
import { CsvTokenizer, type RawRecord, type TokenizerLimits } from "./tokenizer";
import { detectDecimalSeparator, type DecimalSeparator } from "./values";

export type { CsvRow } from "./rows";
export type { CsvDelimiter } from "./sniff";

export const CSV_DEFAULT_LIMITS = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 1_000_000,
  maxFieldLength: 100_000,
  maxRecordLength: 1_000_000,
} as const;

/** Rows read ahead to detect the decimal separator before the first row is handed out. */
const DECIMAL_SAMPLE_ROWS = 200;

export interface CsvReadOptions {
  /** Default: detected from the header line (`,` or `;`). */
  delimiter?: CsvDelimiter;
  /** Default: `.` for comma files; for semicolon files detected from the first rows (`,` unless they say otherwise). */
  decimal?: DecimalSeparator;
  maxBytes?: number;
  /** Data rows, header excluded. */
  maxRows?: number;
  maxFieldLength?: number;
  maxRecordLength?: number;
  /** Drop empty fields past the header's width (and empty trailing header cells), as some spreadsheets emit. */
  tolerateTrailingEmptyFields?: boolean;
  /** Skip rows whose every field is empty (`,,,`). Blank lines are always skipped. Default true. */
  skipEmptyRows?: boolean;
  /** Accept a header with no data rows. Default false: that upload is refused as `no_data_rows`. */
  allowNoRows?: boolean;
}

export interface CsvHeaderInfo {
  header: string[];
  /** 1-based line of the header row. */
  headerLine: number;
  delimiter: CsvDelimiter;
  decimal: DecimalSeparator;
}

export interface CsvStream extends CsvHeaderInfo {
  /** Data rows in file order; iterate once. Errors are thrown from the iteration at the offending row. */
  rows: AsyncIterable<CsvRow>;
}

export interface CsvTable extends CsvHeaderInfo {
  rows: CsvRow[];
}

export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/**
 * Reads the header (and a small look-ahead to detect the decimal separator), then hands out the
 * data rows lazily. Errors in the header or the look-ahead are thrown here; later ones from `rows`.
 */
export async function parseCsvStream(source: ByteSource, options: CsvReadOptions = {}): Promise<CsvStream> {
  const reader = new TextRecordReader(options);
  const shaper = newShaper(options, reader);
  const records = streamRecords(source, reader, options.maxBytes ?? CSV_DEFAULT_LIMITS.maxBytes);
  const rows = dataRows(records, shaper);

  const lookAhead: CsvRow[] = [];
  let exhausted = false;
  while (lookAhead.length < DECIMAL_SAMPLE_ROWS) {
    const next = await rows.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    lookAhead.push(next.value);
  }
  if (exhausted) shaper.finish(options.allowNoRows ?? false);

  return {
    ...headerInfo(shaper, reader, lookAhead, options),
    rows: (async function* () {
      yield* lookAhead;
      if (exhausted) return;
      yield* rows;
    })(),
  };
}

/**
 * Parses CSV text already in memory (small inputs, tests). Same rules and errors as the stream,
 * except `maxBytes`: the text has been received already, so only the row and length limits apply.
 */
export function parseCsvText(text: string, options: CsvReadOptions = {}): CsvTable {
  const reader = new TextRecordReader(options);
  const shaper = newShaper(options, reader);
  const rows: CsvRow[] = [];
  const accept = (records: RawRecord[]) => {
    for (const record of records) {
      const row = shaper.accept(record);
      if (row) rows.push(row);
    }
  };
  accept(reader.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  accept(reader.end());
  shaper.finish(options.allowNoRows ?? false);
  return { ...headerInfo(shaper, reader, rows.slice(0, DECIMAL_SAMPLE_ROWS), options), rows };
}

function newShaper(options: CsvReadOptions, reader: TextRecordReader): RowShaper {
  return new RowShaper({
    delimiter: () => reader.delimiter,
    maxRows: options.maxRows ?? CSV_DEFAULT_LIMITS.maxRows,
    skipEmptyRows: options.skipEmptyRows ?? true,
    tolerateTrailingEmptyFields: options.tolerateTrailingEmptyFields ?? false,
  });
}

function headerInfo(shaper: RowShaper, reader: TextRecordReader, sample: CsvRow[], options: CsvReadOptions): CsvHeaderInfo {
  const delimiter = reader.delimiter;
  const decimal = options.decimal ?? detectDecimalSeparator(sampleValues(sample), delimiter);
  return { header: shaper.header ?? [], headerLine: shaper.headerLine, delimiter, decimal };
}

function* sampleValues(rows: readonly CsvRow[]): Iterable<string> {
  for (const row of rows) yield* row.fields;
}

async function* dataRows(records: AsyncIterable<RawRecord[]>, shaper: RowShaper): AsyncGenerator<CsvRow, void, undefined> {
  for await (const batch of records) {
    for (const record of batch) {
      const row = shaper.accept(record);
      if (row) yield row;
    }
  }
}

async function* streamRecords(source: ByteSource, reader: TextRecordReader, maxBytes: number): AsyncGenerator<RawRecord[]> {
  const decoder = new Utf8ChunkDecoder(maxBytes);
  for await (const chunk of iterateBytes(source)) {
    if (!(chunk instanceof Uint8Array)) throw new TypeError("CSV source must yield Uint8Array chunks (bytes), not strings");
    const records = reader.push(decoder.push(chunk));
    if (records.length > 0) yield records;
  }
  yield reader.push(decoder.end());
  yield reader.end();
}

async function* iterateBytes(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (!("getReader" in source)) {
    yield* source;
    return;
  }
  const streamReader = source.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await streamReader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    // The caller stopped early (an error or a break): stop the upload instead of draining it.
    if (!finished) await streamReader.cancel().catch(() => undefined);
    streamReader.releaseLock();
  }
}

/**
 * The byte- and length-level checks of the reader (signature, NUL bytes, UTF-8, size, value and row
 * length, an unclosed quote), fed chunk by chunk as an upload arrives and keeping no rows: a file that
 * can never be read is refused while it is received instead of after it has been stored.
 */
export class CsvByteCheck {
  private readonly decoder: Utf8ChunkDecoder;
  private readonly reader: TextRecordReader;

  constructor(options: Pick<CsvReadOptions, "maxBytes" | "maxFieldLength" | "maxRecordLength"> = {}) {
    this.decoder = new Utf8ChunkDecoder(options.maxBytes ?? CSV_DEFAULT_LIMITS.maxBytes);
    this.reader = new TextRecordReader(options);
  }

  push(chunk: Uint8Array): void {
    this.reader.push(this.decoder.push(chunk));
  }

  end(): void {
    this.reader.push(this.decoder.end());
    this.reader.end();
  }
}

/**
 * Text to records, choosing the delimiter once the first line outside quotes is complete. Until
 * then the text is held back, bounded by the record length limit.
 */
class TextRecordReader {
  private tokenizer: CsvTokenizer | null = null;
  private pending = "";
  private readonly fixedDelimiter: CsvDelimiter | undefined;
  private readonly limits: TokenizerLimits;

  constructor(options: CsvReadOptions) {
    this.fixedDelimiter = options.delimiter;
    this.limits = {
      maxFieldLength: options.maxFieldLength ?? CSV_DEFAULT_LIMITS.maxFieldLength,
      maxRecordLength: options.maxRecordLength ?? CSV_DEFAULT_LIMITS.maxRecordLength,
    };
  }

  /** Final once the first line has been seen (rows only exist after that). */
  get delimiter(): CsvDelimiter {
    return this.fixedDelimiter ?? this.detected;
  }

  private detected: CsvDelimiter = ",";

  push(text: string): RawRecord[] {
    if (this.tokenizer) return this.tokenizer.push(text);
    this.pending += text;
    const end = endOfFirstLine(this.pending);
    // A first line over the record limit goes to the tokenizer anyway, which reports it as too long.
    if (end === -1 && this.pending.length <= this.limits.maxRecordLength) return [];
    return this.start(end === -1 ? this.pending : this.pending.slice(0, end));
  }

  end(): RawRecord[] {
    const records = this.tokenizer ? [] : this.start(this.pending);
    return records.concat(this.tokenizer ? this.tokenizer.end() : []);
  }

  private start(headerLine: string): RawRecord[] {
    this.detected = this.fixedDelimiter ?? detectDelimiter(headerLine);
    const tokenizer = new CsvTokenizer(this.detected, this.limits);
    this.tokenizer = tokenizer;
    const text = this.pending;
    this.pending = "";
    return tokenizer.push(text);
  }
}
