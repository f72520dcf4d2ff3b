import { describe, expect, it } from "vitest";
import { weeksBetween } from "@/lib/domain/time";
import type { WeeklyPoint } from "@/lib/metrics/aggregate";
import { annualisedRollingRate } from "./annualised";

const point = (week: string, separations: number, headcount: number): WeeklyPoint => ({
  week, value: (separations / headcount) * 100, numerator: separations, denominator: headcount, teams: 1,
});

// 2026: weeks whose Thursday falls in 2026 run from Mon 29 Dec 2025 to Mon 28 Dec 2026.
const year = weeksBetween("2025-12-29", "2026-12-28");

describe("annualisedRollingRate", () => {
  it("sums the monthly rates of the last 12 months (separations ÷ average headcount)", () => {
    // 100 people all year; one leaver in the week starting on a month's first seven days → 1% a month → 12% a year.
    const points = year.map((w) => point(w, Number(w.slice(8)) <= 7 ? 1 : 0, 100));
    const rate = annualisedRollingRate(points, "2026-12-28");
    expect(rate.value).toBeCloseTo(12, 10);
    expect(rate.weeks).toHaveLength(year.length);
  });

  it("uses the average of the week-end headcounts as each month's denominator", () => {
    // January 2026 (weeks of 29 Dec … 26 Jan): headcount 90, 100, 110, 100 and two leavers → 2 ÷ 100; nothing else.
    const jan = ["2025-12-29", "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"];
    const points = [point(jan[0], 0, 90), point(jan[1], 1, 100), point(jan[2], 0, 110), point(jan[3], 1, 100), point(jan[4], 0, 100)];
    // Only January is covered (one month): 2% × 12 ÷ 1.
    expect(annualisedRollingRate(points, "2026-01-26").value).toBeCloseTo(((2 / 100) * 100 * 12) / 1, 10);
  });

  it("scales a shorter history, and a month still under way, to 12 months", () => {
    // Three complete months of 1 leaver in 100 each (1% a month) → 12% a year, not 3%.
    const three = weeksBetween("2025-12-29", "2026-03-23");
    const points = three.map((w) => point(w, ["2026-01-05", "2026-02-02", "2026-03-02"].includes(w) ? 1 : 0, 100));
    expect(annualisedRollingRate(points, "2026-03-23").value).toBeCloseTo(12, 10);
    // Half-way through March (2 of its 4 weeks) with its leaver already gone: 3% over 2.5 months → 14.4%.
    expect(annualisedRollingRate(points, "2026-03-09").value).toBeCloseTo((3 * 12) / 2.5, 10);
  });

  it("keeps only the 12 months to the week, and none of the weeks after it", () => {
    const twoYears = weeksBetween("2024-12-30", "2026-12-28");
    const points = twoYears.map((w) => point(w, w < "2025-12-29" ? 5 : 0, 100));
    expect(annualisedRollingRate(points, "2026-12-28").value).toBe(0);
    expect(annualisedRollingRate(points, "2026-12-28").weeks.every((w) => w >= "2025-12-29")).toBe(true);
    expect(annualisedRollingRate(points, "2025-06-30").weeks.every((w) => w <= "2025-06-30")).toBe(true);
  });

  it("is empty without data and adds nothing for a month with no headcount", () => {
    expect(annualisedRollingRate([], "2026-03-02").value).toBeNull();
    const points = [point("2026-01-05", 0, 0), point("2026-02-02", 1, 50)];
    // January has no headcount (adds nothing, still covered for 1 of its 4 weeks); February 2%.
    expect(annualisedRollingRate(points, "2026-02-02").value).toBeCloseTo((2 * 12) / (1 / 5 + 1 / 4), 10);
  });
});
