import { describe, expect, it } from "vitest";
import type { MetricSeries, SeriesPoint } from "@/lib/metrics/series-types";
import {
  changeTone,
  describePoint,
  formatChange,
  formatMinutes,
  formatTick,
  formatValue,
  latestState,
  markerIndex,
  summarizeSeries,
  toChartData,
} from "./shape";

function series(points: SeriesPoint[], overrides: Partial<MetricSeries> = {}): MetricSeries {
  return {
    metric: {
      key: "lead_time",
      name: "Change lead time",
      pillar: "QUALITY",
      unit: "minutes",
      direction: "LOWER_IS_BETTER",
      aggregation: "MEDIAN",
      sensitivity: "NONE",
      source: "COMPUTED",
      howComputed: "First commit to production.",
    },
    points,
    latest: null,
    previous: null,
    changePct: null,
    target: null,
    targetLine: points.map(() => null),
    incomplete: false,
    ...overrides,
  };
}

const week = (period: string, label: string, value: number | null, withheld?: SeriesPoint["withheld"]): SeriesPoint => ({
  period,
  label,
  value,
  teams: 3,
  ...(withheld ? { withheld } : {}),
});

describe("formatMinutes", () => {
  it("shows the two largest units", () => {
    expect(formatMinutes(0)).toBe("0m");
    expect(formatMinutes(45)).toBe("45m");
    expect(formatMinutes(200)).toBe("3h 20m"); // 3 × 60 + 20
    expect(formatMinutes(180)).toBe("3h");
    expect(formatMinutes(3120)).toBe("2d 4h"); // 2 × 1440 + 4 × 60
    expect(formatMinutes(2880)).toBe("2d");
  });

  it("rounds fractional minutes and carries 24 hours into a day", () => {
    expect(formatMinutes(59.6)).toBe("1h");
    expect(formatMinutes(2850)).toBe("2d"); // 1d + 1410m → 23.5h rounds to 24h → 2d
    expect(formatMinutes(1500)).toBe("1d 1h");
  });
});

describe("formatValue", () => {
  it("formats each unit", () => {
    expect(formatValue(12.5, "percent")).toBe("12.5%");
    expect(formatValue(40, "percent")).toBe("40%");
    expect(formatValue(33.333, "percent")).toBe("33.3%");
    expect(formatValue(5.4321, "score")).toBe("5.43");
    expect(formatValue(-12, "score")).toBe("-12.00");
    expect(formatValue(4.55, "days")).toBe("4.6 days");
    expect(formatValue(1, "days")).toBe("1 day");
    expect(formatValue(812.4, "days")).toBe("812 days");
    expect(formatValue(3.5, "hours")).toBe("3.5 hours");
    expect(formatValue(1234, "people")).toBe("1,234");
    expect(formatValue(7.25, "count")).toBe("7.3");
    expect(formatValue(200, "minutes")).toBe("3h 20m");
  });

  it("formats money whole, and large sums compactly", () => {
    expect(formatValue(12345.6, "currency")).toBe("$12,346");
    expect(formatValue(1_254_000, "currency")).toBe("$1.25M");
    expect(formatValue(2500, "currency", { currency: "EUR" })).toBe("€2,500");
  });
});

describe("formatTick", () => {
  it("drops score decimals on axes but keeps other units as on cards", () => {
    expect(formatTick(30, "score")).toBe("30");
    expect(formatTick(5.5, "score")).toBe("5.5");
    expect(formatTick(4320, "minutes")).toBe("3d");
  });
});

describe("formatChange and changeTone", () => {
  it("signs the change", () => {
    expect(formatChange(12.54)).toBe("+12.5%");
    expect(formatChange(-3.21)).toBe("-3.2%");
    expect(formatChange(0)).toBe("0%");
  });

  it("judges by the metric's direction", () => {
    expect(changeTone(10, "HIGHER_IS_BETTER")).toBe("good");
    expect(changeTone(-10, "HIGHER_IS_BETTER")).toBe("bad");
    expect(changeTone(-10, "LOWER_IS_BETTER")).toBe("good");
    expect(changeTone(10, "LOWER_IS_BETTER")).toBe("bad");
    expect(changeTone(10, "NEUTRAL")).toBe("neutral");
    expect(changeTone(0, "HIGHER_IS_BETTER")).toBe("neutral");
    expect(changeTone(null, "LOWER_IS_BETTER")).toBe("neutral");
  });
});

