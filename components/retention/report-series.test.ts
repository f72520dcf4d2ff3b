import { describe, expect, it } from "vitest";
import { RETENTION_EXPLANATIONS } from "@/lib/retention/explanations";
import type { RetentionReport } from "@/lib/retention/api-types";
import type { RetentionNumbers } from "@/lib/retention/report-core";
import { RETENTION_CARDS, rowsForPeriod, seriesFor } from "./report-series";

const numbers = (turnoverRate: number): RetentionNumbers =>
  ({ turnoverRate } as Partial<RetentionNumbers> as RetentionNumbers);

const report: RetentionReport = {
  segment: "team", period: "month", from: "2026-01-01", to: "2026-03-31", asOf: "2026-03-31", threshold: 5, filter: null,
  periods: [
    { start: "2026-01-01", end: "2026-01-31", label: "Jan 2026", complete: true },
    { start: "2026-02-01", end: "2026-02-28", label: "Feb 2026", complete: true },
    { start: "2026-03-01", end: "2026-03-31", label: "Mar 2026", complete: true },
  ],
  segments: [{ key: "org", label: "Whole organisation" }, { key: "t1", label: "Alpha" }, { key: "t2", label: "Beta" }],
  rows: [
    { segment: "t2", label: "Beta", period: "2026-03-01", periodLabel: "Mar 2026", suppressed: "differencing" },
    { segment: "t1", label: "Alpha", period: "2026-01-01", periodLabel: "Jan 2026", suppressed: null, metrics: numbers(4) },
    { segment: "t1", label: "Alpha", period: "2026-02-01", periodLabel: "Feb 2026", suppressed: "too-few" },
    { segment: "t1", label: "Alpha", period: "2026-03-01", periodLabel: "Mar 2026", suppressed: null, metrics: numbers(10) },
    { segment: "org", label: "Whole organisation", period: "2026-03-01", periodLabel: "Mar 2026", suppressed: null, metrics: numbers(6) },
  ],
  cohorts: [],
  explanations: RETENTION_EXPLANATIONS,
};
const turnover = RETENTION_CARDS.find((c) => c.key === "turnoverRate");

describe("seriesFor", () => {
  it("turns suppressed periods into withheld points without numbers and compares shown ones", () => {
    const s = seriesFor(report, "t1", turnover as (typeof RETENTION_CARDS)[number]);
    expect(s.points.map((p) => [p.label, p.value, p.withheld ?? null])).toEqual([
      ["Jan 2026", 4, null],
      ["Feb 2026", null, "too-few"],
      ["Mar 2026", 10, null],
    ]);
    expect(s.changePct).toBeCloseTo(150, 10); // 4 → 10
    expect(s.metric.howComputed).toBe(RETENTION_EXPLANATIONS.turnover_rate);
  });
});

describe("rowsForPeriod", () => {
  it("lists the organisation first, then segment values in report order", () => {
    expect(rowsForPeriod(report, "2026-03-01").map((r) => r.label)).toEqual(["Whole organisation", "Alpha", "Beta"]);
  });
});
