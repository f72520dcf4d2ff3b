import { describe, expect, it } from "vitest";
import { deployDays, frequencyTier } from "./frequency";
import { deployment } from "./test-builders";

describe("frequencyTier", () => {
  it("applies the weekly thresholds first, then the monthly one", () => {
    expect(frequencyTier(5, 20)).toBe("on-demand");
    expect(frequencyTier(4.5, 20)).toBe("daily-weekly");
    expect(frequencyTier(1, 4)).toBe("daily-weekly");
    expect(frequencyTier(0.5, 2)).toBe("weekly-monthly");
    expect(frequencyTier(0, 1)).toBe("weekly-monthly");
    expect(frequencyTier(0, 0.5)).toBe("monthly-or-less");
    expect(frequencyTier(null, null)).toBe("monthly-or-less");
  });
});

describe("deployDays", () => {
  it("counts distinct local days per ISO week and per month, zero weeks and months included", () => {
    const deps = [
      deployment("a", "2026-03-02T09:00:00Z"),
      deployment("b", "2026-03-02T17:00:00Z"), // same day as a
      deployment("c", "2026-03-04T09:00:00Z"),
      deployment("f", "2026-03-05T09:00:00Z", { status: "failure" }),
      deployment("s", "2026-03-06T09:00:00Z", { environment: "staging" }),
      deployment("d", "2026-04-01T09:00:00Z"),
      deployment("out", "2026-04-20T09:00:00Z"), // after the range
    ];
    const days = deployDays(deps, "2026-03-01", "2026-04-05", "UTC");
    expect(Object.fromEntries(days.perWeek)).toEqual({
      "2026-02-23": 0,
      "2026-03-02": 2,
      "2026-03-09": 0,
      "2026-03-16": 0,
      "2026-03-23": 0,
      "2026-03-30": 1,
    });
    expect(Object.fromEntries(days.perMonth)).toEqual({ "2026-03-01": 2, "2026-04-01": 1 });
    expect(days.medianPerWeek).toBe(0);
    expect(days.medianPerMonth).toBe(1.5);
  });

  it("uses the organisation's time zone for the day and the week", () => {
    // Sunday 23:30 UTC is Monday 00:30 in Berlin: a new day and a new ISO week.
    const deps = [deployment("late", "2026-03-01T23:30:00Z")];
    expect(Object.fromEntries(deployDays(deps, "2026-02-23", "2026-03-08", "UTC").perWeek)).toEqual({ "2026-02-23": 1, "2026-03-02": 0 });
    expect(Object.fromEntries(deployDays(deps, "2026-02-23", "2026-03-08", "Europe/Berlin").perWeek)).toEqual({ "2026-02-23": 0, "2026-03-02": 1 });
  });
});
