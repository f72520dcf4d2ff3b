"use client";

import "@/components/charts/chart-setup";
import type { ChartData, ChartOptions } from "chart.js";
import { useMemo } from "react";
import { Line } from "react-chartjs-2";
import { lineOptions, lineSeries } from "@/components/charts/line-presets";
import { useFormat } from "@/components/format/format-context";
import { formatTick, valueStyle } from "@/lib/format";
import { chartTheme } from "@/components/charts/theme";
import { useReducedMotion } from "@/components/charts/use-reduced-motion";
import type { MetricSeries } from "@/lib/metrics/series-types";
import { Table } from "@/components/ui/table";

const SECOND_LINE = "#0f766e"; // teal-700, ≥ 3:1 on white

/**
 * AI adoption on the left axis and one delivery or engagement metric on the right, over the same weeks
 * (both series come from one request, so their points are the same periods). Titled as correlation,
 * not cause: a shared trend says nothing about which drove which.
 */
export function AdoptionOverlayChart({ adoption, other, height = 260 }: { adoption: MetricSeries; other: MetricSeries; height?: number }) {
  const reducedMotion = useReducedMotion();
  const f = useFormat();
  const data = useMemo<ChartData<"line", (number | null)[], string>>(
    () => ({
      labels: adoption.points.map((p) => p.label),
      datasets: [
        lineSeries({ label: adoption.metric.name, data: adoption.points.map((p) => p.value), colour: chartTheme.line, yAxisID: "y" }),
        lineSeries({ label: other.metric.name, data: other.points.map((p) => p.value), colour: SECOND_LINE, dash: [5, 3], yAxisID: "y2" }),
      ],
    }),
    [adoption, other],
  );
  const options = useMemo<ChartOptions<"line">>(
    () =>
      lineOptions({
        animate: !reducedMotion,
        maxXTicks: 8,
        fontSize: 11,
        scales: {
          y: { position: "left", beginAtZero: true, title: { display: true, text: adoption.metric.name }, ticks: { callback: (v) => formatTick(Number(v), valueStyle(adoption.metric), f) } },
          y2: { position: "right", beginAtZero: other.metric.unit !== "score", grid: { drawOnChartArea: false }, title: { display: true, text: other.metric.name }, ticks: { callback: (v) => formatTick(Number(v), valueStyle(other.metric), f) } },
        },
        tooltipLabel: (ctx) => {
          const metric = ctx.datasetIndex === 0 ? adoption.metric : other.metric;
          return `${ctx.dataset.label}: ${ctx.parsed.y === null ? "—" : f.metric(metric, ctx.parsed.y)}`;
        },
      }),
    [reducedMotion, adoption.metric, other.metric, f],
  );
  const summary = `${adoption.metric.name} and ${other.metric.name} by week, on separate axes.`;
  return (
    <div>
      <div className="relative w-full min-w-0" style={{ height }}>
        <Line data={data} options={options} role="img" aria-label={summary}>{summary}</Line>
      </div>
      <Table
        className="sr-only"
        caption={summary}
        rows={adoption.points}
        rowKey={(p) => p.period}
        columns={[
          { key: "week", header: "Week", rowHeader: true, cell: (p) => p.label },
          { key: "adoption", header: adoption.metric.name, cell: (p) => (p.value === null ? "No data" : f.metric(adoption.metric, p.value)) },
          { key: "other", header: other.metric.name, cell: (_, i) => (other.points[i]?.value == null ? "No data" : f.metric(other.metric, other.points[i].value as number)) },
        ]}
      />
    </div>
  );
}
