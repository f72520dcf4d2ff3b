"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { CompareResponse, SegmentsResponse } from "@/lib/review/compare-types";
import type { PackAction } from "@/lib/review/pack-types";
import type { ActionInput, ActionUpdate, PackInput } from "@/lib/validation/leadership";
import { fetchJson } from "./api";
import { queryKeys } from "./query-keys";

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

/** Metrics and segments a leader can pick for a pack slide or a comparison; they change rarely. */
export function useSegmentOptions() {
  return useQuery({
    queryKey: [...queryKeys.all, "segments"] as const,
    queryFn: ({ signal }) => fetchJson<SegmentsResponse>("/api/v1/segments", { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useComparison(search: string | null) {
  return useQuery({
    queryKey: [...queryKeys.all, "compare", search ?? ""] as const,
    enabled: search !== null,
    queryFn: ({ signal }) => fetchJson<CompareResponse>(`/api/v1/compare?${search}`, { signal }),
  });
}

export function useCreatePack() {
  return useMutation({ mutationFn: (input: PackInput) => fetchJson<{ pack: { id: string } }>("/api/v1/packs", json("POST", input)) });
}

export function useActionMutations() {
  return {
    update: useMutation({
      mutationFn: ({ packId, actionId, input }: { packId: string; actionId: string; input: ActionUpdate }) =>
        fetchJson<{ action: PackAction }>(`/api/v1/packs/${packId}/actions/${actionId}`, json("PATCH", input)),
    }),
    add: useMutation({
      mutationFn: ({ packId, input }: { packId: string; input: ActionInput }) => fetchJson<{ action: PackAction }>(`/api/v1/packs/${packId}/actions`, json("POST", input)),
    }),
  };
}
