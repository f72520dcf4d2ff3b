import { describe, expect, it } from "vitest";
import { budgetPace, shareOfYearElapsed } from "./budget";

describe("shareOfYearElapsed", () => {
  it("counts today as elapsed and is 0 before and 1 after the year", () => {
    expect(shareOfYearElapsed(2026, "2025-12-31")).toBe(0);
    expect(shareOfYearElapsed(2026, "2026-01-01")).toBeCloseTo(1 / 365);
    expect(shareOfYearElapsed(2026, "2026-12-31")).toBe(1);
    expect(shareOfYearElapsed(2026, "2027-03-01")).toBe(1);
  });

  it("uses the year's own length", () => {
    expect(shareOfYearElapsed(2028, "2028-07-01")).toBeCloseTo(183 / 366);
  });
});

describe("budgetPace", () => {
  it("compares spend with the budget spread evenly over the year", () => {
    const mid = budgetPace(12_000, 6_000, 2026, "2026-07-02");
    expect(mid.status).toBe("on-pace");
    expect(mid.percentSpent).toBe(50);
    expect(mid.expectedByNow).toBeCloseTo((12_000 * 183) / 365);
  });

  it("says ahead, behind and over", () => {
    expect(budgetPace(12_000, 9_000, 2026, "2026-07-02").status).toBe("ahead-of-pace");
    expect(budgetPace(12_000, 2_000, 2026, "2026-07-02").status).toBe("under-pace");
    expect(budgetPace(12_000, 12_500, 2026, "2026-07-02").status).toBe("over-budget");
  });

  it("holds a past year to its whole budget and a missing budget to nothing", () => {
    expect(budgetPace(10_000, 10_000, 2025, "2026-12-05")).toMatchObject({ expectedByNow: 10_000, status: "on-pace" });
    expect(budgetPace(null, 500, 2026, "2026-12-05")).toEqual({ percentSpent: null, expectedByNow: null, status: "no-budget" });
  });
});
