"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { StatusGrid } from "@/lib/metrics/api-types";
import { fetchJson } from "./api";
import { queryKeys } from "./query-keys";

/** The team × metric status grid for the organisation or a group; the previous grid stays while another loads. */
export function useStatusGrid(scope: string, granularity: StatusGrid["granularity"]) {
  return useQuery({
    queryKey: queryKeys.statusGrid(scope, granularity),
    queryFn: ({ signal }) => fetchJson<StatusGrid>(`/api/v1/status-grid?${new URLSearchParams({ scope, granularity })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
