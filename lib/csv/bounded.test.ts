import { describe, expect, it } from "vitest";
import { CsvError } from "./errors";
import { CsvByteCheck, parseCsvStream } from "./read";

/**
 * A 20 MB line without a newline (a value or a header that never ends) must not be held whole: the reader
 * and the upload check refuse it once it passes the row limit, having pulled only about that much of the
 * file. Counting the bytes pulled from the source proves the bound without measuring memory.
 */
const MB = 1024 * 1024;
const LINE = 20 * MB;

function endlessLine(header: string, pulled: { bytes: number }): AsyncGenerator<Uint8Array> {
  const block = new Uint8Array(64 * 1024).fill(0x78);
  return (async function* () {
    const head = new TextEncoder().encode(header);
    pulled.bytes += head.length;
    yield head;
    for (let sent = 0; sent < LINE; sent += block.length) {
      pulled.bytes += block.length;
      yield block;
    }
  })();
}

async function readAll(source: AsyncIterable<Uint8Array>): Promise<unknown> {
  try {
    const stream = await parseCsvStream(source);
    for await (const _ of stream.rows) {
      // drain
    }
  } catch (error) {
    return error;
  }
  return null;
}

describe("a 20 MB line without a newline", () => {
  it.each([
    ["a data row", "team,note\n", 2],
    ["the header", "", 1],
  ])("in %s: the reader refuses it after reading at most the row limit (1 M characters)", async (_where, header, line) => {
    const pulled = { bytes: 0 };
    const error = await readAll(endlessLine(header, pulled));
    expect(error).toBeInstanceOf(CsvError);
    expect((error as CsvError).line).toBe(line);
    expect((error as CsvError).message).toMatch(/longer than/);
    expect(pulled.bytes).toBeLessThan(1.2 * MB);
  });

  it("the upload check refuses it as it arrives, after the same bound", async () => {
    const check = new CsvByteCheck();
    const pulled = { bytes: 0 };
    let refused: unknown = null;
    try {
      for await (const chunk of endlessLine("team,note\n", pulled)) check.push(chunk);
      check.end();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(CsvError);
    expect(pulled.bytes).toBeLessThan(1.2 * MB);
  });
});
