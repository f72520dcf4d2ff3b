import { describe, expect, it } from "vitest";
import { computeFlowSummary } from "./summary";
import { item } from "./test-builders";

/** Week Mon 2026-03-02 … Sun 2026-03-08 (UTC), worked by hand. */
const items = [
  item("f1", "feature", [["In Progress", "2026-03-02T00:00:00Z"], ["Done", "2026-03-04T00:00:00Z"]]), // flow 2, active 2
  item("f2", "feature", [
    ["In Progress", "2026-03-02T00:00:00Z"],
    ["Blocked", "2026-03-03T00:00:00Z"],
    ["In Progress", "2026-03-05T00:00:00Z"],
    ["Done", "2026-03-06T00:00:00Z"],
  ]), // flow 4, active 2
  item("d1", "defect", [["In Progress", "2026-03-05T00:00:00Z"], ["Done", "2026-03-05T12:00:00Z"]]), // flow 0.5, active 0.5
  item("r1", "risk", [["To Do", "2026-02-20T00:00:00Z"], ["In Progress", "2026-02-27T00:00:00Z"], ["Done", "2026-03-07T00:00:00Z"]]), // flow 8, active 8
  item("debt-open", "debt", [["In Progress", "2026-03-06T00:00:00Z"]]), // load
  item("debt-before", "debt", [["In Progress", "2026-02-25T00:00:00Z"], ["Done", "2026-03-01T00:00:00Z"]]), // finished before
  item("f-after", "feature", [["In Progress", "2026-03-08T12:00:00Z"], ["Done", "2026-03-09T00:00:00Z"]]), // load: finished after
  item("f-backlog", "feature", [["Backlog", "2026-03-02T00:00:00Z"]]),
  item("f-later", "feature", [["In Progress", "2026-03-10T00:00:00Z"]]),
];

describe("computeFlowSummary", () => {
  const s = computeFlowSummary({ items, from: "2026-03-02", to: "2026-03-08", timeZone: "UTC" });

  it("counts velocity per type and flow time in days", () => {
    expect(s.velocity).toEqual({ total: 4, byType: { feature: 2, defect: 1, risk: 1, debt: 0 } });
    // [0.5, 2, 4, 8]: median 3; p85 rank 2.55 → 4 + 0.55 × 4 = 6.2.
    expect(s.flowTime.medianDays).toBe(3);
    expect(s.flowTime.p85Days).toBeCloseTo(6.2, 10);
    expect(s.flowTime.count).toBe(4);
  });

  it("computes efficiency as a ratio of sums", () => {
    expect(s.efficiency.activeDays).toBe(12.5);
    expect(s.efficiency.flowDays).toBe(14.5);
    expect(s.efficiency.rate).toBeCloseTo(12.5 / 14.5, 12);
  });

  it("counts load at the end of the period", () => {
    expect(s.load).toEqual({ total: 2, byType: { feature: 1, defect: 0, risk: 0, debt: 1 } });
  });

  it("reports distribution and investment allocation that sum to 100%", () => {
    expect(s.distribution.shares).toEqual({ feature: 0.5, defect: 0.25, risk: 0.25, debt: 0 });
    expect(s.distribution.percentages).toEqual({ feature: 50, defect: 25, risk: 25, debt: 0 });
    expect(s.allocation.counts).toEqual({ newCapability: 2, ktlo: 2, techDebt: 0 });
    expect(s.allocation.percentages).toEqual({ newCapability: 50, ktlo: 50, techDebt: 0 });
  });

  it("is empty, not zero, when nothing finished", () => {
    const empty = computeFlowSummary({ items, from: "2026-01-05", to: "2026-01-11", timeZone: "UTC" });
    expect(empty.flowTime.medianDays).toBeNull();
    expect(empty.efficiency.rate).toBeNull();
    expect(empty.distribution.shares.feature).toBeNull();
    expect(empty.distribution.percentages).toEqual({ feature: 0, defect: 0, risk: 0, debt: 0 });
  });
});
