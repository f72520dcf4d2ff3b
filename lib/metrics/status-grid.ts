/**
 * One cell of the team × metric status grid, from the series the team's own overview shows (so the grid
 * and the overview never disagree): the headline value and its period, the RAG status against the target
 * in force, and the trend against the period before, read as better or worse in the metric's direction.
 */
import type { DirectionKey } from "./catalog";
import type { MetricSeries, TargetStatus, WithheldReason } from "./series-types";

export type Trend = "up" | "down" | "flat";

export interface GridCell {
  metricKey: string;
  /** null when there is no value (or it is withheld, then `withheld` says why). */
  value: number | null;
  period: string | null;
  label: string | null;
  status: TargetStatus | null;
  trend: Trend | null;
  /** Whether the trend is an improvement; null for neutral metrics or without a trend. */
  improving: boolean | null;
  previous: number | null;
  withheld?: WithheldReason;
}

/** Within 1% of the earlier value (or exactly equal at 0) reads as flat, not as a move. */
const FLAT_SHARE = 0.01;

export function trendOf(latest: number, previous: number): Trend {
  const scale = Math.abs(previous);
  const delta = latest - previous;
  if (scale === 0 ? delta === 0 : Math.abs(delta) / scale < FLAT_SHARE) return "flat";
  return delta > 0 ? "up" : "down";
}

export function improvingOf(trend: Trend, direction: DirectionKey): boolean | null {
  if (direction === "NEUTRAL" || trend === "flat") return null;
  return (trend === "up") === (direction === "HIGHER_IS_BETTER");
}

export function gridCell(series: MetricSeries): GridCell {
  const key = series.metric.key;
  const latest = series.latest;
  if (!latest) {
    // Why the last complete period says nothing; the period still running is never the cell's subject.
    const withheld = [...series.points].reverse().find((p) => p.withheld && !p.soFar)?.withheld;
    return { metricKey: key, value: null, period: null, label: null, status: null, trend: null, improving: null, previous: null, ...(withheld ? { withheld } : {}) };
  }
  const previous = series.previous?.value ?? null;
  const trend = previous === null ? null : trendOf(latest.value, previous);
  return {
    metricKey: key,
    value: latest.value,
    period: latest.period,
    label: latest.label,
    status: series.target?.status ?? null,
    trend,
    improving: trend === null ? null : improvingOf(trend, series.metric.direction),
    previous,
  };
}
