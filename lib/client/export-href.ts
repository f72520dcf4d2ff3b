/**
 * Links to the CSV exports, built from the same filters a chart or table shows, so "Download CSV"
 * gives exactly the numbers on screen (with the same anonymity rules applied server-side). Pure.
 */
import { appendFilter, type SegmentFilter } from "@/lib/segments/segment-filter";

export interface MetricExportFilter {
  /** `org`, `group:<id>` or `team:<id>`. */
  scope: string;
  metricKeys?: readonly string[];
  /** First and last week (`YYYY-MM-DD`), inclusive. */
  from?: string;
  to?: string;
}

export function exportHref(filter: MetricExportFilter): string {
  const params = new URLSearchParams();
  if (filter.scope && filter.scope !== "org") params.set("scope", filter.scope);
  if (filter.metricKeys?.length) params.set("metrics", filter.metricKeys.join(","));
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  const query = params.toString();
  return `/api/v1/exports/metric-values${query ? `?${query}` : ""}`;
}

/** The trend points of a dashboard view (scope, segment filter, range, granularity) for the given metrics. */
export function seriesExportHref(view: { scope: string; filter: SegmentFilter; range: string; granularity: string }, metricKeys: readonly string[]): string {
  const params = new URLSearchParams({ scope: view.scope, range: view.range, granularity: view.granularity });
  appendFilter(params, view.filter);
  params.set("metrics", metricKeys.join(","));
  return `/api/v1/exports/series?${params}`;
}

export type TableExport = "teams" | "groups";

export function tableExportHref(table: TableExport): string {
  return `/api/v1/exports/${table}`;
}

export const FULL_EXPORT_HREF = "/api/v1/exports/full";
