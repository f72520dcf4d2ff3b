"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "./api";
import { queryKeys } from "./query-keys";
import type { MetricSeries } from "@/lib/metrics/series-types";
import { appendFilter, type SegmentFilter } from "@/lib/segments/segment-filter";
import type { RetentionReport } from "@/lib/server/services/retention/retention-report";
import type { RetentionPeriod, RetentionSegment } from "@/lib/validation/people";

export interface RetentionParams {
  segment: RetentionSegment;
  period: RetentionPeriod;
  /** Location, sourcing and origin filters (people while in matching teams). */
  filter: SegmentFilter;
}

export function retentionSearch(p: RetentionParams): string {
  return appendFilter(new URLSearchParams({ segment: p.segment, period: p.period }), p.filter).toString();
}

export function useRetentionReport(params: RetentionParams) {
  return useQuery({
    queryKey: queryKeys.retention.report(retentionSearch(params)),
    queryFn: ({ signal }) => fetchJson<RetentionReport>(`/api/v1/retention?${retentionSearch(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const DEVELOPMENT_METRICS = ["growth_plan_coverage", "one_on_one_coverage", "coaching_hours", "open_roles", "time_to_fill"];

/** Manager-entered development metrics (monthly), read through the series API with its own anonymity rules. */
export function useDevelopmentSeries(scope: string, filter: SegmentFilter, granularity: "month" | "quarter") {
  const search = appendFilter(new URLSearchParams({ scope, range: "1y", granularity, metrics: DEVELOPMENT_METRICS.join(",") }), filter).toString();
  return useQuery({
    queryKey: queryKeys.retention.development(search),
    queryFn: ({ signal }) => fetchJson<{ scope: { name: string }; filter: { label: string } | null; from: string; to: string; series: MetricSeries[] }>(`/api/v1/metrics/series?${search}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
