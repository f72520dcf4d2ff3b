"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, sendJson } from "./api";
import { queryKeys } from "./query-keys";
import type { RunResults } from "@/lib/engagement/api-types";

export interface ResultsFilter {
  team?: string;
  group?: string;
  location?: string;
  sourcing?: string;
}

export function resultsSearch(filter: ResultsFilter): string {
  const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])));
  return params.toString();
}

/** A run's results, with anonymity already applied by the server. */
export function useRunResults(runId: string, filter: ResultsFilter) {
  return useQuery({
    queryKey: queryKeys.surveys.filteredResults(runId, { ...filter }),
    queryFn: ({ signal }) => fetchJson<RunResults>(`/api/v1/surveys/runs/${runId}/results?${resultsSearch(filter)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Hide or show a comment in a run's results; every filtered view of that run is then refetched. */
export function useHideComment(runId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, hidden }: { id: string; hidden: boolean }) => sendJson(`/api/v1/surveys/comments/${id}`, "PATCH", { hidden }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.surveys.results(runId) }),
  });
}
