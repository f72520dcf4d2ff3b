/**
 * The shapes the dashboard API returns (GET /api/v1/overview, GET /api/v1/metrics/series). Shared by the
 * route handlers and the client hooks.
 */
import type { Granularity } from "@/lib/domain/time";
import type { FilterInfo } from "@/lib/segments/segment-filter";
import type { AggregationKey, DirectionKey, MetricUnit, PillarKey, SensitivityKey } from "./catalog";

export type RangeKey = "12w" | "6m" | "1y" | "2y";
export const RANGE_KEYS: RangeKey[] = ["12w", "6m", "1y", "2y"];
export const RANGE_LABELS: Record<RangeKey, string> = { "12w": "Last 12 weeks", "6m": "6 months", "1y": "1 year", "2y": "2 years" };
export const GRANULARITIES: Granularity[] = ["week", "month", "quarter"];

/** `org`, `group:<id>` or `team:<id>`. */
export type ScopeParam = string;

export interface ScopeInfo {
  type: "ORG" | "GROUP" | "TEAM";
  id: string | null;
  name: string;
}

export interface MetricInfo {
  key: string;
  name: string;
  pillar: PillarKey;
  unit: MetricUnit;
  direction: DirectionKey;
  aggregation: AggregationKey;
  sensitivity: SensitivityKey;
  source: "MANUAL" | "COMPUTED";
  howComputed: string;
  /** Shown as the annualised rolling 12-month rate (turnover, voluntary and regretted attrition on dashboards). */
  annualised?: true;
}

export type { WithheldReason } from "@/lib/disclosure/reasons";
import type { WithheldReason } from "@/lib/disclosure/reasons";

export interface SeriesPoint {
  /** Period start, `YYYY-MM-DD`. */
  period: string;
  /** e.g. "2026-W07", "Mar 2026", "Q1 2026". */
  label: string;
  /** null when there is no data or the value is withheld. */
  value: number | null;
  /** Set when an anonymity rule withheld the value (no number is sent). */
  withheld?: WithheldReason;
  /** Teams that reported in this period. */
  teams: number;
  /** The period is not over yet (presentation.md rule 1): drawn and labelled "so far", never the headline. */
  soFar?: true;
}

export type TargetStatus = "green" | "amber" | "red";

export interface TargetInfo {
  green: number;
  amber: number;
  /** Status of the latest value against the target in force at its period. */
  status: TargetStatus | null;
  scope: "ORG" | "GROUP" | "TEAM";
}

export interface MetricSeries {
  metric: MetricInfo;
  points: SeriesPoint[];
  /** Latest complete period with a shown value (the headline). */
  latest: { period: string; label: string; value: number } | null;
  /** The complete period before `latest`, with a value. */
  previous: { period: string; label: string; value: number } | null;
  /** (latest − previous) ÷ |previous| × 100; null when either is missing or previous is 0. */
  changePct: number | null;
  target: TargetInfo | null;
  /** Target in force per point (for drawing the target line), aligned with points; null where none. */
  targetLine: (number | null)[];
  /** The latest week has fewer teams reporting than expected (manual metrics only). */
  incomplete: boolean;
}

export interface OverviewPillar {
  key: PillarKey;
  name: string;
  summary: string;
  series: MetricSeries[];
}

export interface OverviewResponse {
  scope: ScopeInfo;
  /** The segment filter narrowing the scope (location, sourcing, origin), or null. */
  filter: FilterInfo | null;
  range: RangeKey;
  granularity: Granularity;
  from: string;
  to: string;
  pillars: OverviewPillar[];
  /** True when the organisation has no metric values at all (first-run empty state). */
  empty: boolean;
}

export interface ScopesResponse {
  groups: { id: string; name: string; parentId: string | null }[];
  teams: { id: string; name: string; groupId: string; slug: string }[];
}
