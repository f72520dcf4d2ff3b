"use client";

import "@/components/charts/chart-setup";
import type { ChartData, ChartOptions } from "chart.js";
import { useMemo } from "react";
import { Line } from "react-chartjs-2";
import { lineOptions, lineSeries, runningPeriodStyle, valueScale } from "@/components/charts/line-presets";
import { pointLabel, ticksOf } from "@/components/charts/shape";
import { useFormat } from "@/components/format/format-context";
import { valueStyle } from "@/lib/format";
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
    () => {
      // A week still running is "so far" on both lines: a hollow point (and on the solid line a dashed segment).
      const soFar = adoption.points.map((p) => p.soFar === true);
      const first = adoption.points.map((p) => p.value);
      const second = other.points.map((p) => p.value);
      return {
        labels: adoption.points.map(pointLabel),
        datasets: [
          { ...lineSeries({ label: adoption.metric.name, data: first, colour: chartTheme.line, yAxisID: "y" }), ...runningPeriodStyle(first, soFar, chartTheme.line) },
          { ...lineSeries({ label: other.metric.name, data: second, colour: SECOND_LINE, dash: [5, 3], yAxisID: "y2" }), ...runningPeriodStyle(second, soFar, SECOND_LINE) },
        ],
      };
    },
    [adoption, other],
  );
  const options = useMemo<ChartOptions<"line">>(
    () =>
      lineOptions({
        animate: !reducedMotion,
        maxXTicks: 8,
        fontSize: 11,
        xTick: ticksOf(adoption.points),
        scales: {
          y: { ...valueScale(valueStyle(adoption.metric), adoption.points.map((p) => p.value), f), position: "left", title: { display: true, text: adoption.metric.name } },
          y2: { ...valueScale(valueStyle(other.metric), other.points.map((p) => p.value), f), position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: other.metric.name } },
        },
        tooltipLabel: (ctx) => {
          const metric = ctx.datasetIndex === 0 ? adoption.metric : other.metric;
          return `${ctx.dataset.label}: ${ctx.parsed.y === null ? "—" : f.metric(metric, ctx.parsed.y)}`;
        },
      }),
    [reducedMotion, adoption.metric, adoption.points, other.metric, other.points, f],
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
          { key: "week", header: "Week", rowHeader: true, cell: (p) => pointLabel(p) },
          { key: "adoption", header: adoption.metric.name, cell: (p) => (p.value === null ? "No data" : f.metric(adoption.metric, p.value)) },
          { key: "other", header: other.metric.name, cell: (_, i) => (other.points[i]?.value == null ? "No data" : f.metric(other.metric, other.points[i].value as number)) },
        ]}
      />
    </div>
  );
}
