import { describe, expect, it } from "vitest";
import { gridCell, improvingOf, trendOf } from "./status-grid";
import type { MetricSeries } from "./series-types";

function series(overrides: Partial<MetricSeries> & { direction?: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER" | "NEUTRAL" } = {}): MetricSeries {
  const { direction = "HIGHER_IS_BETTER", ...rest } = overrides;
  return {
    metric: { key: "deployments", name: "Deployments", pillar: "QUALITY", unit: "count", direction, aggregation: "SUM", sensitivity: "NONE", source: "COMPUTED", howComputed: "" },
    points: [],
    latest: { period: "2026-11-23", label: "2026-W48", value: 12 },
    previous: { period: "2026-11-16", label: "2026-W47", value: 10 },
    changePct: 20,
    target: { green: 10, amber: 5, status: "green", scope: "ORG" },
    targetLine: [],
    incomplete: false,
    ...rest,
  };
}

describe("trendOf", () => {
  it("reads moves under 1% as flat, and any move from 0 as a move", () => {
    expect(trendOf(100.5, 100)).toBe("flat");
    expect(trendOf(102, 100)).toBe("up");
    expect(trendOf(-3, -2)).toBe("down");
    expect(trendOf(0, 0)).toBe("flat");
    expect(trendOf(1, 0)).toBe("up");
  });
});

describe("improvingOf", () => {
  it("follows the metric's direction", () => {
    expect(improvingOf("up", "HIGHER_IS_BETTER")).toBe(true);
    expect(improvingOf("up", "LOWER_IS_BETTER")).toBe(false);
    expect(improvingOf("down", "LOWER_IS_BETTER")).toBe(true);
    expect(improvingOf("down", "NEUTRAL")).toBeNull();
    expect(improvingOf("flat", "HIGHER_IS_BETTER")).toBeNull();
  });
});

describe("gridCell", () => {
  it("carries the headline value, its period, the target status and the trend", () => {
    expect(gridCell(series())).toEqual({
      metricKey: "deployments", value: 12, period: "2026-11-23", label: "2026-W48", status: "green", trend: "up", improving: true, previous: 10,
    });
  });

  it("reads a rising lower-is-better metric as worsening", () => {
    expect(gridCell(series({ direction: "LOWER_IS_BETTER" }))).toMatchObject({ trend: "up", improving: false });
  });

  it("has no trend without an earlier value and no status without a target", () => {
    expect(gridCell(series({ previous: null, target: null }))).toMatchObject({ value: 12, trend: null, improving: null, status: null });
  });

  it("says why a withheld cell is empty and carries no number", () => {
    const cell = gridCell(
      series({
        latest: null,
        previous: null,
        points: [
          { period: "2026-11-16", label: "2026-W47", value: null, withheld: "too-few", teams: 1 },
          { period: "2026-11-23", label: "2026-W48", value: null, teams: 0 },
          { period: "2026-11-30", label: "2026-W49", value: null, withheld: "in-progress", teams: 1, soFar: true },
        ],
      }),
    );
    expect(cell).toEqual({ metricKey: "deployments", value: null, period: null, label: null, status: null, trend: null, improving: null, previous: null, withheld: "too-few" });
  });
});
