"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { OverviewResponse } from "@/lib/metrics/series-types";
import { fetchJson } from "./api";
import { overviewSearch, type OverviewParams } from "./overview-params";
import { queryKeys } from "./query-keys";

/** The overview for one view; the previous view stays on screen while another scope or range loads. */
export function useOverview(params: OverviewParams) {
  return useQuery({
    queryKey: queryKeys.overview.view(params),
    queryFn: ({ signal }) => fetchJson<OverviewResponse>(`/api/v1/overview?${overviewSearch(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
