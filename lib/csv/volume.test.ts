import { describe, expect, it } from "vitest";
import { parseCsvStream } from "./read";

const ROWS = 200_000;
const encoder = new TextEncoder();

/**
 * 200,000 rows generated on the fly and handed over in 64-byte chunks, so quotes, doubled
 * quotes and CRLFs fall across chunk boundaries thousands of times; every tenth row has a line
 * break inside a quoted value. Nothing holds the whole file: this is the streaming path an
 * upload takes.
 */
async function* generatedFile(): AsyncGenerator<Uint8Array> {
  let pending = encoder.encode("id;name;note;bucket\r\n");
  for (let i = 0; i < ROWS; i += 1000) {
    let text = "";
    for (let j = i; j < i + 1000; j++) {
      const note = j % 10 === 0 ? '"line\r\nbreak"' : "plain";
      text += `${j};"name ${j}; ""q""";${note};${j % 100}\r\n`;
    }
    const batch = encoder.encode(text);
    const all = new Uint8Array(pending.length + batch.length);
    all.set(pending);
    all.set(batch, pending.length);
    let at = 0;
    for (; at + 64 <= all.length; at += 64) yield all.subarray(at, at + 64);
    pending = all.slice(at);
  }
  yield pending;
}

describe("streaming volume", () => {
  it("reads 200,000 rows fed in 64-byte chunks with exact values and line numbers", async () => {
    const stream = await parseCsvStream(generatedFile());
    expect(stream.header).toEqual(["id", "name", "note", "bucket"]);
    let count = 0;
    let bucketSum = 0;
    let breaks = 0;
    let last = { line: 0, fields: [] as string[] };
    for await (const row of stream.rows) {
      if (Number(row.fields[0]) !== count) throw new Error(`row ${count} read as ${row.fields[0]}`);
      if (row.fields[1] !== `name ${count}; "q"`) throw new Error(`row ${count} name read as ${row.fields[1]}`);
      if (row.fields[2] === "line\r\nbreak") breaks++;
      bucketSum += Number(row.fields[3]);
      count++;
      last = row;
    }
    expect(count).toBe(ROWS);
    expect(breaks).toBe(ROWS / 10);
    expect(bucketSum).toBe(9_900_000); // 2,000 runs of 0..99
    // Row i starts on line 2 + i + ceil(i / 10): the header, then one extra line per earlier break.
    expect(last).toEqual({ line: 220_001, fields: ["199999", 'name 199999; "q"', "plain", "99"] });
  }, 60_000);
});
