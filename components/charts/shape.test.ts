import { describe, expect, it } from "vitest";
import type { MetricSeries, SeriesPoint } from "@/lib/metrics/series-types";
import {
  describePoint,
  latestState,
  markerIndex,
  soFarState,
  summarizeSeries,
  ticksOf,
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

const USD = { currency: "USD" };

const week = (period: string, label: string, value: number | null, withheld?: SeriesPoint["withheld"]): SeriesPoint => ({
  period,
  label,
  value,
  teams: 3,
  ...(withheld ? { withheld } : {}),
});

describe("describePoint and latestState", () => {
  it("never shows a number for a withheld point", () => {
    expect(describePoint(week("2026-01-05", "2026-W02", null, "too-few"), "score", USD)).toBe("Too few people to show");
    expect(describePoint(week("2026-01-05", "2026-W02", null, "differencing"), "score", USD)).toBe("Withheld to protect anonymity");
    expect(describePoint(week("2026-01-05", "2026-W02", null), "score", USD)).toBe("No data");
    expect(describePoint(week("2026-01-05", "2026-W02", 6.1), "score", USD)).toBe("6.10");
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
    const data = toChartData(series(points), USD);
    expect(data.labels).toEqual(["W02", "W03", "W04", "W05"]);
    expect(data.values).toEqual([200, null, null, 45]);
    expect(data.target).toBeNull();
    expect(data.rows).toEqual([
      { label: "W02", text: "3.3 h", target: null },
      { label: "W03", text: "No data", target: null },
      { label: "W04", text: "Withheld to protect anonymity", target: null },
      { label: "W05", text: "45 min", target: null },
    ]);
  });

  it("draws a target line only when some period has a target", () => {
    const data = toChartData(series(points, { targetLine: [null, 60, 60, 60] }), USD);
    expect(data.target).toEqual([null, 60, 60, 60]);
    expect(data.rows[1].target).toBe("60 min");
  });
});

describe("summarizeSeries", () => {
  it("states span, latest, extremes and withheld periods", () => {
    const s = series([week("2026-01-05", "2026-W02", 200), week("2026-01-12", "2026-W03", null, "too-few"), week("2026-01-19", "2026-W04", 45)]);
    expect(summarizeSeries(s, USD)).toBe(
      "Change lead time trend from 2026-W02 to 2026-W04. Latest 45 min (2026-W04). Lowest 45 min, highest 3.3 h. 1 period withheld for anonymity.",
    );
  });

  it("says when there is nothing to show", () => {
    expect(summarizeSeries(series([week("2026-01-05", "W02", null)]), USD)).toBe("Change lead time: no values in this range.");
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

describe("a period still running", () => {
  const points: SeriesPoint[] = [
    { period: "2026-10-01", label: "Oct 2026", value: 560, teams: 3 },
    { period: "2026-11-01", label: "Nov 2026", value: 556, teams: 3 },
    { period: "2026-12-01", label: "Dec 2026", value: 133, teams: 3, soFar: true },
  ];

  it("is never the headline, and is shown apart as 'so far'", () => {
    expect(latestState(series(points))).toEqual({ kind: "value", value: 556, label: "Nov 2026" });
    expect(soFarState(series(points))).toEqual({ value: 133, label: "Dec 2026" });
    expect(soFarState(series(points.slice(0, 2)))).toBeNull();
  });

  it("is labelled on the chart and in its data table", () => {
    const chart = toChartData(series(points), USD);
    expect(chart.labels.at(-1)).toBe("Dec 2026 (so far)");
    expect(chart.soFar).toEqual([false, false, true]);
    expect(chart.rows.at(-1)?.label).toBe("Dec 2026 (so far)");
    // On the axis, "(so far)" goes on a second line: the tick is no wider than the others.
    expect([0, 1, 2].map(ticksOf(points))).toEqual(["Oct 2026", "Nov 2026", ["Dec 2026", "(so far)"]]);
    expect(summarizeSeries(series(points), USD)).toContain("Latest 9.3 h (Nov 2026). Lowest 9.3 h, highest 9.3 h. Dec 2026 so far: 2.2 h.");
  });
});
