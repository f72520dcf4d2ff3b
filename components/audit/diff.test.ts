import { describe, expect, it } from "vitest";
import { diffRows } from "./diff";

describe("diffRows", () => {
  it("lists changed fields first with readable before and after", () => {
    expect(diffRows({ value: 98, note: null, week: "2026-03-02" }, { value: 96, note: "outage", week: "2026-03-02" })).toEqual([
      { field: "value", before: "98", after: "96", changed: true },
      { field: "note", before: "—", after: "outage", changed: true },
      { field: "week", before: "2026-03-02", after: "2026-03-02", changed: false },
    ]);
  });

  it("shows a creation as fields with an empty before", () => {
    expect(diffRows(null, { value: 3 })).toEqual([{ field: "value", before: "", after: "3", changed: true }]);
  });
});
