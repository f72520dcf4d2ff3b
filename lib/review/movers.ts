/**
 * "What changed": per pillar, the metrics that moved most against their previous period, and the ones
 * off or near their target. Pure; works on dashboard series that already have anonymity applied.
 */
import { median } from "@/lib/domain/stats";
import type { DirectionKey, PillarKey } from "@/lib/metrics/catalog";
import type { MetricSeries, TargetStatus } from "@/lib/metrics/series-types";

export type MoveTone = "better" | "worse" | "neutral";

export interface MetricMove {
  key: string;
  name: string;
  pillar: PillarKey;
  unit: string;
  latest: { label: string; value: number };
  previous: { label: string; value: number };
  /** Relative change in %, null from a zero baseline (the screen words the change by unit, lib/format). */
  changePct: number | null;
  /**
   * How unusual the move is: its size over the metric's typical period-to-period move in the series shown
   * (the median absolute move). Comparable across units, so a rate's +4 pp and a count's +25% rank fairly.
   */
  surprise: number;
  tone: MoveTone;
  targetStatus: TargetStatus | null;
}

export interface TargetFlag {
  key: string;
  name: string;
  pillar: PillarKey;
  unit: string;
  status: "red" | "amber";
  value: number;
  label: string;
  green: number;
  amber: number;
}

export function moveTone(change: number, direction: DirectionKey): MoveTone {
  if (change === 0 || direction === "NEUTRAL") return "neutral";
  return change > 0 === (direction === "HIGHER_IS_BETTER") ? "better" : "worse";
}

/** Moves between consecutive shown values needed before the history's typical move is trusted. */
const MIN_HISTORY_MOVES = 4;

/**
 * The move's size in units of the metric's typical move: |latest − previous| ÷ the median absolute move
 * between consecutive shown values before it. Without enough history (or a flat one), the relative size
 * of the move stands in, and a move from zero counts as a large one.
 */
export function surpriseOf(values: readonly number[], latest: number, previous: number): number {
  const change = Math.abs(latest - previous);
  const moves: number[] = [];
  for (let i = 1; i < values.length - 1; i++) moves.push(Math.abs(values[i]! - values[i - 1]!));
  const typical = moves.length >= MIN_HISTORY_MOVES ? (median(moves) ?? 0) : 0;
  if (typical > 0) return change / typical;
  if (previous === 0) return change === 0 ? 0 : Number.POSITIVE_INFINITY;
  return change / Math.abs(previous) / 0.1; // with no history, a 10% move counts as a typical one
}

/**
 * Metrics ranked by how unusual their latest move is for them, most unusual first. Worsening moves rank
 * before improving ones of the same size, since they are what a reviewer has to act on.
 */
export function topMovers(series: MetricSeries[], limit = 3): MetricMove[] {
  const moves: MetricMove[] = [];
  for (const s of series) {
    const { latest, previous } = s;
    if (!latest || !previous || latest.value === previous.value) continue;
    const shown = s.points.filter((p) => p.value !== null && p.period <= latest.period).map((p) => p.value as number);
    moves.push({
      key: s.metric.key, name: s.metric.name, pillar: s.metric.pillar, unit: s.metric.unit,
      latest: { label: latest.label, value: latest.value },
      previous: { label: previous.label, value: previous.value },
      changePct: s.changePct,
      surprise: surpriseOf(shown, latest.value, previous.value),
      tone: moveTone(latest.value - previous.value, s.metric.direction),
      targetStatus: s.target?.status ?? null,
    });
  }
  const rank = (m: MetricMove) => (m.tone === "worse" ? 0 : m.tone === "better" ? 1 : 2);
  return moves
    .sort((a, b) => b.surprise - a.surprise || rank(a) - rank(b) || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** Red before amber, each in catalog order. */
export function targetFlags(series: MetricSeries[]): TargetFlag[] {
  const flags: TargetFlag[] = [];
  for (const s of series) {
    const status = s.target?.status;
    if (!s.target || !s.latest || (status !== "red" && status !== "amber")) continue;
    flags.push({
      key: s.metric.key, name: s.metric.name, pillar: s.metric.pillar, unit: s.metric.unit, status,
      value: s.latest.value, label: s.latest.label, green: s.target.green, amber: s.target.amber,
    });
  }
  return flags.sort((a, b) => (a.status === b.status ? 0 : a.status === "red" ? -1 : 1));
}
