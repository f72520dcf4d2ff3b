"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { MetricSeries } from "@/lib/metrics/series-types";
import type { RetentionReport } from "@/lib/server/services/people/retention-report";
import type { RetentionPeriod, RetentionSegment } from "@/lib/validation/people";

export interface RetentionParams {
  segment: RetentionSegment;
  period: RetentionPeriod;
}

export const retentionKeys = {
  all: () => [...queryKeys.all, "retention"] as const,
  report: (p: RetentionParams) => [...retentionKeys.all(), "report", p.segment, p.period] as const,
  development: (scope: string, granularity: string) => [...retentionKeys.all(), "development", scope, granularity] as const,
};

export function retentionSearch(p: RetentionParams): string {
  return new URLSearchParams({ segment: p.segment, period: p.period }).toString();
}

export function useRetentionReport(params: RetentionParams) {
  return useQuery({
    queryKey: retentionKeys.report(params),
    queryFn: ({ signal }) => fetchJson<RetentionReport>(`/api/v1/retention?${retentionSearch(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const DEVELOPMENT_METRICS = ["growth_plan_coverage", "one_on_one_coverage", "coaching_hours", "open_roles", "time_to_fill"];

/** Manager-entered development metrics (monthly), read through the series API with its own anonymity rules. */
export function useDevelopmentSeries(scope: string, granularity: "month" | "quarter") {
  return useQuery({
    queryKey: retentionKeys.development(scope, granularity),
    queryFn: ({ signal }) =>
      fetchJson<{ series: MetricSeries[] }>(
        `/api/v1/metrics/series?${new URLSearchParams({ scope, range: "1y", granularity, metrics: DEVELOPMENT_METRICS.join(",") })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}
