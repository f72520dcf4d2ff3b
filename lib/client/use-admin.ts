"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, sendJson, type WriteMethod } from "./api";
import { queryKeys, type AdminListKey } from "./query-keys";
import type { AdminOrg, AdminSettings, AdminUserRow, ApiTokenRow, JobList } from "@/lib/admin/api-types";

/**
 * TanStack Query hooks for the admin screens. Every mutation goes through a /api/v1/admin route handler
 * (which checks the ADMIN role itself) and then refreshes the affected lists.
 */


export function useAdminUsers() {
  return useQuery({
    queryKey: queryKeys.admin.users(),
    queryFn: ({ signal }) => fetchJson<{ users: AdminUserRow[] }>("/api/v1/admin/users", { signal }).then((r) => r.users),
  });
}

export function useAdminOrg() {
  return useQuery({ queryKey: queryKeys.admin.org(), queryFn: ({ signal }) => fetchJson<AdminOrg>("/api/v1/admin/org", { signal }) });
}

export function useAdminSettings() {
  return useQuery({ queryKey: queryKeys.admin.settings(), queryFn: ({ signal }) => fetchJson<AdminSettings>("/api/v1/admin/settings", { signal }) });
}

export function useAdminTokens() {
  return useQuery({
    queryKey: queryKeys.admin.tokens(),
    queryFn: ({ signal }) => fetchJson<{ tokens: ApiTokenRow[] }>("/api/v1/admin/tokens", { signal }).then((r) => r.tokens),
  });
}

/** Background jobs; refreshed every 2 s while any is queued or running, so progress moves on screen. */
export function useAdminJobs() {
  return useQuery({
    queryKey: queryKeys.admin.jobs(),
    queryFn: ({ signal }) => fetchJson<JobList>("/api/v1/jobs", { signal }),
    refetchInterval: (query) => {
      const counts = query.state.data?.counts;
      return counts && counts.QUEUED + counts.RUNNING > 0 ? 2_000 : 15_000;
    },
  });
}

interface Call {
  method: WriteMethod;
  url: string;
  body?: unknown;
}

/** A JSON call to an admin route; afterwards the given lists are refetched. */
export function useAdminMutation<T = unknown>(invalidate: AdminListKey[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method, url, body }: Call) =>
sendJson<T>(url, method, body),
    onSuccess: () => Promise.all(invalidate.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}
