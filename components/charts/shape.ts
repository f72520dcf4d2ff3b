/**
 * Pure data shaping for charts and metric cards: turning a MetricSeries into chart data with gaps, and the
 * texts screen readers get instead of the picture (worded by lib/format). No React, no Chart.js.
 */
import { formatValue, valueStyle, type FormatSettings, type ValueStyle } from "@/lib/format";
import type { MetricSeries, SeriesPoint, WithheldReason } from "@/lib/metrics/series-types";

import { WITHHELD_TEXT } from "@/lib/disclosure/reasons";

export { WITHHELD_TEXT };

export const NO_DATA_TEXT = "No data";

type Money = Pick<FormatSettings, "currency">;

/** What a single point says in words: its value, why it is withheld, or that it is empty. */
export function describePoint(point: SeriesPoint, style: ValueStyle, settings: Money): string {
  if (point.withheld) return WITHHELD_TEXT[point.withheld];
  return point.value === null ? NO_DATA_TEXT : formatValue(point.value, style, settings);
}

export type LatestState =
  | { kind: "value"; value: number; label: string }
  | { kind: "withheld"; reason: WithheldReason; label: string }
  | { kind: "none" };

/**
 * The most recent complete period that says something (the headline; a period still running is "so far",
 * never the headline). A withheld period newer than the last shown value wins, so a card never presents an
 * older number as if it were current.
 */
export function latestState(series: MetricSeries): LatestState {
  for (let i = series.points.length - 1; i >= 0; i--) {
    const point = series.points[i];
    if (point.soFar) continue;
    if (point.withheld) return { kind: "withheld", reason: point.withheld, label: point.label };
    if (point.value !== null) return { kind: "value", value: point.value, label: point.label };
  }
  return { kind: "none" };
}

/** The running period's value, shown apart from the headline and labelled "so far"; null when none is shown. */
export function soFarState(series: MetricSeries): { value: number; label: string } | null {
  const point = series.points.at(-1);
  return point?.soFar && point.value !== null && !point.withheld ? { value: point.value, label: point.label } : null;
}

/** The label of a point on a chart: a period still running says so. */
export function pointLabel(point: Pick<SeriesPoint, "label" | "soFar">): string {
  return point.soFar ? `${point.label} (so far)` : point.label;
}

/**
 * The x-axis tick of a point: a period still running says so on a second line, so its tick is no wider than the
 * others' (Chart.js spaces ticks by the widths of a sample of labels, and a wider last label overlapped the one
 * before it).
 */
export function tickLabel(point: Pick<SeriesPoint, "label" | "soFar">): string | string[] {
  return point.soFar ? [point.label, "(so far)"] : point.label;
}

/** The x ticks of a chart of `points`, by index (what `lineOptions` takes as `xTick`). */
export function ticksOf(points: readonly Pick<SeriesPoint, "label" | "soFar">[]): (index: number) => string | string[] {
  return (index) => (points[index] ? tickLabel(points[index]) : "");
}

export interface TrendData {
  labels: string[];
  /** Per point: the period is still running (drawn hollow, reached by a dashed segment). */
  soFar: boolean[];
  /** null leaves a gap in the line (no data or withheld). */
  values: (number | null)[];
  /** Target per point, or null when no point has a target. */
  target: (number | null)[] | null;
  /** One row per point for the accessible data table. */
  rows: { label: string; text: string; target: string | null }[];
}

export function toChartData(series: MetricSeries, settings: Money): TrendData {
  const { points, metric } = series;
  const style = valueStyle(metric);
  const hasTarget = series.targetLine.some((v) => v !== null);
  const target = hasTarget ? points.map((_, i) => series.targetLine[i] ?? null) : null;
  return {
    labels: points.map(pointLabel),
    soFar: points.map((p) => p.soFar === true),
    values: points.map((p) => (p.withheld ? null : p.value)),
    target,
    rows: points.map((p, i) => {
      const t = target?.[i] ?? null;
      return { label: pointLabel(p), text: describePoint(p, style, settings), target: t === null ? null : formatValue(t, style, settings) };
    }),
  };
}

/** One sentence for the chart's aria-label: span, latest value, range and withheld periods. */
export function summarizeSeries(series: MetricSeries, settings: Money): string {
  const { metric, points } = series;
  const shown = points.filter((p) => p.value !== null && !p.withheld && !p.soFar) as (SeriesPoint & { value: number })[];
  if (points.length === 0 || shown.length === 0) return `${metric.name}: no values in this range.`;
  const fmt = (v: number) => formatValue(v, valueStyle(metric), settings);
  const values = shown.map((p) => p.value);
  const last = shown[shown.length - 1];
  const parts = [
    `${metric.name} trend from ${points[0].label} to ${points[points.length - 1].label}.`,
    `Latest ${fmt(last.value)} (${last.label}).`,
    `Lowest ${fmt(Math.min(...values))}, highest ${fmt(Math.max(...values))}.`,
  ];
  const running = soFarState(series);
  if (running) parts.push(`${running.label} so far: ${fmt(running.value)}.`);
  const withheld = points.filter((p) => p.withheld).length;
  if (withheld > 0) parts.push(`${withheld} ${withheld === 1 ? "period" : "periods"} withheld for anonymity.`);
  return parts.join(" ");
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS;

/**
 * The point whose period contains `date` (YYYY-MM-DD), for vertical markers. Periods are known by their
 * start only, so the last period is assumed as long as the one before it; outside the range → null.
 */
export function markerIndex(points: Pick<SeriesPoint, "period">[], date: string): number | null {
  const day = dayNumber(date);
  if (points.length === 0 || Number.isNaN(day) || day < dayNumber(points[0].period)) return null;
  let index = 0;
  for (let i = 0; i < points.length; i++) if (dayNumber(points[i].period) <= day) index = i;
  if (index === points.length - 1 && points.length > 1) {
    const lastStart = dayNumber(points[index].period);
    const span = lastStart - dayNumber(points[index - 1].period);
    if (day >= lastStart + span) return null;
  }
  return index;
}
