"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "./api";
import { queryKeys } from "./query-keys";
import type { StoredCell } from "@/lib/server/data/metric-values";

/** A team's stored values for the grid's weeks, with versions for conflict-checked saves. */
export function useTeamValues(teamId: string, from: string, to: string) {
  return useQuery({
    queryKey: queryKeys.metricValues(teamId, from, to),
    queryFn: ({ signal }) =>
      fetchJson<{ values: StoredCell[] }>(`/api/v1/metric-values?${new URLSearchParams({ team: teamId, from, to })}`, { signal }),
    staleTime: 0,
  });
}
