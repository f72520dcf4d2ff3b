"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { StoredCell } from "@/lib/server/data/metric-values";

export const teamValuesKey = (teamId: string, from: string, to: string) => [...queryKeys.all, "metric-values", teamId, from, to] as const;

/** A team's stored values for the grid's weeks, with versions for conflict-checked saves. */
export function useTeamValues(teamId: string, from: string, to: string) {
  return useQuery({
    queryKey: teamValuesKey(teamId, from, to),
    queryFn: ({ signal }) =>
      fetchJson<{ values: StoredCell[] }>(`/api/v1/metric-values?${new URLSearchParams({ team: teamId, from, to })}`, { signal }),
    staleTime: 0,
  });
}
