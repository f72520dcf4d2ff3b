/**
 * Rolling weekly points up into periods, following each metric's aggregation rule
 * (../shared/spec/metrics.md, "Time"). Pure; the same rules combine teams in SQL (lib/server/services/rollups.ts).
 */
import { periodLabel, periodOfWeek, type Granularity } from "@/lib/domain/time";
import { mean, median, sum } from "@/lib/domain/stats";
import { weekShares } from "./periods";
import type { AggregationKey, DirectionKey } from "./catalog";
import { ratioScale } from "./catalog-core";

/** One week's value for a set of teams, already combined across the teams. */
export interface WeeklyPoint {
  week: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  teams: number;
}

export interface PeriodValue {
  period: string;
  label: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  teams: number;
  weeks: string[];
}

export function aggregatePeriod(points: WeeklyPoint[], aggregation: AggregationKey, unit: string): number | null {
  const withValue = points.filter((p) => p.value !== null);
  const withRatio = wholePairs(points);
  const scale = ratioScale(unit);
  switch (aggregation) {
    case "SUM":
      return withValue.length ? sum(withValue.map((p) => p.value as number)) : null;
    case "MEAN":
      return mean(withValue.map((p) => p.value as number));
    case "MEDIAN":
      return median(withValue.map((p) => p.value as number));
    case "LAST":
      return withValue.length ? (withValue[withValue.length - 1].value as number) : null;
    case "RATIO": {
      if (withRatio.length === 0) return mean(withValue.map((p) => p.value as number));
      const den = sum(withRatio.map((p) => p.denominator as number));
      return den === 0 ? null : (sum(withRatio.map((p) => p.numerator as number)) / den) * scale;
    }
    case "RATE": {
      if (withRatio.length === 0) return mean(withValue.map((p) => p.value as number));
      const avgDen = mean(withRatio.map((p) => p.denominator as number)) ?? 0;
      return avgDen === 0 ? null : (sum(withRatio.map((p) => p.numerator as number)) / avgDen) * scale;
    }
  }
}

/** The weeks that have both a numerator and a denominator: the only ones a ratio is computed from. */
function wholePairs(points: WeeklyPoint[]): WeeklyPoint[] {
  return points.filter((p) => p.numerator !== null && p.denominator !== null);
}

/**
 * A period's parts. Its numerator sums the whole pairs' numerators. Its sample (the denominator) is, for a
 * ratio, the sum of the same weeks' denominators, so numerator ÷ denominator is the value; for any other
 * aggregation, its latest week's denominator.
 */
function periodParts(points: WeeklyPoint[], aggregation: AggregationKey): { numerator: number | null; denominator: number | null } {
  const pairs = wholePairs(points);
  const numerator = pairs.length ? sum(pairs.map((p) => p.numerator as number)) : null;
  if (aggregation === "RATIO") return { numerator, denominator: pairs.length ? sum(pairs.map((p) => p.denominator as number)) : null };
  const dens = points.filter((p) => p.denominator !== null).map((p) => p.denominator as number);
  return { numerator, denominator: dens.length ? dens[dens.length - 1] : null };
}

export interface RollUpOptions {
  /** Share each week between the periods its days fall in (flows per week: `isDayWeighted`). */
  dayWeighted?: boolean;
}

/**
 * Groups weekly points (sorted by week) into periods of `granularity`, covering every period in `periods`.
 * A week belongs to the period holding its Thursday, except for day-weighted flows: a week that straddles two
 * months adds to each its value × the share of its days there (presentation.md rule 3).
 */
export function rollUp(
  points: WeeklyPoint[],
  periods: string[],
  granularity: Granularity,
  aggregation: AggregationKey,
  unit: string,
  options: RollUpOptions = {},
): PeriodValue[] {
  const byPeriod = new Map<string, WeeklyPoint[]>();
  const add = (key: string, p: WeeklyPoint) => {
    const list = byPeriod.get(key);
    if (list) list.push(p);
    else byPeriod.set(key, [p]);
  };
  const dayWeighted = options.dayWeighted === true && aggregation === "SUM" && granularity !== "week";
  for (const p of points) {
    if (!dayWeighted) {
      add(periodOfWeek(p.week, granularity), p);
      continue;
    }
    for (const { period, share } of weekShares(p.week, granularity)) {
      const scale = (v: number | null) => (v === null ? null : v * share);
      add(period, { ...p, value: scale(p.value), numerator: scale(p.numerator) });
    }
  }
  return periods.map((period) => {
    const list = byPeriod.get(period) ?? [];
    return {
      period,
      label: periodLabel(period, granularity),
      value: aggregatePeriod(list, aggregation, unit),
      ...periodParts(list, aggregation),
      teams: list.reduce((max, p) => Math.max(max, p.teams), 0),
      weeks: list.map((p) => p.week),
    };
  });
}

export type TargetStatus = "green" | "amber" | "red";

/** Green at or beyond `green` in the metric's direction, amber at or beyond `amber`, else red. */
export function targetStatus(value: number, green: number, amber: number, direction: DirectionKey): TargetStatus {
  if (direction === "LOWER_IS_BETTER") return value <= green ? "green" : value <= amber ? "amber" : "red";
  return value >= green ? "green" : value >= amber ? "amber" : "red";
}

/** (latest − previous) ÷ |previous| × 100, or null when it cannot be computed. */
export function changePct(latest: number | null, previous: number | null): number | null {
  if (latest === null || previous === null || previous === 0) return null;
  return ((latest - previous) / Math.abs(previous)) * 100;
}

/**
 * How a change between two periods is expressed, by the metric's unit (presentation.md rule 4): rates and
 * shares in percentage points, scores (eNPS, survey means) in points, counts, durations and money relative
 * to the earlier value — or as the absolute difference when the earlier value is 0.
 */
export type ChangeKind = "pp" | "points" | "percent" | "absolute";

export interface MetricChange {
  kind: ChangeKind;
  /** Percentage points, points, percent or the difference in the metric's unit, as `kind` says. */
  amount: number;
  /** latest − previous, in the metric's unit. */
  difference: number;
}

export function metricChange(unit: string, latest: number | null, previous: number | null): MetricChange | null {
  if (latest === null || previous === null) return null;
  const difference = latest - previous;
  if (unit === "percent") return { kind: "pp", amount: difference, difference };
  if (unit === "score") return { kind: "points", amount: difference, difference };
  if (previous === 0) return { kind: "absolute", amount: difference, difference };
  return { kind: "percent", amount: (difference / Math.abs(previous)) * 100, difference };
}
