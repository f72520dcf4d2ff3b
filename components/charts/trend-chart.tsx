"use client";

import "./chart-setup";
import type { ChartData, ChartOptions } from "chart.js";
import type { AnnotationOptions } from "chartjs-plugin-annotation";
import { useMemo } from "react";
import { Line } from "react-chartjs-2";
import type { MetricSeries } from "@/lib/metrics/series-types";
import { formatTick, formatValue, markerIndex, summarizeSeries, toChartData, type TrendData } from "./shape";
import { chartTheme } from "./theme";
import { useStaggeredMount } from "./use-staggered-mount";

export interface ChartMarker {
  /** YYYY-MM-DD; drawn on the period that contains it. */
  date: string;
  label: string;
}

interface TrendChartProps {
  series: MetricSeries;
  /** Vertical lines for events worth seeing beside the trend (releases, reorganisations…). */
  markers?: ChartMarker[];
  height?: number;
  currency?: string;
}

/** Points standing alone between gaps would vanish without a dot, since dense lines hide their points. */
function pointRadii(values: (number | null)[]): number[] {
  const dense = values.length > 26;
  return values.map((v, i) => {
    if (v === null) return 0;
    const alone = (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null;
    return alone ? 3 : dense ? 0 : 2;
  });
}

function buildData(series: MetricSeries, trend: TrendData): ChartData<"line", (number | null)[], string> {
  const datasets: ChartData<"line", (number | null)[], string>["datasets"] = [
    {
      label: series.metric.name,
      data: trend.values,
      borderColor: chartTheme.line,
      backgroundColor: chartTheme.line,
      borderWidth: 2,
      pointRadius: pointRadii(trend.values),
      pointHoverRadius: 4,
      tension: 0.25,
      spanGaps: false,
    },
  ];
  if (trend.target) {
    datasets.push({
      label: "Target",
      data: trend.target,
      borderColor: chartTheme.target,
      backgroundColor: chartTheme.target,
      borderDash: [6, 4],
      borderWidth: 1.5,
      pointRadius: 0,
      stepped: true,
    });
  }
  return { labels: trend.labels, datasets };
}

function buildAnnotations(series: MetricSeries, markers: ChartMarker[]): Record<string, AnnotationOptions> {
  const annotations: Record<string, AnnotationOptions> = {};
  markers.forEach((marker, i) => {
    const index = markerIndex(series.points, marker.date);
    if (index === null) return;
    annotations[`marker-${i}`] = {
      type: "line",
      scaleID: "x",
      value: index,
      borderColor: chartTheme.marker,
      borderWidth: 1,
      borderDash: [2, 3],
      label: {
        display: true,
        content: marker.label,
        position: "start",
        backgroundColor: chartTheme.marker,
        color: "#ffffff",
        font: { size: 10 },
        padding: 3,
      },
    };
  });
  return annotations;
}

const NO_MARKERS: ChartMarker[] = [];

export function TrendChart({ series, markers = NO_MARKERS, height = 160, currency }: TrendChartProps) {
  const mounted = useStaggeredMount();
  const { unit } = series.metric;
  const trend = useMemo(() => toChartData(series, { currency }), [series, currency]);
  const summary = useMemo(() => summarizeSeries(series, { currency }), [series, currency]);
  const data = useMemo(() => buildData(series, trend), [series, trend]);

  const options = useMemo<ChartOptions<"line">>(
    () => ({
      responsive: true,
      maintainAspectRatio: false,
      // Dashboards draw many of these at once: no entry animation (it would redraw every chart each frame).
      animation: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 6, font: { size: 11 } } },
        y: {
          beginAtZero: unit !== "score",
          grid: { color: chartTheme.grid },
          ticks: { maxTicksLimit: 4, font: { size: 11 }, callback: (v) => formatTick(Number(v), unit, { currency }) },
        },
      },
      plugins: {
        legend: { display: trend.target !== null, position: "bottom", labels: { boxWidth: 12, boxHeight: 2, font: { size: 11 } } },
        tooltip: {
          backgroundColor: chartTheme.tooltipBackground,
          callbacks: {
            label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y === null ? "—" : formatValue(ctx.parsed.y, unit, { currency })}`,
          },
        },
        annotation: { annotations: buildAnnotations(series, markers) },
      },
    }),
    [unit, currency, trend.target, series, markers],
  );

  return (
    <div>
      <div className="relative w-full min-w-0" style={{ height }}>
        {mounted && (
          <Line data={data} options={options} role="img" aria-label={summary}>
            {summary}
          </Line>
        )}
      </div>
      <table className="sr-only">
        <caption>{series.metric.name} by period</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Value</th>
            {trend.target && <th scope="col">Target</th>}
          </tr>
        </thead>
        <tbody>
          {trend.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.text}</td>
              {trend.target && <td>{row.target ?? "None"}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
