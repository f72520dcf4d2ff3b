import { describe, expect, it } from "vitest";
import type { LineDataset } from "@/components/charts/line-presets";
import type { SeriesPoint } from "@/lib/metrics/series-types";
import type { CompareMetric } from "@/lib/review/compare-types";
import { compareChartConfig } from "./compare-config";

const point = (label: string, value: number, soFar = false): SeriesPoint => ({ period: label, label, value, teams: 1, ...(soFar ? { soFar: true as const } : {}) });

const data: CompareMetric = {
  metric: { key: "deployments", name: "Deployments", pillar: "QUALITY", unit: "count", direction: "HIGHER_IS_BETTER", aggregation: "SUM", sensitivity: "NONE", source: "COMPUTED", howComputed: "" },
  baseline: [point("Oct 2026", 40), point("Nov 2026", 42), point("Dec 2026", 9, true)],
  lines: [{ key: "team:a", label: "Payments", teamCount: 1, points: [point("Oct 2026", 10), point("Nov 2026", 12), point("Dec 2026", 3, true)] }],
};

describe("comparison chart", () => {
  it("draws a running period as 'so far' on every team's line: hollow point, dashed segment, labelled", () => {
    const config = compareChartConfig(data, { currency: "USD" });
    expect(config.data.labels).toEqual(["Oct 2026", "Nov 2026", "Dec 2026 (so far)"]);
    const team = config.data.datasets[0] as LineDataset & { segment: { borderDash: (ctx: { p1DataIndex: number }) => number[] | undefined } };
    expect(team.pointBackgroundColor).toEqual(["#0072b2", "#0072b2", "#ffffff"]);
    expect((team.pointRadius as number[])[2]).toBe(3);
    expect(team.segment.borderDash({ p1DataIndex: 2 })).toEqual([6, 4]);
    expect(team.segment.borderDash({ p1DataIndex: 1 })).toBeUndefined();
    const x = config.options?.scales?.x as { ticks: { callback: (v: number) => string | string[] } };
    expect([0, 2].map((i) => x.ticks.callback(i))).toEqual(["Oct 2026", ["Dec 2026", "(so far)"]]);
  });

  it("steps a duration axis in whole hours or days, as the trend charts do", () => {
    const lead: CompareMetric = { ...data, metric: { ...data.metric, key: "lead_time", unit: "minutes" }, baseline: [point("Oct 2026", 1000), point("Nov 2026", 3000)], lines: [] };
    const y = compareChartConfig(lead, { currency: "USD" }).options?.scales?.y as { ticks: { stepSize: number; callback: (v: number) => string } };
    expect(y.ticks.stepSize % 1440).toBe(0);
    expect(y.ticks.callback(y.ticks.stepSize)).toMatch(/^\d+ days?$/);
  });
});
