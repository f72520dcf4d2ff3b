/**
 * Pure data shaping for charts and metric cards: formatting values by unit, turning a MetricSeries into
 * chart data with gaps, and the texts screen readers get instead of the picture. No React, no Chart.js.
 */
import type { DirectionKey, MetricUnit } from "@/lib/metrics/catalog";
import type { MetricSeries, SeriesPoint, WithheldReason } from "@/lib/metrics/series-types";

// One fixed locale keeps numbers identical on the server, in every browser and in tests.
const LOCALE = "en-US";

import { WITHHELD_TEXT } from "@/lib/disclosure/reasons";

export { WITHHELD_TEXT };

export const NO_DATA_TEXT = "No data";

const plain = (maxDigits: number) => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: maxDigits });

/** Durations read best as the two largest units: "45m", "3h 20m", "2d 4h". */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? "-" : "";
  const total = Math.round(Math.abs(minutes));
  if (total < 60) return `${sign}${total}m`;
  if (total < 24 * 60) {
    const h = Math.floor(total / 60);
    const m = total % 60;
    return `${sign}${h}h${m ? ` ${m}m` : ""}`;
  }
  let d = Math.floor(total / 1440);
  let h = Math.round((total % 1440) / 60);
  if (h === 24) {
    d += 1;
    h = 0;
  }
  return `${sign}${d}d${h ? ` ${h}h` : ""}`;
}

/** Small quantities keep one decimal (4.5 days); large ones are whole (812 days). */
function formatQuantity(value: number, singular: string, plural: string): string {
  const text = plain(Math.abs(value) < 10 ? 1 : 0).format(value);
  return `${text} ${text === "1" ? singular : plural}`;
}

function formatCurrency(value: number, currency: string): string {
  const large = Math.abs(value) >= 100_000;
  return new Intl.NumberFormat(LOCALE, {
    style: "currency",
    currency,
    notation: large ? "compact" : "standard",
    maximumFractionDigits: large ? 2 : 0,
  }).format(value);
}

/** A value in display units (as the API sends it) as people read it. */
export function formatValue(value: number, unit: MetricUnit, options: { currency?: string } = {}): string {
  switch (unit) {
    case "minutes":
      return formatMinutes(value);
    case "percent":
      return `${plain(1).format(value)}%`;
    case "days":
      return formatQuantity(value, "day", "days");
    case "hours":
      return formatQuantity(value, "hour", "hours");
    case "score":
      return value.toFixed(2);
    case "currency":
      return formatCurrency(value, options.currency ?? "USD");
    case "people":
    case "count":
      return plain(1).format(value);
  }
}

/** Axis ticks are round numbers; card precision (two-decimal scores) would only add noise there. */
export function formatTick(value: number, unit: MetricUnit, options: { currency?: string } = {}): string {
  return unit === "score" ? plain(1).format(value) : formatValue(value, unit, options);
}

/** "+12.5%", "-3.2%", "0%". */
export function formatChange(changePct: number): string {
  return `${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(changePct)}%`;
}

export type ChangeTone = "good" | "bad" | "neutral";

/** Whether a change is good news depends on the metric's direction; neutral metrics are never judged. */
export function changeTone(changePct: number | null, direction: DirectionKey): ChangeTone {
  if (changePct === null || changePct === 0 || direction === "NEUTRAL") return "neutral";
  const up = changePct > 0;
  return up === (direction === "HIGHER_IS_BETTER") ? "good" : "bad";
}

/** What a single point says in words: its value, why it is withheld, or that it is empty. */
export function describePoint(point: SeriesPoint, unit: MetricUnit, options: { currency?: string } = {}): string {
  if (point.withheld) return WITHHELD_TEXT[point.withheld];
  return point.value === null ? NO_DATA_TEXT : formatValue(point.value, unit, options);
}

export type LatestState =
  | { kind: "value"; value: number; label: string }
  | { kind: "withheld"; reason: WithheldReason; label: string }
  | { kind: "none" };

/**
 * The most recent period that says something. A withheld period newer than the last shown value wins,
 * so a card never presents an older number as if it were current.
 */
export function latestState(series: MetricSeries): LatestState {
  for (let i = series.points.length - 1; i >= 0; i--) {
    const point = series.points[i];
    if (point.withheld) return { kind: "withheld", reason: point.withheld, label: point.label };
    if (point.value !== null) return { kind: "value", value: point.value, label: point.label };
  }
  return { kind: "none" };
}

export interface TrendData {
  labels: string[];
  /** null leaves a gap in the line (no data or withheld). */
  values: (number | null)[];
  /** Target per point, or null when no point has a target. */
  target: (number | null)[] | null;
  /** One row per point for the accessible data table. */
  rows: { label: string; text: string; target: string | null }[];
}

export function toChartData(series: MetricSeries, options: { currency?: string } = {}): TrendData {
  const { points, metric } = series;
  const hasTarget = series.targetLine.some((v) => v !== null);
  const target = hasTarget ? points.map((_, i) => series.targetLine[i] ?? null) : null;
  return {
    labels: points.map((p) => p.label),
    values: points.map((p) => (p.withheld ? null : p.value)),
    target,
    rows: points.map((p, i) => {
      const t = target?.[i] ?? null;
      return { label: p.label, text: describePoint(p, metric.unit, options), target: t === null ? null : formatValue(t, metric.unit, options) };
    }),
  };
}

/** One sentence for the chart's aria-label: span, latest value, range and withheld periods. */
export function summarizeSeries(series: MetricSeries, options: { currency?: string } = {}): string {
  const { metric, points } = series;
  const shown = points.filter((p) => p.value !== null && !p.withheld) as (SeriesPoint & { value: number })[];
  if (points.length === 0 || shown.length === 0) return `${metric.name}: no values in this range.`;
  const fmt = (v: number) => formatValue(v, metric.unit, options);
  const values = shown.map((p) => p.value);
  const last = shown[shown.length - 1];
  const parts = [
    `${metric.name} trend from ${points[0].label} to ${points[points.length - 1].label}.`,
    `Latest ${fmt(last.value)} (${last.label}).`,
    `Lowest ${fmt(Math.min(...values))}, highest ${fmt(Math.max(...values))}.`,
  ];
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
