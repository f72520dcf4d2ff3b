import { describe, expect, it } from "vitest";
import { parseCsvStream, parseCsvText } from "./read";
import { seededRandom } from "./test-support";
import { createCsvStream, toCsv, toCsvLine, type CsvCell } from "./write";

async function readStream(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let text = "";
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    text += decoder.decode(next.value, { stream: true });
  }
  return text + decoder.decode();
}

describe("toCsvLine", () => {
  it("quotes only fields that need it (RFC 4180)", () => {
    expect(toCsvLine(["plain", "a,b", 'say "hi"', "two\nlines", "cr\rhere", ""])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\rhere",',
    );
    expect(toCsvLine([" padded ", "x;y"])).toBe('" padded ",x;y');
    expect(toCsvLine(["x;y", "a,b"], { delimiter: ";" })).toBe('"x;y";a,b');
  });

  it("writes numbers, booleans, dates and empty values", () => {
    const when = new Date(Date.UTC(2025, 0, 31, 9, 30));
    expect(toCsvLine([-3.5, 0, -0, 1e21, true, false, when, null, undefined, Number.NaN, Infinity])).toBe(
      "-3.5,0,0,1e+21,true,false,2025-01-31T09:30:00.000Z,,,,",
    );
  });

  it("writes a decimal comma when asked, quoting it in comma-delimited files", () => {
    expect(toCsvLine([1234.5, -0.25, 7], { delimiter: ";", decimal: "," })).toBe("1234,5;-0,25;7");
    expect(toCsvLine([1.5], { decimal: "," })).toBe('"1,5"');
  });
});

describe("formula injection", () => {
  it("prefixes string cells that a spreadsheet would run as a formula", () => {
    expect(toCsvLine(["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])).toBe(
      `"'=HYPERLINK(""http://x"")",'+1,'-2+3,'@SUM(A1),'\t=1,"'\r=1"`,
    );
  });

  it("leaves numbers alone, and strings that start safely", () => {
    expect(toCsvLine([-3.5, "a=b", "Team -1", " =x"])).toBe('-3.5,a=b,Team -1," =x"');
  });

  it("still prefixes a negative number passed as a string", () => {
    expect(toCsvLine(["-3.5"])).toBe("'-3.5");
  });

  it("can be turned off for exact machine-to-machine files", () => {
    expect(toCsvLine(["=1+1", "-3.5"], { neutraliseFormulas: false })).toBe("=1+1,-3.5");
  });
});

describe("toCsv", () => {
  it("writes CRLF after every record and an optional byte order mark", () => {
    expect(toCsv(["team", "people"], [["Platform", 7]])).toBe("team,people\r\nPlatform,7\r\n");
    expect(toCsv(["a"], [], { bom: true })).toBe("\uFEFFa\r\n");
  });

  it("round-trips through the reader, semicolons and decimal commas included", () => {
    const text = toCsv(["name", "score"], [["Doe; Jane", 12.5], ["Lee", -3]], { delimiter: ";", decimal: ",", bom: true });
    const table = parseCsvText(text);
    expect(table.delimiter).toBe(";");
    expect(table.decimal).toBe(",");
    expect(table.rows.map((r) => r.fields)).toEqual([["Doe; Jane", "12,5"], ["Lee", "-3"]]);
  });
});

const ALPHABET = ['"', ",", ";", "\r", "\n", "\r\n", " ", "a", "Z", "0", "=", "-", "é", "🚀", "\t", "'"];

function randomRows(seed: number, count: number, width: number): string[][] {
  const random = seededRandom(seed);
  const cell = () => {
    const length = Math.floor(random() * 8);
    let s = "";
    for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
    return s;
  };
  return Array.from({ length: count }, () => Array.from({ length: width }, cell));
}

/** The reader skips rows whose every field is empty, so those cannot come back. */
function withoutEmptyRows(rows: string[][]): string[][] {
  return rows.filter((row) => row.some((field) => field !== ""));
}

describe("round trip", () => {
  it("reads back arbitrary strings exactly when formulas are not neutralised", () => {
    const header = ["a", "b", "c", "d"];
    for (const [seed, delimiter] of [[1, ","], [2, ";"], [3, ","]] as const) {
      const rows = randomRows(seed, 300, header.length);
      const text = toCsv(header, rows, { delimiter, neutraliseFormulas: false });
      const table = parseCsvText(text, { delimiter });
      expect(table.rows.map((r) => r.fields)).toEqual(withoutEmptyRows(rows));
    }
  });

  it("reads back neutralised strings with the quote prefix and nothing else changed", () => {
    const rows = randomRows(4, 300, 3);
    const table = parseCsvText(toCsv(["x", "y", "z"], rows));
    const expected = withoutEmptyRows(rows).map((row) => row.map((s) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s)));
    expect(table.rows.map((r) => r.fields)).toEqual(expected);
  });

  it("is the same through the streaming writer and reader, in small pieces", async () => {
    const header = ["p", "q", "r"];
    const rows = randomRows(5, 400, header.length);
    const written = createCsvStream(header, rows, { neutraliseFormulas: false, bom: true });
    // Re-chunk the written bytes into 7-byte pieces so the reader sees every kind of split.
    const bytes = new Uint8Array(await new Response(written).arrayBuffer());
    async function* pieces() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.slice(i, i + 7);
    }
    const stream = await parseCsvStream(pieces());
    const read: string[][] = [];
    for await (const row of stream.rows) read.push(row.fields);
    expect(stream.header).toEqual(header);
    expect(read).toEqual(withoutEmptyRows(rows));
  });
});

describe("createCsvStream", () => {
  it("produces the same text as toCsv, from sync or async rows", async () => {
    const rows: CsvCell[][] = [["a,b", 1], ["=x", null]];
    async function* asyncRows() {
      yield* rows;
    }
    const expected = toCsv(["k", "v"], rows, { bom: true });
    expect(await readStream(createCsvStream(["k", "v"], rows, { bom: true }))).toBe(expected);
    expect(await readStream(createCsvStream(["k", "v"], asyncRows()))).toBe(expected.slice(1));
  });

  it("starts with the byte order mark when asked", async () => {
    const first = await createCsvStream(["a"], [], { bom: true }).getReader().read();
    expect(Array.from(first.value ?? []).slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("pulls rows lazily in ~64 KB pieces and stops the source when cancelled", async () => {
    let produced = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) yield [++produced, "row"];
      } finally {
        closed = true;
      }
    }
    const reader = createCsvStream(["n", "label"], endless()).getReader();
    const first = await reader.read();
    expect(first.value!.length).toBeGreaterThanOrEqual(64 * 1024);
    expect(first.value!.length).toBeLessThan(66 * 1024);
    const producedAfterFirst = produced;
    expect(producedAfterFirst).toBeLessThan(10_000);
    await reader.cancel();
    expect(closed).toBe(true);
  });
});
