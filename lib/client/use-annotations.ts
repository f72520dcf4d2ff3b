"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AnnotationView } from "@/lib/review/annotation-types";
import type { AnnotationInput, AnnotationUpdate } from "@/lib/validation/leadership";
import { fetchJson, sendJson } from "./api";
import { queryKeys } from "./query-keys";

export type Annotation = AnnotationView;

export interface AnnotationsQuery {
  scope: string;
  from?: string;
  to?: string;
}

/**
 * Notes drawn on a scope's charts; pass null to wait (e.g. until the chart's date range is known). `initial`:
 * this query's answer when the server rendered it with the page, and when (ms since the epoch).
 */
export function useAnnotations(query: AnnotationsQuery | null, initial?: { annotations: Annotation[]; at: number }) {
  return useQuery({
    initialData: initial ? { annotations: initial.annotations } : undefined,
    initialDataUpdatedAt: initial?.at,
    queryKey: query ? queryKeys.annotations.list(query) : queryKeys.annotations.all(),
    enabled: query !== null,
    queryFn: ({ signal }) => {
      const search = new URLSearchParams({ scope: query?.scope ?? "org" });
      if (query?.from) search.set("from", query.from);
      if (query?.to) search.set("to", query.to);
      return fetchJson<{ annotations: Annotation[] }>(`/api/v1/annotations?${search}`, { signal });
    },
    placeholderData: keepPreviousData,
  });
}

/** Create, edit and delete; every change refreshes every chart's notes and the weekly review. */
export function useAnnotationMutations() {
  const client = useQueryClient();
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.annotations.all() }), client.invalidateQueries({ queryKey: queryKeys.review.all() })]);
  return {
    create: useMutation({
      mutationFn: (input: AnnotationInput) => sendJson<{ annotation: Annotation }>("/api/v1/annotations", "POST", input),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: AnnotationUpdate }) => sendJson<{ annotation: Annotation }>(`/api/v1/annotations/${id}`, "PATCH", input),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => sendJson<{ ok: true }>(`/api/v1/annotations/${id}`, "DELETE"),
      onSuccess: refresh,
    }),
  };
}
