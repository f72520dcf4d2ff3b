import { describe, expect, it } from "vitest";
import { item } from "./test-builders";
import { computeFlowWeekly } from "./weekly";

describe("computeFlowWeekly", () => {
  const items = [
    // Finishes Sunday 23:30 UTC = Monday 00:30 in Berlin.
    item("late", "feature", [["In Progress", "2026-02-27T23:30:00Z"], ["Done", "2026-03-01T23:30:00Z"]]),
    item("open", "debt", [["In Progress", "2026-02-24T00:00:00Z"]]),
  ];

  it("buckets finishes by ISO week in the org time zone and measures load at each week's end", () => {
    const utc = computeFlowWeekly({ items, fromWeek: "2026-02-23", toWeek: "2026-03-02", timeZone: "UTC" });
    expect(utc.map((w) => [w.weekStart, w.velocity, w.load])).toEqual([
      ["2026-02-23", 1, 1],
      ["2026-03-02", 0, 1],
    ]);
    const berlin = computeFlowWeekly({ items, fromWeek: "2026-02-23", toWeek: "2026-03-02", timeZone: "Europe/Berlin" });
    expect(berlin.map((w) => [w.weekStart, w.velocity, w.load])).toEqual([
      ["2026-02-23", 0, 2],
      ["2026-03-02", 1, 1],
    ]);
    expect(berlin[1]).toMatchObject({
      velocityByType: { feature: 1, defect: 0, risk: 0, debt: 0 },
      flowTimeMedianDays: 2,
      flowTimeCount: 1,
      activeDays: 2,
      flowDays: 2,
      efficiency: 1,
    });
    expect(berlin[0]).toMatchObject({ flowTimeMedianDays: null, efficiency: null, activeDays: 0, flowDays: 0 });
  });
});
