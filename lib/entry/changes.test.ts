import { describe, expect, it } from "vitest";
import { cellId, collectChanges, type Draft, type GridMetric, type LoadedCell } from "./changes";

const slo: GridMetric = { id: "slo", name: "SLO", unit: "percent", cadence: "WEEKLY", minValue: 0, maxValue: 100, integer: false, noteChangePct: null };
const weeks = ["2026-02-23", "2026-03-02", "2026-03-09"];
const loaded = new Map<string, LoadedCell>([
  [cellId("slo", "2026-02-23"), { value: 90, note: null, version: 3 }],
  [cellId("slo", "2026-03-02"), { value: 92, note: "ok", version: 1 }],
]);

const run = (drafts: [string, Draft][], override?: Map<string, number | null>) =>
  collectChanges([slo], () => weeks, loaded, new Map(drafts.map(([w, d]) => [cellId("slo", w), d])), 50, override);

describe("collectChanges", () => {
  it("sends only changed cells, with the version seen at load (null for an empty cell)", () => {
    const { changes, issues } = run([
      ["2026-02-23", { text: "90" }], // unchanged
      ["2026-03-02", { text: "93" }],
      ["2026-03-09", { text: "94%" }],
    ]);
    expect(issues.size).toBe(0);
    expect(changes).toEqual([
      { id: "slo|2026-03-02", metricId: "slo", weekStart: "2026-03-02", value: 93, expectedVersion: 1 },
      { id: "slo|2026-03-09", metricId: "slo", weekStart: "2026-03-09", value: 94, expectedVersion: null },
    ]);
  });

  it("keeps invalid cells out and reports them by cell, while valid cells still go", () => {
    const { changes, issues } = run([
      ["2026-03-02", { text: "120" }],
      ["2026-03-09", { text: "abc" }],
    ]);
    expect(changes).toEqual([]);
    expect(issues.get("slo|2026-03-02")).toEqual([{ field: "value", message: "Must be between 0 and 100 (percent)." }]);
    expect(issues.get("slo|2026-03-09")?.[0].field).toBe("value");
  });

  it("checks the note rule against the previous week as typed", () => {
    // Week 2 typed as 40: week 3 at 90 is a 125% move from 40 and needs a note.
    const { issues } = run([
      ["2026-03-02", { text: "40", note: "outage" }],
      ["2026-03-09", { text: "90" }],
    ]);
    expect([...issues.keys()]).toEqual(["slo|2026-03-09"]);
    expect(issues.get("slo|2026-03-09")?.[0].field).toBe("note");
  });

  it("sends a note-only edit with the stored value, and refuses clearing a saved value", () => {
    const { changes, issues } = run([
      ["2026-03-02", { note: "two people on leave" }],
      ["2026-02-23", { text: "" }],
    ]);
    expect(changes).toEqual([
      { id: "slo|2026-03-02", metricId: "slo", weekStart: "2026-03-02", value: 92, note: "two people on leave", expectedVersion: 1 },
    ]);
    expect(issues.get("slo|2026-02-23")?.[0].message).toMatch(/cannot be cleared/);
  });

  it("expects the newer version once the user chose to keep their value in a conflict", () => {
    const { changes } = run([["2026-03-02", { text: "93" }]], new Map([["slo|2026-03-02", 2]]));
    expect(changes[0].expectedVersion).toBe(2);
  });
});
