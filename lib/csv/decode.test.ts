import { describe, expect, it } from "vitest";
import { CsvError } from "./errors";
import { firstInvalidUtf8 } from "./decode";
import { parseCsvStream } from "./read";
import { bytes, chunked } from "./test-support";

async function errorFor(input: Uint8Array, chunkSize = 64): Promise<CsvError> {
  try {
    const stream = await parseCsvStream(chunked(input, chunkSize));
    for await (const _ of stream.rows) {
      // drain
    }
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error("expected a CsvError");
}

describe("file type checks", () => {
  it.each([
    ["xlsx/zip", [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08], "an Excel workbook or zip archive (.xlsx, .ods, .zip)"],
    ["legacy xls", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00], "a legacy Excel workbook (.xls)"],
    ["pdf", [...new TextEncoder().encode("%PDF-1.7\n")], "a PDF document"],
    ["gzip", [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00], "a gzip-compressed file"],
  ])("names a %s upload and says to export CSV", async (_name, signature, what) => {
    const error = await errorFor(bytes(signature, "rest of file"));
    expect(error.code).toBe("not_csv");
    expect(error.line).toBe(1);
    expect(error.message).toContain(`This looks like ${what}, not a CSV file.`);
    expect(error.message).toContain("CSV (UTF-8)");
  });

  it("recognises a signature split across 1-byte chunks", async () => {
    expect((await errorFor(bytes([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0]), 1)).code).toBe("not_csv");
  });

  it("recognises UTF-16 text and says to save as CSV UTF-8", async () => {
    const error = await errorFor(bytes([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00]));
    expect(error.code).toBe("not_csv");
    expect(error.message).toContain("UTF-16");
    expect(error.message).toContain("CSV UTF-8");
  });

  it("checks the signature of a file shorter than the signature window", async () => {
    expect((await errorFor(bytes([0x1f, 0x8b]))).code).toBe("not_csv");
  });
});

describe("binary content and encoding", () => {
  it("refuses a NUL byte, naming its byte offset and line", async () => {
    const input = bytes("a,b\n1,2\n3,", [0], "\n");
    const error = await errorFor(input, 4);
    expect(error.code).toBe("binary_content");
    expect(error.byteOffset).toBe(10);
    expect(error.line).toBe(3);
    expect(error.message).toContain("byte 10, line 3");
  });

  it("refuses Windows-1252 text, naming the first bad byte and its line", async () => {
    // "café" in Windows-1252: é is the single byte 0xE9, not a valid UTF-8 sequence before "\n".
    const input = bytes("name\nabc\ncaf", [0xe9], "\n");
    const error = await errorFor(input, 3);
    expect(error.code).toBe("invalid_utf8");
    expect(error.byteOffset).toBe(12);
    expect(error.line).toBe(3);
    expect(error.message).toContain('export it again as "CSV UTF-8"');
  });

  it("finds the bad byte when a valid character was split just before it", async () => {
    // "é" (C3 A9) split across chunks of 5, then a stray continuation byte 0x80 at offset 7.
    const input = bytes("a\nb\n\u00e9x", [0x80], "\n");
    const error = await errorFor(input, 5);
    expect(error).toMatchObject({ code: "invalid_utf8", byteOffset: 7, line: 3 });
  });

  it("decodes multi-byte characters split across every possible boundary", async () => {
    const text = "name\n€uro 𝄞 ñ\n";
    for (const size of [1, 2, 3, 5]) {
      const stream = await parseCsvStream(chunked(text, size));
      const rows = [];
      for await (const r of stream.rows) rows.push(r.fields[0]);
      expect(rows).toEqual(["€uro 𝄞 ñ"]);
    }
  });

  it("refuses a file that ends in the middle of a character", async () => {
    const input = bytes("a\nb\n", [0xe2, 0x82]);
    const error = await errorFor(input, 2);
    expect(error).toMatchObject({ code: "invalid_utf8", byteOffset: 4, line: 3 });
    expect(error.message).toContain("ends in the middle of a character");
  });
});

describe("firstInvalidUtf8", () => {
  it("accepts valid text and a sequence cut off at the end", () => {
    expect(firstInvalidUtf8(bytes("héllo €"))).toBe(-1);
    expect(firstInvalidUtf8(bytes("ab", [0xf0, 0x9f]))).toBe(-1);
  });

  it("finds overlongs, surrogates, out-of-range and stray bytes", () => {
    expect(firstInvalidUtf8(bytes("ab", [0xc0, 0xaf]))).toBe(2); // overlong "/"
    expect(firstInvalidUtf8(bytes("a", [0xe0, 0x80, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(bytes([0xed, 0xa0, 0x80]))).toBe(0); // UTF-16 surrogate
    expect(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
    expect(firstInvalidUtf8(bytes("xyz", [0x80]))).toBe(3); // stray continuation
    expect(firstInvalidUtf8(bytes("é", [0xc3, 0x41]))).toBe(2); // lead without continuation
  });
});
