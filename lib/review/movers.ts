/**
 * "What changed": per pillar, the metrics that moved most against their previous period, and the ones
 * off or near their target. Pure; works on dashboard series that already have anonymity applied.
 */
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
  changePct: number;
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

export function moveTone(changePct: number, direction: DirectionKey): MoveTone {
  if (changePct === 0 || direction === "NEUTRAL") return "neutral";
  return changePct > 0 === (direction === "HIGHER_IS_BETTER") ? "better" : "worse";
}

/**
 * Metrics ranked by the size of their change, largest first. Worsening moves rank before improving
 * ones of the same size, since they are what a reviewer has to act on.
 */
export function topMovers(series: MetricSeries[], limit = 3): MetricMove[] {
  const moves: MetricMove[] = [];
  for (const s of series) {
    if (s.changePct === null || !s.latest || !s.previous) continue;
    moves.push({
      key: s.metric.key, name: s.metric.name, pillar: s.metric.pillar, unit: s.metric.unit,
      latest: { label: s.latest.label, value: s.latest.value },
      previous: { label: s.previous.label, value: s.previous.value },
      changePct: s.changePct,
      tone: moveTone(s.changePct, s.metric.direction),
      targetStatus: s.target?.status ?? null,
    });
  }
  const rank = (m: MetricMove) => (m.tone === "worse" ? 0 : m.tone === "better" ? 1 : 2);
  return moves
    .sort((a, b) => Math.abs(b.changePct) - Math.abs(a.changePct) || rank(a) - rank(b) || a.key.localeCompare(b.key))
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
