"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/api";
import type { RunResults } from "@/lib/server/services/engagement/results";

export interface ResultsFilter {
  team?: string;
  group?: string;
  location?: string;
  sourcing?: string;
}

export const surveyKeys = {
  results: (runId: string, filter: ResultsFilter) => ["pillars", "surveys", "results", runId, filter] as const,
};

export function resultsSearch(filter: ResultsFilter): string {
  const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])));
  return params.toString();
}

/** A run's results, with anonymity already applied by the server. */
export function useRunResults(runId: string, filter: ResultsFilter) {
  return useQuery({
    queryKey: surveyKeys.results(runId, filter),
    queryFn: ({ signal }) => fetchJson<RunResults>(`/api/v1/surveys/runs/${runId}/results?${resultsSearch(filter)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
