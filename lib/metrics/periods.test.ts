import { describe, expect, it } from "vitest";
import { addDays, daysBetween, weeksBetween } from "@/lib/domain/time";
import { metricChange, rollUp, type WeeklyPoint } from "./aggregate";
import { isDayWeighted, isPeriodComplete, periodLastDay, weekShares } from "./periods";

const flat = (weeks: string[], value: number): WeeklyPoint[] => weeks.map((week) => ({ week, value, numerator: null, denominator: null, teams: 1 }));
const MONTHS_2026 = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}-01`);

describe("periodLastDay and isPeriodComplete", () => {
  it("knows the last day of weeks, months (leap years too) and quarters", () => {
    expect(periodLastDay("2026-11-30", "week")).toBe("2026-12-06");
    expect(periodLastDay("2028-02-01", "month")).toBe("2028-02-29");
    expect(periodLastDay("2026-10-01", "quarter")).toBe("2026-12-31");
    expect(periodLastDay("2026-01-01", "year")).toBe("2026-12-31");
  });

  it("calls a period complete only once the week holding its last day is over", () => {
    // Saturday 5 Dec 2026, week of Monday 30 Nov: December and Q4 are running, and so is November, whose last
    // day (Monday 30 Nov) is in the running week; October and the week of 23 Nov are over.
    const currentWeek = "2026-11-30";
    expect(isPeriodComplete("2026-12-01", "month", currentWeek)).toBe(false);
    expect(isPeriodComplete("2026-11-01", "month", currentWeek)).toBe(false);
    expect(isPeriodComplete("2026-10-01", "month", currentWeek)).toBe(true);
    expect(isPeriodComplete("2026-10-01", "quarter", currentWeek)).toBe(false);
    expect(isPeriodComplete("2026-07-01", "quarter", currentWeek)).toBe(true);
    expect(isPeriodComplete("2026-11-30", "week", currentWeek)).toBe(false);
    expect(isPeriodComplete("2026-11-23", "week", currentWeek)).toBe(true);
    // From Monday 7 Dec, November is complete.
    expect(isPeriodComplete("2026-11-01", "month", "2026-12-07")).toBe(true);
  });
});

describe("weekShares", () => {
  it("splits a week that straddles two months by its days", () => {
    // Mon 29 Jun – Sun 5 Jul 2026: two days in June, five in July.
    expect(weekShares("2026-06-29", "month")).toEqual([{ period: "2026-06-01", share: 2 / 7 }, { period: "2026-07-01", share: 5 / 7 }]);
    expect(weekShares("2026-06-29", "quarter")).toEqual([{ period: "2026-04-01", share: 2 / 7 }, { period: "2026-07-01", share: 5 / 7 }]);
    expect(weekShares("2026-06-08", "month")).toEqual([{ period: "2026-06-01", share: 1 }]);
  });

  it("only shares flows entered per week", () => {
    expect(isDayWeighted("SUM", "WEEKLY")).toBe(true);
    expect(isDayWeighted("SUM", "MONTHLY")).toBe(false);
    expect(isDayWeighted("RATIO", "WEEKLY")).toBe(false);
  });
});

describe("calendar roll-up of a weekly flow", () => {
  // Every week touching 2026: Mon 29 Dec 2025 … Mon 28 Dec 2026.
  const weeks = weeksBetween("2025-12-29", "2026-12-28");

  it("rolls a flat weekly flow to months proportional to their days", () => {
    const rolled = rollUp(flat(weeks, 7000), MONTHS_2026, "month", "SUM", "currency", { dayWeighted: true });
    for (const m of rolled) {
      const days = daysBetween(m.period, addDays(periodLastDay(m.period, "month"), 1));
      expect(m.value).toBeCloseTo(1000 * days, 6);
    }
    // July and August (31 days each) are equal although July holds five ISO Thursdays of 2026 and August four.
    expect(rolled[6].value).toBeCloseTo(rolled[7].value as number, 6);
    expect(rolled.reduce((n, m) => n + (m.value as number), 0)).toBeCloseTo(365_000, 6);
  });

  it("without day-weighting a five-week month jumps by a quarter (the ISO Thursday rule)", () => {
    const rolled = rollUp(flat(weeks, 7000), MONTHS_2026, "month", "SUM", "currency");
    const values = rolled.map((m) => m.value as number);
    expect(Math.max(...values) / Math.min(...values)).toBeCloseTo(5 / 4, 6);
  });

  it("rolls a flat weekly flow to quarters proportional to their days", () => {
    const rolled = rollUp(flat(weeks, 7), ["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"], "quarter", "SUM", "count", { dayWeighted: true });
    expect(rolled.map((q) => Math.round((q.value as number) * 1e6) / 1e6)).toEqual([90, 91, 92, 92]);
  });

  it("counts a partial period by the days it has data for, and lists every week it rests on", () => {
    // Only the straddling week of 29 Jun 2026 has a value: June gets 2/7, July 5/7.
    const rolled = rollUp(flat(["2026-06-29"], 70), ["2026-06-01", "2026-07-01", "2026-08-01"], "month", "SUM", "count", { dayWeighted: true });
    expect(rolled.map((m) => m.value)).toEqual([20, 50, null]);
    expect(rolled[0].weeks).toEqual(["2026-06-29"]);
    expect(rolled[1].weeks).toEqual(["2026-06-29"]);
  });

  it("leaves weekly periods and non-sum rules whole", () => {
    const points = flat(["2026-06-29"], 70);
    expect(rollUp(points, ["2026-06-29"], "week", "SUM", "count", { dayWeighted: true })[0].value).toBe(70);
    expect(rollUp(points, ["2026-06-01", "2026-07-01"], "month", "MEAN", "count", { dayWeighted: true }).map((m) => m.value)).toEqual([null, 70]);
  });
});

describe("changes from a zero baseline", () => {
  it("are absolute, not 'no earlier period'", () => {
    expect(metricChange("count", 12, 0)).toEqual({ kind: "absolute", amount: 12, difference: 12 });
    expect(metricChange("percent", 2.5, 0)).toEqual({ kind: "pp", amount: 2.5, difference: 2.5 });
    expect(metricChange("count", 0, 0)).toEqual({ kind: "absolute", amount: 0, difference: 0 });
  });
});
