"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ChartMarker } from "@/components/charts/markers";
import type { OverviewResponse } from "@/lib/metrics/series-types";
import type { AnnotationView } from "@/lib/review/annotation-types";
import { fetchJson } from "./api";
import { overviewSearch, type OverviewParams } from "./overview-params";
import { queryKeys } from "./query-keys";

/**
 * A view's overview as the server rendered it with the page, and when (ms since the epoch); with the notes and
 * experiment markers of its scope (`scope` as the API takes it, notes from the view's first period) when those
 * could be read too.
 */
export interface InitialOverview {
  data: OverviewResponse;
  at: number;
  marks?: { scope: string; from: string; annotations: AnnotationView[]; experiments: ChartMarker[] };
}

/**
 * The overview for one view; the previous view stays on screen while another scope or range loads. `initial`
 * is this view's answer rendered with the page: it is not asked for again while fresh (the client's staleTime).
 */
export function useOverview(params: OverviewParams, initial?: InitialOverview) {
  return useQuery({
    queryKey: queryKeys.overview.view(params),
    queryFn: ({ signal }) => fetchJson<OverviewResponse>(`/api/v1/overview?${overviewSearch(params)}`, { signal }),
    placeholderData: keepPreviousData,
    initialData: initial?.data,
    initialDataUpdatedAt: initial?.at,
  });
}
