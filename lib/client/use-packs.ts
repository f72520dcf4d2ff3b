"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { CompareResponse, SegmentsResponse } from "@/lib/review/compare-types";
import type { PackAction } from "@/lib/review/pack-types";
import type { ActionInput, ActionUpdate, PackInput } from "@/lib/validation/leadership";
import { fetchJson, sendJson } from "./api";
import { queryKeys } from "./query-keys";

/** Metrics and segments a leader can pick for a pack slide or a comparison; they change rarely. */
export function useSegmentOptions() {
  return useQuery({
    queryKey: queryKeys.segments(),
    queryFn: ({ signal }) => fetchJson<SegmentsResponse>("/api/v1/segments", { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useComparison(search: string | null) {
  return useQuery({
    queryKey: queryKeys.compare(search ?? ""),
    enabled: search !== null,
    queryFn: ({ signal }) => fetchJson<CompareResponse>(`/api/v1/compare?${search}`, { signal }),
  });
}

export function useCreatePack() {
  return useMutation({ mutationFn: (input: PackInput) => sendJson<{ pack: { id: string } }>("/api/v1/packs", "POST", input) });
}

export function useActionMutations() {
  return {
    update: useMutation({
      mutationFn: ({ packId, actionId, input }: { packId: string; actionId: string; input: ActionUpdate }) =>
        sendJson<{ action: PackAction }>(`/api/v1/packs/${packId}/actions/${actionId}`, "PATCH", input),
    }),
    add: useMutation({
      mutationFn: ({ packId, input }: { packId: string; input: ActionInput }) => sendJson<{ action: PackAction }>(`/api/v1/packs/${packId}/actions`, "POST", input),
    }),
  };
}
