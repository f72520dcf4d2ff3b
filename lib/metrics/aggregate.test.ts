import { describe, expect, it } from "vitest";
import { aggregatePeriod, changePct, rollUp, targetStatus, type WeeklyPoint } from "./aggregate";

const week = (w: string, value: number | null, numerator: number | null = null, denominator: number | null = null): WeeklyPoint => ({
  week: w, value, numerator, denominator, teams: 1,
});

describe("aggregatePeriod", () => {
  it("recomputes a ratio from numerators and denominators, never averaging ratios", () => {
    // 1 failure of 2 deployments (50%), then 1 of 8 (12.5%): the month is 2/10 = 20%, not the 31.25% mean.
    const points = [week("2026-03-02", 50, 1, 2), week("2026-03-09", 12.5, 1, 8)];
    expect(aggregatePeriod(points, "RATIO", "percent")).toBeCloseTo(20, 10);
  });

  it("divides a flow by the average stock for rates (turnover = separations ÷ average headcount)", () => {
    // 2 separations over four weeks with week-end headcounts 100, 98, 98, 96 → 2 ÷ 98 × 100.
    const points = [week("2026-03-02", 1, 1, 100), week("2026-03-09", 1, 1, 98), week("2026-03-16", 0, 0, 98), week("2026-03-23", 0, 0, 96)];
    expect(aggregatePeriod(points, "RATE", "percent")).toBeCloseTo((2 / 98) * 100, 10);
  });

  it("sums, averages, takes medians and the last value", () => {
    const points = [week("2026-03-02", 4), week("2026-03-09", 1), week("2026-03-16", 10), week("2026-03-23", 3)];
    expect(aggregatePeriod(points, "SUM", "count")).toBe(18);
    expect(aggregatePeriod(points, "MEAN", "count")).toBe(4.5);
    expect(aggregatePeriod(points, "MEDIAN", "count")).toBe(3.5);
    expect(aggregatePeriod(points, "LAST", "count")).toBe(3);
  });

  it("leaves a week without both parts out of a ratio, rather than counting its missing numerator as zero", () => {
    // 1 of 2, then a week with a sample of 2 but no numerator: the ratio is 1/2, not 1/4.
    const points = [week("2026-03-02", 50, 1, 2), week("2026-03-09", 50, null, 2)];
    expect(aggregatePeriod(points, "RATIO", "percent")).toBeCloseTo(50, 10);
    expect(aggregatePeriod([week("2026-03-02", 40, null, 5), week("2026-03-09", 60, null, 5)], "RATIO", "percent")).toBe(50);
  });

  it("is empty rather than zero when there is nothing to divide by", () => {
    expect(aggregatePeriod([week("2026-03-02", null, 0, 0)], "RATIO", "percent")).toBeNull();
    expect(aggregatePeriod([], "SUM", "count")).toBeNull();
  });
});

describe("rollUp", () => {
  it("puts each week in the month that holds its Thursday and keeps empty periods", () => {
    // Week of Mon 2026-03-30 has Thursday 2026-04-02 → April.
    const points = [week("2026-03-23", 1), week("2026-03-30", 2), week("2026-04-06", 3)];
    const rolled = rollUp(points, ["2026-03-01", "2026-04-01", "2026-05-01"], "month", "SUM", "count");
    expect(rolled.map((p) => [p.period, p.value])).toEqual([["2026-03-01", 1], ["2026-04-01", 5], ["2026-05-01", null]]);
    expect(rolled[1].label).toBe("Apr 2026");
  });

  it("reports the respondents behind a ratio period as its sample", () => {
    const rolled = rollUp([week("2026-03-02", 5, 10, 2), week("2026-03-09", 5, 10, 2)], ["2026-03-01"], "month", "RATIO", "score");
    expect(rolled[0].denominator).toBe(4);
  });

  it("reports the latest week's sample behind a period that is not a ratio, and sums numerators of whole pairs only", () => {
    // A mean score over weeks answered by 6, then 8 people: the period rests on the latest 8, not 14.
    const mean = rollUp([week("2026-03-02", 7, null, 6), week("2026-03-09", 8, null, 8)], ["2026-03-01"], "month", "MEAN", "score");
    expect(mean[0]).toMatchObject({ value: 7.5, numerator: null, denominator: 8 });
    const ratio = rollUp([week("2026-03-02", 50, 1, 2), week("2026-03-09", 50, null, 2)], ["2026-03-01"], "month", "RATIO", "percent");
    expect(ratio[0].numerator).toBe(1);
  });

  it("keeps a ratio period's parts consistent with its value when a week lacks its numerator", () => {
    // The value is computed from the whole pair only (1 of 2 = 50 %); the parts must say 1 of 2, not 1 of 4.
    const ratio = rollUp([week("2026-03-02", 50, 1, 2), week("2026-03-09", 50, null, 2)], ["2026-03-01"], "month", "RATIO", "percent");
    expect(ratio[0]).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    const none = rollUp([week("2026-03-02", 40, null, 5)], ["2026-03-01"], "month", "RATIO", "percent");
    expect(none[0]).toMatchObject({ value: 40, numerator: null, denominator: null });
  });
});

describe("targetStatus", () => {
  it("respects the metric's direction", () => {
    expect(targetStatus(85, 80, 70, "HIGHER_IS_BETTER")).toBe("green");
    expect(targetStatus(75, 80, 70, "HIGHER_IS_BETTER")).toBe("amber");
    expect(targetStatus(60, 80, 70, "HIGHER_IS_BETTER")).toBe("red");
    expect(targetStatus(12, 15, 25, "LOWER_IS_BETTER")).toBe("green");
    expect(targetStatus(20, 15, 25, "LOWER_IS_BETTER")).toBe("amber");
    expect(targetStatus(30, 15, 25, "LOWER_IS_BETTER")).toBe("red");
  });

  it("counts a value exactly at a threshold as reaching it", () => {
    expect(targetStatus(80, 80, 70, "HIGHER_IS_BETTER")).toBe("green");
    expect(targetStatus(70, 80, 70, "HIGHER_IS_BETTER")).toBe("amber");
    expect(targetStatus(15, 15, 25, "LOWER_IS_BETTER")).toBe("green");
    expect(targetStatus(25, 15, 25, "LOWER_IS_BETTER")).toBe("amber");
  });
});

describe("changePct", () => {
  it("is relative to the magnitude of the previous value", () => {
    expect(changePct(-10, -20)).toBe(50);
    expect(changePct(110, 100)).toBeCloseTo(10, 10);
    expect(changePct(5, 0)).toBeNull();
  });
});
