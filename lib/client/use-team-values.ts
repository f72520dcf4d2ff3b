"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "./api";
import { queryKeys } from "./query-keys";
import type { AuditRow } from "@/lib/admin/api-types";
import type { StoredCell } from "@/lib/metrics/api-types";

/** A team's stored values for the grid's weeks, with versions for conflict-checked saves. */
export function useTeamValues(teamId: string, from: string, to: string) {
  return useQuery({
    queryKey: queryKeys.metricValues(teamId, from, to),
    queryFn: ({ signal }) =>
      fetchJson<{ values: StoredCell[] }>(`/api/v1/metric-values?${new URLSearchParams({ team: teamId, from, to })}`, { signal }),
    staleTime: 0,
  });
}

/** One cell's recorded changes from the audit trail: who, when, before and after. */
export function useValueHistory(metricId: string, teamId: string, week: string) {
  return useQuery({
    queryKey: queryKeys.valueHistory(metricId, teamId, week),
    queryFn: ({ signal }) =>
      fetchJson<{ history: AuditRow[] }>(`/api/v1/metric-values/history?${new URLSearchParams({ metric: metricId, team: teamId, week })}`, { signal }),
  });
}
