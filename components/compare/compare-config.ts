/**
 * The Chart.js configuration of a comparison, shared by the chart on the page and its PNG export: a line per team
 * or segment and the organisation as a dashed baseline; a period still running is "so far" on every line.
 */
import type { ChartConfiguration } from "chart.js";
import { pointLabel, ticksOf } from "@/components/charts/shape";
import { lineOptions, lineSeries, runningPeriodStyle, valueScale, valueTooltip } from "@/components/charts/line-presets";
import { valueStyle, type FormatSettings } from "@/lib/format";
import type { CompareMetric } from "@/lib/review/compare-types";

// Distinguishable on white and for common colour-vision deficiencies (Okabe–Ito), darkened for contrast.
const LINE_COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56208c"];
const BASELINE = "#475569";

type LineConfig = ChartConfiguration<"line", (number | null)[], string>;

/** The chart's Chart.js configuration, shared by the page and its PNG export. */
export function compareChartConfig(data: CompareMetric, settings: Pick<FormatSettings, "currency">, animate = false): LineConfig {
  const style = valueStyle(data.metric);
  // Every line has the same periods: a running one is "so far" for all of them.
  const soFar = data.baseline.map((p) => p.soFar === true);
  return {
    type: "line",
    data: {
      labels: data.baseline.map(pointLabel),
      datasets: [
        ...data.lines.map((line, i) => {
          const values = line.points.map((p) => (p.withheld ? null : p.value));
          const colour = LINE_COLOURS[i % LINE_COLOURS.length];
          return { ...lineSeries({ label: line.label, data: values, colour }), ...runningPeriodStyle(values, soFar, colour) };
        }),
        lineSeries({
          label: "Organisation (baseline)",
          data: data.baseline.map((p) => (p.withheld ? null : p.value)),
          colour: BASELINE,
          dash: [6, 4],
          width: 1.5,
          points: false,
        }),
      ],
    },
    options: lineOptions({
      animate,
      maxXTicks: 8,
      tooltipLabel: valueTooltip(style, settings),
      // A running period says so on a second line.
      xTick: ticksOf(data.baseline),
      scales: { y: valueScale(style, [...data.baseline, ...data.lines.flatMap((l) => l.points)].map((p) => (p.withheld ? null : p.value)), settings) },
    }),
  };
}
