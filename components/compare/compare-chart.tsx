"use client";

import "@/components/charts/chart-setup";
import type { ChartConfiguration, ChartOptions } from "chart.js";
import { useMemo } from "react";
import { Line } from "react-chartjs-2";
import { describePoint } from "@/components/charts/shape";
import { lineOptions, lineSeries, startsAtZero, valueTooltip } from "@/components/charts/line-presets";
import { useFormat } from "@/components/format/format-context";
import { formatTick, valueStyle, type FormatSettings } from "@/lib/format";
import { useReducedMotion } from "@/components/charts/use-reduced-motion";
import type { CompareMetric } from "@/lib/review/compare-types";
import { Table, type Column } from "@/components/ui/table";

// Distinguishable on white and for common colour-vision deficiencies (Okabe–Ito), darkened for contrast.
const LINE_COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56208c"];
const BASELINE = "#475569";

type LineConfig = ChartConfiguration<"line", (number | null)[], string>;

/** The chart's Chart.js configuration, shared by the page and its PNG export. */
export function compareChartConfig(data: CompareMetric, settings: Pick<FormatSettings, "currency">, animate = false): LineConfig {
  const style = valueStyle(data.metric);
  return {
    type: "line",
    data: {
      labels: data.baseline.map((p) => p.label),
      datasets: [
        ...data.lines.map((line, i) =>
          lineSeries({ label: line.label, data: line.points.map((p) => (p.withheld ? null : p.value)), colour: LINE_COLOURS[i % LINE_COLOURS.length] }),
        ),
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
      scales: { y: { beginAtZero: startsAtZero(style), ticks: { maxTicksLimit: 5, callback: (v) => formatTick(Number(v), style, settings) } } },
    }),
  };
}

/** One metric, a line per team or segment and the organisation as a dashed baseline, plus its data table. */
export function CompareChart({ data }: { data: CompareMetric }) {
  const reducedMotion = useReducedMotion();
  const f = useFormat();
  const { name } = data.metric;
  const style = valueStyle(data.metric);
  const config = useMemo(() => compareChartConfig(data, f, !reducedMotion), [data, f, reducedMotion]);
  const chartData = config.data;
  const options = config.options as ChartOptions<"line">;
  const withheld = data.lines.filter((l) => l.points.some((p) => p.withheld));
  return (
    <div>
      <div className="relative h-72 w-full min-w-0">
        <Line data={chartData} options={options} role="img" aria-label={`${name} for ${data.lines.map((l) => l.label).join(", ")} against the organisation`} />
      </div>
      {withheld.length > 0 && (
        <p className="mt-2 text-xs text-slate-600">
          Some periods of {withheld.map((l) => l.label).join(", ")} are withheld to protect anonymity (too few people, or they could be worked out from a wider group).
        </p>
      )}
      <Table
        className="sr-only"
        caption={`${name} by period`}
        rows={data.baseline}
        rowKey={(p) => p.period}
        columns={[
          { key: "period", header: "Period", rowHeader: true, cell: (p) => p.label },
          ...data.lines.map(
            (l): Column<(typeof data.baseline)[number]> => ({ key: l.key, header: l.label, cell: (_, i) => (l.points[i] ? describePoint(l.points[i], style, f) : "No data") }),
          ),
          { key: "organisation", header: "Organisation", cell: (p) => describePoint(p, style, f) },
        ]}
      />
    </div>
  );
}
