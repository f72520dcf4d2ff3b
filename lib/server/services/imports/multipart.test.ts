import { describe, expect, it } from "vitest";
import { boundaryOf, partText, readMultipart } from "./multipart";

async function* pieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

const BODY = [
  "preamble\r\n--XyZ\r\n",
  'Content-Disposition: form-data; name="kind"\r\n\r\nmetric-values\r\n--XyZ\r\n',
  'Content-Disposition: form-data; name="file"; filename="values.csv"\r\nContent-Type: text/csv\r\n\r\n',
  "team,metric,week,value\r\npayments,escaped_defects,2026-W07,3\r\n",
  "\r\n--XyZ--\r\n",
].join("");

describe("readMultipart", () => {
  it("reads fields and the file whatever the network chunk size", async () => {
    for (const size of [1, 3, 7, 64, 4096]) {
      const seen: [string, string | null, string][] = [];
      for await (const part of readMultipart(pieces(BODY, size), "XyZ")) seen.push([part.name, part.fileName, await partText(part)]);
      expect(seen).toEqual([
        ["kind", null, "metric-values"],
        ["file", "values.csv", "team,metric,week,value\r\npayments,escaped_defects,2026-W07,3\r\n"],
      ]);
    }
  });

  it("skips parts the reader does not read and refuses a truncated form", async () => {
    const names: string[] = [];
    for await (const part of readMultipart(pieces(BODY, 5), "XyZ")) names.push(part.name);
    expect(names).toEqual(["kind", "file"]);
    const truncated = BODY.slice(0, BODY.indexOf("payments"));
    await expect(async () => {
      for await (const part of readMultipart(pieces(truncated, 8), "XyZ")) await partText(part, 1_000_000);
    }).rejects.toThrow(/ended early/);
  });

  it("takes the boundary from the content type", () => {
    expect(boundaryOf("multipart/form-data; boundary=----abc123")).toBe("----abc123");
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe("a b");
    expect(boundaryOf("text/csv")).toBeNull();
  });
});
