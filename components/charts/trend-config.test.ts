import { describe, expect, it } from "vitest";
import type { MetricSeries, SeriesPoint } from "@/lib/metrics/series-types";
import { toChartData } from "./shape";
import { pointRadii } from "./line-presets";
import { trendData, trendOptions } from "./trend-config";

const USD = { currency: "USD", timeZone: "UTC" };

function series(unit: MetricSeries["metric"]["unit"], values: (number | null)[], key = "m"): MetricSeries {
  const points: SeriesPoint[] = values.map((value, i) => ({
    period: new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10),
    label: `W${i + 2}`,
    value,
    teams: 1,
  }));
  return {
    metric: { key, name: "Metric", pillar: "QUALITY", unit, direction: "LOWER_IS_BETTER", aggregation: "MEDIAN", sensitivity: "NONE", source: "COMPUTED", howComputed: "" },
    points, latest: null, previous: null, changePct: null, target: null, targetLine: points.map(() => null), incomplete: false,
  };
}

function config(s: MetricSeries) {
  const trend = toChartData(s, USD);
  return { data: trendData(s, trend), options: trendOptions({ series: s, trend, markers: [], settings: USD }) };
}

describe("trend chart configuration", () => {
  it("draws straight segments and never bridges a gap (no invented bell curves)", () => {
    const { data } = config(series("percent", [0, 12, 0, null, 5]));
    expect(data.datasets[0]).toMatchObject({ tension: 0, spanGaps: false });
  });

  it("shows points when the series is sparse, and a point alone between gaps always", () => {
    const long = Array.from({ length: 52 }, (_, i) => (i % 3 === 0 ? 10 : null));
    expect(pointRadii(long).filter((r) => r > 0)).toHaveLength(18);
    const dense = Array.from({ length: 52 }, () => 10 as number | null);
    dense[20] = null;
    dense[22] = null;
    const radii = pointRadii(dense);
    expect(radii[21]).toBe(3);
    expect(radii[0]).toBe(0);
  });

  it("starts rate axes at 0 and steps duration axes in whole hours or days", () => {
    const rate = config(series("percent", [96, 97, 98])).options.scales?.y as { min?: number; beginAtZero?: boolean };
    expect(rate.min).toBe(0);
    // Lead times up to 3,000 minutes (about 2 days): ticks in whole days, not "16h 40m / 1d 9h".
    const lead = config(series("minutes", [1000, 3000, 2200])).options.scales?.y as { max: number; ticks: { stepSize: number; callback: (v: number) => string } };
    expect(lead.ticks.stepSize % 1440).toBe(0);
    expect(lead.max).toBeGreaterThanOrEqual(3000);
    expect(lead.ticks.callback(lead.ticks.stepSize)).toMatch(/^\d+ days?$/);
    // eNPS keeps its negative range.
    const enps = config(series("score", [-20, 10], "enps")).options.scales?.y as { beginAtZero: boolean };
    expect(enps.beginAtZero).toBe(false);
  });

  it("labels a running period's tick on two lines, keeping the preset's spacing of ticks", () => {
    const running = series("count", [4, 5, 2]);
    running.points[2].soFar = true;
    const x = config(running).options.scales?.x as { ticks: { autoSkip: boolean; maxRotation: number; callback: (v: number) => string | string[] } };
    expect(x.ticks).toMatchObject({ autoSkip: true, maxRotation: 0 });
    // Category ticks are asked for by the point's index.
    expect([0, 1, 2].map((i) => x.ticks.callback(i))).toEqual(["W2", "W3", ["W4", "(so far)"]]);
  });
});
