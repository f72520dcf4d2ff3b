"use client";

import { useQuery } from "@tanstack/react-query";
import type { ChartMarker } from "@/components/charts/markers";
import { fetchJson } from "./api";
import { queryKeys } from "./query-keys";

const NONE: ChartMarker[] = [];

/**
 * Experiment start/end markers for every chart of a scope (`org`, `group:<id>`, `team:<id>`), ready for
 * TrendChart's `markers` prop. While loading (or on error) there are no markers: a chart never waits for them.
 * `initial`: this scope's markers when the server rendered them with the page, and when.
 */
export function useExperimentMarkers(scope: string, initial?: { markers: ChartMarker[]; at: number }): ChartMarker[] {
  const query = useQuery({
    initialData: initial ? { markers: initial.markers } : undefined,
    initialDataUpdatedAt: initial?.at,
    queryKey: queryKeys.experiments.markers(scope),
    queryFn: ({ signal }) => fetchJson<{ markers: ChartMarker[] }>(`/api/v1/experiments/markers?scope=${encodeURIComponent(scope)}`, { signal }),
    staleTime: 5 * 60_000,
  });
  return query.data?.markers ?? NONE;
}
