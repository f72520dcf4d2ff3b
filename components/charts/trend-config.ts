/**
 * The Chart.js configuration of a metric trend, shared by the chart on the page and its PNG export, so
 * both draw the same picture. Lines are straight segments (smoothing invents bumps between points and
 * across zeros), gaps stay gaps, points show when the series is sparse, and axes of rates start at 0.
 */
import type { ChartData, ChartOptions } from "chart.js";
import type { AnnotationOptions } from "chartjs-plugin-annotation";
import { formatDate, unitLabel, valueStyle, type FormatSettings } from "@/lib/format";
import type { MetricSeries } from "@/lib/metrics/series-types";
import { lineOptions, lineSeries, runningPeriodStyle, valueScale, valueTooltip } from "./line-presets";
import { markerClusters, markersInRange, numberMarkers, type ChartMarker, type NumberedMarker } from "./markers";
import { ticksOf, toChartData, type TrendData } from "./shape";
import { chartTheme } from "./theme";

type Money = Pick<FormatSettings, "currency">;
export type TrendChartData = ChartData<"line", (number | null)[], string>;

export function trendData(series: MetricSeries, trend: TrendData, scale = 1): TrendChartData {
  const datasets: TrendChartData["datasets"] = [
    {
      ...lineSeries({ label: series.metric.name, data: trend.values, colour: chartTheme.line, width: 2 * scale }),
      ...runningPeriodStyle(trend.values, trend.soFar, chartTheme.line, scale),
      pointHoverRadius: 4,
    },
  ];
  if (trend.target) {
    datasets.push({
      ...lineSeries({ label: "Target", data: trend.target, colour: chartTheme.target, dash: [6 * scale, 4 * scale], width: 1.5 * scale, points: false }),
      stepped: true,
    });
  }
  return { labels: trend.labels, datasets };
}

function markerAnnotations(series: MetricSeries, markers: ChartMarker[], scale: number): Record<string, AnnotationOptions> {
  const annotations: Record<string, AnnotationOptions> = {};
  for (const cluster of markerClusters(series.points, markers)) {
    annotations[`marker-${cluster.index}`] = {
      type: "line",
      scaleID: "x",
      value: cluster.index,
      borderColor: chartTheme.marker,
      borderWidth: scale,
      borderDash: [2 * scale, 3 * scale],
      // A number, not the note's title: titles collide and hide the data; the page's key says what each is.
      label: {
        display: true,
        content: cluster.numbers.join(","),
        position: "start",
        backgroundColor: chartTheme.marker,
        color: "#ffffff",
        font: { size: 10 * scale, weight: "bold" },
        padding: { x: 4 * scale, y: 2 * scale },
        borderRadius: 8 * scale,
      },
    };
  }
  return annotations;
}

export interface TrendOptionsInput {
  series: MetricSeries;
  trend: TrendData;
  markers: ChartMarker[];
  settings: Money;
  /** Export draws larger type and always shows the legend. */
  scale?: number;
  legend?: boolean;
}

export function trendOptions({ series, trend, markers, settings, scale = 1, legend }: TrendOptionsInput): ChartOptions<"line"> {
  const style = valueStyle(series.metric);
  const options = lineOptions({
    // Dashboards draw many of these at once: no entry animation (it would redraw every chart each frame).
    animate: false,
    maxXTicks: scale > 1 ? 10 : 6,
    fontSize: 11,
    scale,
    legend: legend ?? trend.target !== null,
    tooltipLabel: valueTooltip(style, settings),
    xTick: ticksOf(series.points),
    // The axis holds the targets too.
    scales: { y: { ...valueScale(style, [...trend.values, ...(trend.target ?? [])], settings, scale), grid: { color: chartTheme.grid } } },
  });
  return { ...options, plugins: { ...options.plugins, annotation: { annotations: markerAnnotations(series, markers, scale) } } };
}

/** The picture of a metric trend for PNG export: legend always shown, the markers' key in words. */
export function trendPngSource(series: MetricSeries, markers: ChartMarker[], settings: FormatSettings, details: string[]) {
  const trend = toChartData(series, settings);
  const numbered = markers.every((m) => m.number !== undefined) ? (markers as NumberedMarker[]) : numberMarkers(markers);
  return {
    config: { type: "line" as const, data: trendData(series, trend), options: trendOptions({ series, trend, markers, settings, legend: true }) },
    title: series.metric.name,
    details: [...details.slice(0, -1), `${details.at(-1) ?? ""} · ${unitLabel(valueStyle(series.metric), settings)}`],
    keyLines: markersInRange(series.points, numbered).map((m) => `${m.number}  ${formatDate(m.date, settings.timeZone)}  ${m.label}`),
  };
}
