"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { WeeklyReview } from "@/lib/review/review-types";
import { fetchJson } from "./api";
import { queryKeys } from "./query-keys";

export interface ReviewParams {
  scope: string;
  /** YYYY-MM-DD, or "" for the current week. */
  asOf: string;
  granularity: "week" | "month";
}

export function reviewSearch(params: ReviewParams): string {
  const search = new URLSearchParams();
  if (params.scope !== "org") search.set("scope", params.scope);
  if (params.asOf) search.set("asOf", params.asOf);
  if (params.granularity !== "week") search.set("granularity", params.granularity);
  return search.toString();
}

export function useWeeklyReview(params: ReviewParams) {
  return useQuery({
    queryKey: queryKeys.review.view(params.scope, params.asOf, params.granularity),
    queryFn: ({ signal }) => fetchJson<WeeklyReview>(`/api/v1/review?${reviewSearch(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
