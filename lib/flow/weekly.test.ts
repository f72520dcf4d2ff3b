import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/time";
import { flowOfPeriod, localTimelines } from "./summary";
import { item } from "./test-builders";
import { FLOW_TYPES } from "./types";
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

describe("computeFlowWeekly against the per-period definition", () => {
  const STATUSES = ["To Do", "In Progress", "In Review", "Blocked", "Done", "Closed"];
  const DAY = 86_400_000;
  const START = Date.UTC(2026, 0, 5);
  const arbItem = fc.record({
    type: fc.constantFrom(...FLOW_TYPES),
    steps: fc.array(fc.record({ status: fc.constantFrom(...STATUSES), gap: fc.integer({ min: 0, max: 20 * DAY }) }), { minLength: 0, maxLength: 6 }),
    offset: fc.integer({ min: 0, max: 120 * DAY }),
  });

  it("gives every week exactly what flowOfPeriod gives for that week", () => {
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 40 }), fc.constantFrom("UTC", "Europe/Berlin", "Asia/Kathmandu"), (specs, timeZone) => {
        const items = specs.map((s, i) => {
          let at = START + s.offset;
          return item(`w${i}`, s.type, s.steps.map((step) => [step.status, new Date((at += step.gap)).toISOString()] as [string, string]));
        });
        const fromWeek = "2026-01-05";
        const toWeek = "2026-06-29";
        const weekly = computeFlowWeekly({ items, fromWeek, toWeek, timeZone });
        const timelines = localTimelines({ items, timeZone });
        expect(weekly.length).toBe(26);
        for (const w of weekly) {
          const p = flowOfPeriod(timelines, w.weekStart, addDays(w.weekStart, 6));
          expect(w).toEqual({
            weekStart: w.weekStart,
            velocity: p.velocity.total,
            velocityByType: p.velocity.byType,
            flowTimeMedianDays: p.flowTime.medianDays,
            flowTimeP85Days: p.flowTime.p85Days,
            flowTimeCount: p.flowTime.count,
            activeDays: p.efficiency.activeDays,
            flowDays: p.efficiency.flowDays,
            efficiency: p.efficiency.rate,
            load: p.load.total,
          });
        }
      }),
      { numRuns: 300, seed: 11 },
    );
    // 300 histories take ~2 s alone; a busy 2-core machine can take several times that.
  }, 30_000);
});
