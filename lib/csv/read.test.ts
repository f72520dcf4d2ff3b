import { describe, expect, it } from "vitest";
import { CsvError } from "./errors";
import { parseCsvStream, parseCsvText, type CsvReadOptions } from "./read";
import { bytes, chunked } from "./test-support";

async function readAll(source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>, options?: CsvReadOptions) {
  const stream = await parseCsvStream(source, options);
  const rows = [];
  for await (const row of stream.rows) rows.push(row);
  return { header: stream.header, headerLine: stream.headerLine, delimiter: stream.delimiter, decimal: stream.decimal, rows };
}

/** Runs the stream reader and returns the CsvError it throws (header, look-ahead or iteration). */
async function streamError(input: string | Uint8Array, options?: CsvReadOptions, chunkSize = 64): Promise<CsvError> {
  try {
    await readAll(chunked(input, chunkSize), options);
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error("expected a CsvError");
}

function textError(input: string, options?: CsvReadOptions): CsvError {
  try {
    parseCsvText(input, options);
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error("expected a CsvError");
}

describe("parseCsvText", () => {
  it("reads a header and data rows with their physical line numbers", () => {
    const table = parseCsvText("team,people\nPlatform,7\nMobile,4\n");
    expect(table.header).toEqual(["team", "people"]);
    expect(table.headerLine).toBe(1);
    expect(table.delimiter).toBe(",");
    expect(table.decimal).toBe(".");
    expect(table.rows).toEqual([
      { line: 2, fields: ["Platform", "7"] },
      { line: 3, fields: ["Mobile", "4"] },
    ]);
  });

  it("handles RFC 4180 quoting: delimiters, doubled quotes and newlines inside quotes", () => {
    const table = parseCsvText('name,note\r\n"Smith, Jo","said ""hi""\r\nthen left"\r\nLee,"a\nb"\r\nKim,plain\r\n');
    expect(table.rows).toEqual([
      { line: 2, fields: ["Smith, Jo", 'said "hi"\r\nthen left'] },
      { line: 4, fields: ["Lee", "a\nb"] },
      { line: 6, fields: ["Kim", "plain"] },
    ]);
  });

  it("accepts LF, CRLF and lone CR line ends and a missing final newline", () => {
    expect(parseCsvText("a,b\n1,2\n3,4").rows.map((r) => r.fields)).toEqual([["1", "2"], ["3", "4"]]);
    expect(parseCsvText("a,b\r\n1,2\r\n3,4\r\n").rows.map((r) => r.line)).toEqual([2, 3]);
    expect(parseCsvText("a,b\r1,2\r3,4\r").rows).toEqual([
      { line: 2, fields: ["1", "2"] },
      { line: 3, fields: ["3", "4"] },
    ]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(parseCsvText("a,b,c\n,x,\n").rows[0].fields).toEqual(["", "x", ""]);
    expect(parseCsvText('a,b\n"",""\nz,').rows.map((r) => r.fields)).toEqual([["z", ""]]);
  });

  it("skips blank lines and all-empty rows but keeps counting lines", () => {
    const table = parseCsvText("\n\na,b\n1,2\n\n,\n3,4\n\n");
    expect(table.headerLine).toBe(3);
    expect(table.rows).toEqual([
      { line: 4, fields: ["1", "2"] },
      { line: 7, fields: ["3", "4"] },
    ]);
  });

  it("keeps all-empty rows when asked", () => {
    expect(parseCsvText("a,b\n,\n1,2", { skipEmptyRows: false }).rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it("drops a UTF-8 byte order mark", () => {
    expect(parseCsvText("\uFEFFname\nx").header).toEqual(["name"]);
  });

  it("keeps a quote inside an unquoted value and spaces after a closing quote", () => {
    expect(parseCsvText('size,label\n5" screen,"big" \n').rows[0].fields).toEqual(['5" screen', "big"]);
  });

  it("detects the semicolon delimiter from the header, ignoring delimiters inside quotes", () => {
    const table = parseCsvText('"a,b,c";d\n"1,5";2\n');
    expect(table.delimiter).toBe(";");
    expect(table.header).toEqual(["a,b,c", "d"]);
    expect(table.rows[0].fields).toEqual(["1,5", "2"]);
  });

  it("detects a decimal comma in semicolon files and a decimal point when the values show it", () => {
    expect(parseCsvText("team;velocity\nA;12,5\nB;8\n").decimal).toBe(",");
    expect(parseCsvText("team;velocity\nA;12.5\nB;8.25\n").decimal).toBe(".");
    expect(parseCsvText("team;velocity\nA;8\n").decimal).toBe(",");
    expect(parseCsvText("team;velocity\nA;12.5\n", { decimal: "," }).decimal).toBe(",");
  });

  it("honours an explicit delimiter", () => {
    expect(parseCsvText("a;b,c\n1;2,3", { delimiter: "," }).header).toEqual(["a;b", "c"]);
  });

  it("reads a single-column file", () => {
    const table = parseCsvText("email\nx@example.com\ny@example.com");
    expect(table.delimiter).toBe(",");
    expect(table.rows.map((r) => r.fields[0])).toEqual(["x@example.com", "y@example.com"]);
  });
});

describe("reader errors", () => {
  it("refuses a ragged row, naming the line and both counts", () => {
    const error = textError("a,b,c\n1,2,3\n4,5\n");
    expect(error.code).toBe("ragged_row");
    expect(error.line).toBe(3);
    expect(error.column).toBe(3);
    expect(error.message).toBe("Line 3 has 2 values but the header has 3 columns. Every row needs a value (possibly empty) for each column.");

    const tooMany = textError('a;b\n"x";1;2\n');
    expect(tooMany.line).toBe(2);
    expect(tooMany.message).toContain("Line 2 has 3 values but the header has 2 columns");
    expect(tooMany.message).toContain('contains ";" must be wrapped in double quotes');
  });

  it("reports the line where a multi-line record starts", () => {
    const error = textError('a,b\n1,"multi\nline\nvalue"\n2\n');
    expect(error.code).toBe("ragged_row");
    expect(error.line).toBe(5);
    const first = textError('a,b\n"multi\nline",2,3\n');
    expect(first.line).toBe(2);
  });

  it("tolerates trailing empty fields only when asked", () => {
    expect(textError("a,b\n1,2,,\n").code).toBe("ragged_row");
    const table = parseCsvText("a,b,,\n1,2,,\n3,4\n5,6,\n", { tolerateTrailingEmptyFields: true });
    expect(table.header).toEqual(["a", "b"]);
    expect(table.rows.map((r) => r.fields)).toEqual([["1", "2"], ["3", "4"], ["5", "6"]]);
    expect(textError("a,b\n1,2,x\n", { tolerateTrailingEmptyFields: true }).code).toBe("ragged_row");
  });

  it("refuses an unterminated quote at end of file, at the line where the quote opened", () => {
    const error = textError('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(error.code).toBe("unterminated_quote");
    expect(error.line).toBe(3);
    expect(error.column).toBe(2);
    expect(error.message).toContain("never closed");
  });

  it("refuses text after a closing quote", () => {
    const error = textError('a,b\n1,"x"y\n');
    expect(error.code).toBe("text_after_quote");
    expect(error.line).toBe(2);
    expect(error.column).toBe(2);
  });

  it("refuses an empty file and a header without rows", () => {
    expect(textError("").code).toBe("empty_file");
    expect(textError("\uFEFF\r\n\r\n").code).toBe("empty_file");
    const headerOnly = textError("\na,b\n");
    expect(headerOnly.code).toBe("no_data_rows");
    expect(headerOnly.line).toBe(2);
    expect(parseCsvText("a,b\n", { allowNoRows: true }).rows).toEqual([]);
  });

  it("refuses more rows than the limit, at the first row over it", () => {
    const error = textError("a\n1\n2\n3\n", { maxRows: 2 });
    expect(error.code).toBe("too_many_rows");
    expect(error.line).toBe(4);
    expect(error.message).toContain("more than 2 data rows");
    expect(parseCsvText("a\n1\n2\n", { maxRows: 2 }).rows).toHaveLength(2);
  });

  it("refuses a field over the length limit, with its column", () => {
    const error = textError(`a,b\n1,${"x".repeat(11)}\n`, { maxFieldLength: 10 });
    expect(error.code).toBe("field_too_long");
    expect(error.line).toBe(2);
    expect(error.column).toBe(2);
    expect(error.message).toBe("Line 2, column 2: a value is longer than 10 characters.");
  });

  it("refuses a record over the length limit", () => {
    const error = textError(`a,b,c\n1234,5678,9\n`, { maxRecordLength: 10 });
    expect(error.code).toBe("record_too_long");
    expect(error.line).toBe(2);
  });
});

describe("parseCsvStream", () => {
  const sample =
    '\uFEFFid;name;note;score\r\n1;"Doe; Jane";"line one\r\nline two";12,5\r\n2;Émile;"say ""ok""";7\r\n' +
    '3;"";"";\r\n4;zoë 🚀;"\r\n";1.234,5\r\n';
  const expectedRows = [
    { line: 2, fields: ["1", "Doe; Jane", "line one\r\nline two", "12,5"] },
    { line: 4, fields: ["2", "Émile", 'say "ok"', "7"] },
    { line: 5, fields: ["3", "", "", ""] },
    { line: 6, fields: ["4", "zoë 🚀", "\r\n", "1.234,5"] },
  ];

  it("gives the same result for every chunk size, with quotes, CRLFs and characters split across chunks", async () => {
    for (const size of [1, 2, 3, 5, 7, 64, 4096]) {
      const result = await readAll(chunked(sample, size));
      expect(result.header).toEqual(["id", "name", "note", "score"]);
      expect(result.delimiter).toBe(";");
      expect(result.decimal).toBe(",");
      expect(result.rows).toEqual(expectedRows);
    }
  });

  it("matches parseCsvText", async () => {
    const text = parseCsvText(sample);
    const stream = await readAll(chunked(sample, 64));
    expect(stream.rows).toEqual(text.rows);
    expect(stream.header).toEqual(text.header);
  });

  it("reads a web ReadableStream", async () => {
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes("a,b\n1,"));
        controller.enqueue(bytes("2\n"));
        controller.close();
      },
    });
    expect((await readAll(source)).rows).toEqual([{ line: 2, fields: ["1", "2"] }]);
  });

  it("cancels a web stream when the caller stops early", async () => {
    let cancelled = false;
    let row = 0;
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(bytes(row++ === 0 ? "n\n" : `${row}\n`));
      },
      cancel() {
        cancelled = true;
      },
    });
    const stream = await parseCsvStream(source);
    for await (const r of stream.rows) if (r.line > 300) break;
    expect(cancelled).toBe(true);
  });

  it("throws errors past the look-ahead from the iteration, at the right line", async () => {
    const text = "n\n" + Array.from({ length: 500 }, (_, i) => `${i}\n`).join("") + "1,2\n";
    const stream = await parseCsvStream(chunked(text, 64));
    let seen = 0;
    await expect(
      (async () => {
        for await (const _ of stream.rows) seen++;
      })(),
    ).rejects.toMatchObject({ code: "ragged_row", line: 502 });
    expect(seen).toBe(500);
  });

  it("reports an unterminated quote split across chunks", async () => {
    const error = await streamError('a,b\n1,"open\n2,3\n', undefined, 3);
    expect(error).toMatchObject({ code: "unterminated_quote", line: 2, column: 2 });
  });

  it("stops an unclosed quote at the field limit instead of reading the whole file into it", async () => {
    const text = 'a,b\n1,"oops\n' + "2,3\n".repeat(100);
    const error = await streamError(text, { maxFieldLength: 50 }, 16);
    expect(error.code).toBe("field_too_long");
    expect(error.line).toBe(2);
    expect(error.message).toContain("opened and never closed");
  });

  it("refuses a header line longer than the record limit without waiting for its end", async () => {
    const error = await streamError("x".repeat(500), { maxRecordLength: 100 }, 64);
    expect(error.code).toBe("record_too_long");
  });

  it("refuses an empty stream and a header-only stream", async () => {
    expect((await streamError("")).code).toBe("empty_file");
    expect((await streamError("\uFEFF")).code).toBe("empty_file");
    expect((await streamError("a,b\r\n")).code).toBe("no_data_rows");
  });

  it("refuses a file over the size limit as soon as the limit is passed", async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield bytes("a,b\n1,2\n".repeat(8));
      }
    }
    const error = await readAll(endless(), { maxBytes: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvError);
    expect(error).toMatchObject({ code: "file_too_large" });
    expect(pulled).toBe(16); // 16 × 64 bytes = 1,024 > 1,000
  });

  it("rejects string chunks, which would mean the caller decoded the upload itself", async () => {
    async function* strings() {
      yield "a,b\n" as unknown as Uint8Array;
    }
    await expect(readAll(strings())).rejects.toThrow(TypeError);
  });
});
