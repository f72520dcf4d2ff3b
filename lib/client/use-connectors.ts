"use client";

import { useQuery } from "@tanstack/react-query";
import type { ConnectorList } from "@/lib/connectors/api-types";
import { fetchJson } from "./api";
import { queryKeys } from "./query-keys";
import { useAdminMutation } from "./use-admin";

/** The pull connectors and the providers' fields; every 2 s while a sync is queued or running, so its progress moves. */
export function useAdminConnectors() {
  return useQuery({
    queryKey: queryKeys.admin.connectors(),
    queryFn: ({ signal }) => fetchJson<ConnectorList>("/api/v1/admin/connectors", { signal }),
    refetchInterval: (query) => (query.state.data?.connectors.some((c) => c.job) ? 2_000 : 15_000),
  });
}

/** A write to a connector route; the connectors and the jobs list are read again afterwards. */
export function useConnectorMutation<T = unknown>() {
  return useAdminMutation<T>([queryKeys.admin.connectors(), queryKeys.admin.jobs()]);
}
