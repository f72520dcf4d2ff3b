"use client";

import { useQuery } from "@tanstack/react-query";
import type { ScopesResponse } from "@/lib/metrics/series-types";
import { fetchJson } from "./api";
import { queryKeys } from "./query-keys";

/** Groups and teams the user can pick as a scope; they change rarely, so they stay fresh for longer. */
export function useScopes() {
  return useQuery({
    queryKey: queryKeys.scopes(),
    queryFn: ({ signal }) => fetchJson<ScopesResponse>("/api/v1/scopes", { signal }),
    staleTime: 5 * 60_000,
  });
}
