/**
 * Cross-pillar early warning for teams: a team is flagged when several signals from at least two
 * pillars worsen together — the recent weeks against a longer baseline just before them. Pure; no I/O.
 *
 * Only team-level series go in (never individuals), and the caller passes them with anonymity already
 * applied: a withheld point has no value and is skipped here, so it can neither raise a flag nor be
 * reported as a reason.
 */
import { addDays } from "@/lib/domain/time";
import { mean } from "@/lib/domain/stats";
import type { DirectionKey, PillarKey } from "@/lib/metrics/catalog";

export interface SignalSpec {
  key: string;
  /** Smallest worsening that counts, in the metric's display unit (percentage points for percents). */
  minAbsolute: number;
  /** Smallest worsening relative to the baseline (0.25 = 25 %); 0 to rely on the absolute change only. */
  minRelative: number;
  /** Points needed in each window for a comparison to mean anything (surveys are monthly, so fewer). */
  minPoints: { recent: number; baseline: number };
}

const WEEKLY = { recent: 3, baseline: 4 };
const MONTHLY = { recent: 1, baseline: 2 };

/**
 * The signals watched, chosen because they move together when a team is under strain: delivery
 * instability (failures, rework, incidents), on-call load, and falling engagement.
 */
export const DEFAULT_SIGNALS: SignalSpec[] = [
  { key: "change_failure_rate", minAbsolute: 5, minRelative: 0.25, minPoints: WEEKLY },
  { key: "rework_rate", minAbsolute: 3, minRelative: 0.25, minPoints: WEEKLY },
  { key: "incidents", minAbsolute: 0.5, minRelative: 0.5, minPoints: WEEKLY },
  { key: "oncall_pages", minAbsolute: 2, minRelative: 0.3, minPoints: WEEKLY },
  { key: "escaped_defects", minAbsolute: 1, minRelative: 0.3, minPoints: WEEKLY },
  { key: "slo_attainment", minAbsolute: 0.75, minRelative: 0, minPoints: WEEKLY },
  { key: "enps", minAbsolute: 10, minRelative: 0, minPoints: MONTHLY },
  { key: "psych_safety", minAbsolute: 0.25, minRelative: 0, minPoints: MONTHLY },
  { key: "participation", minAbsolute: 10, minRelative: 0, minPoints: MONTHLY },
];

export interface SignalPoint {
  /** Week start, YYYY-MM-DD. */
  period: string;
  value: number | null;
  withheld?: string;
}

export interface SignalSeries {
  key: string;
  name: string;
  pillar: PillarKey;
  unit: string;
  direction: DirectionKey;
  points: SignalPoint[];
}

export interface WarningWindow {
  /** The last week looked at (a Monday). */
  asOfWeek: string;
  recentWeeks: number;
  baselineWeeks: number;
}

export const DEFAULT_WINDOW = { recentWeeks: 8, baselineWeeks: 16 } as const;

export interface SignalReason {
  key: string;
  name: string;
  pillar: PillarKey;
  unit: string;
  /** Mean over the baseline weeks and over the recent weeks. */
  baseline: number;
  recent: number;
  change: number;
  /** change ÷ |baseline| × 100; null when the baseline is 0. */
  changePct: number | null;
  baselineFrom: string;
  baselineTo: string;
  recentFrom: string;
  recentTo: string;
  /** Points behind each mean. */
  recentPoints: number;
  baselinePoints: number;
}

export interface EarlyWarning {
  reasons: SignalReason[];
  pillars: PillarKey[];
}

export interface WarningRule {
  minSignals: number;
  minPillars: number;
}

export const DEFAULT_RULE: WarningRule = { minSignals: 3, minPillars: 2 };

export function warningWindows(window: WarningWindow) {
  const recentFrom = addDays(window.asOfWeek, -7 * (window.recentWeeks - 1));
  const baselineTo = addDays(recentFrom, -7);
  const baselineFrom = addDays(recentFrom, -7 * window.baselineWeeks);
  return { recentFrom, recentTo: window.asOfWeek, baselineFrom, baselineTo };
}

const valuesIn = (points: SignalPoint[], from: string, to: string) =>
  points.filter((p) => !p.withheld && p.value !== null && p.period >= from && p.period <= to).map((p) => p.value as number);

/** The reason a signal worsened, or null when it did not (or there is too little data to say). */
export function worsenedSignal(series: SignalSeries, spec: SignalSpec, window: WarningWindow): SignalReason | null {
  if (series.direction === "NEUTRAL") return null;
  const w = warningWindows(window);
  const recentValues = valuesIn(series.points, w.recentFrom, w.recentTo);
  const baselineValues = valuesIn(series.points, w.baselineFrom, w.baselineTo);
  if (recentValues.length < spec.minPoints.recent || baselineValues.length < spec.minPoints.baseline) return null;
  const recent = mean(recentValues) as number;
  const baseline = mean(baselineValues) as number;
  const change = recent - baseline;
  const worse = series.direction === "LOWER_IS_BETTER" ? change > 0 : change < 0;
  if (!worse || Math.abs(change) < spec.minAbsolute) return null;
  if (spec.minRelative > 0 && baseline !== 0 && Math.abs(change) / Math.abs(baseline) < spec.minRelative) return null;
  return {
    key: series.key, name: series.name, pillar: series.pillar, unit: series.unit,
    baseline, recent, change,
    changePct: baseline === 0 ? null : (change / Math.abs(baseline)) * 100,
    ...w,
    recentPoints: recentValues.length,
    baselinePoints: baselineValues.length,
  };
}

/** A team's warning when enough signals across enough pillars worsened together, else null. */
export function evaluateTeam(
  series: SignalSeries[],
  window: WarningWindow,
  specs: SignalSpec[] = DEFAULT_SIGNALS,
  rule: WarningRule = DEFAULT_RULE,
): EarlyWarning | null {
  const byKey = new Map(series.map((s) => [s.key, s]));
  const reasons: SignalReason[] = [];
  for (const spec of specs) {
    const s = byKey.get(spec.key);
    const reason = s ? worsenedSignal(s, spec, window) : null;
    if (reason) reasons.push(reason);
  }
  const pillars = [...new Set(reasons.map((r) => r.pillar))];
  if (reasons.length < rule.minSignals || pillars.length < rule.minPillars) return null;
  return { reasons, pillars };
}
