/**
 * The shapes the metrics API returns to the browser (catalog, targets, stored values, status grid). Pure
 * types: the server builds them, components and client hooks read them.
 */
import type { AggregationKey, DirectionKey, PillarKey, SensitivityKey } from "@/lib/metrics/catalog";
import type { MetricInfo, ScopeInfo } from "@/lib/metrics/series-types";
import type { GridCell } from "@/lib/metrics/status-grid";

/** A metric definition as the catalog administers it. */
export interface CatalogMetric {
  id: string;
  key: string;
  name: string;
  pillar: PillarKey;
  unit: string;
  direction: DirectionKey;
  aggregation: AggregationKey;
  cadence: "WEEKLY" | "MONTHLY";
  source: "MANUAL" | "COMPUTED";
  minValue: number | null;
  maxValue: number | null;
  integer: boolean;
  noteChangePct: number | null;
  description: string;
  howComputed: string;
  headline: boolean;
  builtIn: boolean;
  appliesToAll: boolean;
  sortOrder: number;
  sensitivity: SensitivityKey;
  teamIds: string[];
  archivedAt: string | null;
  valueCount: number;
  /** Built-in computed metrics cannot be edited (their numbers come from events). */
  readOnly: boolean;
}

export interface TargetView {
  id: string;
  metricId: string;
  metricName: string;
  scopeType: "ORG" | "GROUP" | "TEAM";
  scopeId: string | null;
  scopeName: string;
  green: number;
  amber: number;
  effectiveFrom: string;
  createdAt: string;
}

/** A stored team metric value, as the entry grid and the values API read it. */
export interface StoredCell {
  metricId: string;
  metricKey: string;
  weekStart: string;
  value: number;
  note: string | null;
  version: number;
  source: string;
  updatedAt: string;
}

export type GridGranularity = "week" | "month" | "quarter";

export interface StatusGridRow {
  scope: ScopeInfo;
  /** The team's group; null for the scope's own row. */
  groupName: string | null;
  cells: GridCell[];
}

export interface StatusGrid {
  scope: ScopeInfo;
  granularity: GridGranularity;
  metrics: MetricInfo[];
  /** The scope as a whole first, then its teams by group and name. */
  rows: StatusGridRow[];
}