describe("describePoint and latestState", () => {
  it("never shows a number for a withheld point", () => {
    expect(describePoint(week("2026-01-05", "2026-W02", null, "too-few"), "score")).toBe("Too few people to show");
    expect(describePoint(week("2026-01-05", "2026-W02", null, "differencing"), "score")).toBe("Withheld to protect anonymity");
    expect(describePoint(week("2026-01-05", "2026-W02", null), "score")).toBe("No data");
    expect(describePoint(week("2026-01-05", "2026-W02", 6.1), "score")).toBe("6.10");
  });

  it("reports a withheld latest period even when older values exist", () => {
    const s = series([week("2026-01-05", "W02", 120), week("2026-01-12", "W03", null, "too-few"), week("2026-01-19", "W04", null)]);
    expect(latestState(s)).toEqual({ kind: "withheld", reason: "too-few", label: "W03" });
  });

  it("skips empty trailing periods to the last value", () => {
    const s = series([week("2026-01-05", "W02", 120), week("2026-01-12", "W03", null)]);
    expect(latestState(s)).toEqual({ kind: "value", value: 120, label: "W02" });
    expect(latestState(series([week("2026-01-05", "W02", null)]))).toEqual({ kind: "none" });
  });
});

describe("toChartData", () => {
  const points = [week("2026-01-05", "W02", 200), week("2026-01-12", "W03", null), week("2026-01-19", "W04", null, "differencing"), week("2026-01-26", "W05", 45)];

  it("keeps gaps as null and labels every period", () => {
    const data = toChartData(series(points));
    expect(data.labels).toEqual(["W02", "W03", "W04", "W05"]);
    expect(data.values).toEqual([200, null, null, 45]);
    expect(data.target).toBeNull();
    expect(data.rows).toEqual([
      { label: "W02", text: "3h 20m", target: null },
      { label: "W03", text: "No data", target: null },
      { label: "W04", text: "Withheld to protect anonymity", target: null },
      { label: "W05", text: "45m", target: null },
    ]);
  });

  it("draws a target line only when some period has a target", () => {
    const data = toChartData(series(points, { targetLine: [null, 60, 60, 60] }));
    expect(data.target).toEqual([null, 60, 60, 60]);
    expect(data.rows[1].target).toBe("1h");
  });
});

describe("summarizeSeries", () => {
  it("states span, latest, extremes and withheld periods", () => {
    const s = series([week("2026-01-05", "2026-W02", 200), week("2026-01-12", "2026-W03", null, "too-few"), week("2026-01-19", "2026-W04", 45)]);
    expect(summarizeSeries(s)).toBe(
      "Change lead time trend from 2026-W02 to 2026-W04. Latest 45m (2026-W04). Lowest 45m, highest 3h 20m. 1 period withheld for anonymity.",
    );
  });

  it("says when there is nothing to show", () => {
    expect(summarizeSeries(series([week("2026-01-05", "W02", null)]))).toBe("Change lead time: no values in this range.");
  });
});

describe("markerIndex", () => {
  const weeks = [{ period: "2026-01-05" }, { period: "2026-01-12" }, { period: "2026-01-19" }];

  it("finds the period containing the date", () => {
    expect(markerIndex(weeks, "2026-01-05")).toBe(0);
    expect(markerIndex(weeks, "2026-01-14")).toBe(1);
    expect(markerIndex(weeks, "2026-01-25")).toBe(2); // last week runs to the 25th
  });

  it("ignores dates outside the range", () => {
    expect(markerIndex(weeks, "2026-01-04")).toBeNull();
    expect(markerIndex(weeks, "2026-01-26")).toBeNull();
    expect(markerIndex(weeks, "not a date")).toBeNull();
    expect(markerIndex([], "2026-01-05")).toBeNull();
  });
});
