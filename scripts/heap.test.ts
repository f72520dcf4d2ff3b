import { describe, expect, it } from "vitest";
import { DEFAULT_HEAP_MB, heapArgs } from "./heap.mjs";

describe("the app server's heap limit", () => {
  it("is the default unless PILLARS_HEAP_MB says otherwise", () => {
    expect(heapArgs({})).toEqual([`--max-old-space-size=${DEFAULT_HEAP_MB}`]);
    expect(heapArgs({ PILLARS_HEAP_MB: " " })).toEqual([`--max-old-space-size=${DEFAULT_HEAP_MB}`]);
    expect(heapArgs({ PILLARS_HEAP_MB: "1536" })).toEqual(["--max-old-space-size=1536"]);
  });

  it("is Node's own with 0", () => {
    expect(heapArgs({ PILLARS_HEAP_MB: "0" })).toEqual([]);
  });

  it("refuses what is not a size, naming the variable and the value", () => {
    for (const bad of ["1.5g", "-512", "512MB", "100"]) expect(() => heapArgs({ PILLARS_HEAP_MB: bad })).toThrow(`PILLARS_HEAP_MB must be a whole number of megabytes, at least 256 (or 0 for Node's default); got “${bad}”.`);
  });
});
