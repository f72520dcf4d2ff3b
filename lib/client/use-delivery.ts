"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, sendJson } from "./api";
import { queryKeys } from "./query-keys";
import type { MetricSeries } from "@/lib/metrics/series-types";
import { appendFilter, type SegmentFilter } from "@/lib/segments/segment-filter";
import type { ChangeRow, DeliverySummaryResponse, DeploymentRow, FlowSummaryResponse, IncidentRow, PullRequestBreakdown } from "@/lib/delivery/api-types";

/** Data for the Delivery page: one hook per API resource, keyed under ["pillars", "delivery", …]. */
export interface DeliveryView {
  /** "org", "team:<slug>", "group:<slug>" or "service:<name>". */
  scope: string;
  from: string;
  to: string;
  /** Location, sourcing and origin filters (teams, groups and the org; not a single service). */
  filter: SegmentFilter;
}

export function scopeQuery(view: DeliveryView): URLSearchParams {
  const params = new URLSearchParams({ from: view.from, to: view.to });
  const [kind, ...rest] = view.scope.split(":");
  const value = rest.join(":");
  if (kind !== "org" && value) params.set(kind, value);
  return appendFilter(params, view.filter);
}

const viewKey = (what: string, view: DeliveryView) =>
  queryKeys.delivery.view(what, view.scope, view.from, view.to, appendFilter(new URLSearchParams(), view.filter).toString());

/** JSON dates arrive as strings. */
type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

export type DeliverySummaryJson = Json<DeliverySummaryResponse>;
export type FlowSummaryJson = Json<FlowSummaryResponse>;

export type DeploymentRowJson = Json<DeploymentRow>;
export type ChangeRowJson = Json<ChangeRow>;
export type IncidentRowJson = Json<IncidentRow>;
export type PullRequestJson = Json<PullRequestBreakdown>;

/** What a drill-down asks for beyond the scope and period (the API's names; see lib/validation/delivery.ts). */
export interface RowsParams {
  subset: string;
  sort: string;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  q: string;
  filterService: string;
}

export interface RowsPageJson<T> {
  total: number;
  page: number;
  pageSize: number;
  services: string[];
  rows: T[];
}

/** The drill-down's URL: JSON for one page, or `format=csv` for every matching row. */
export function rowsHref(kind: RowKind, view: DeliveryView, params: RowsParams, format: "json" | "csv" = "json"): string {
  const search = scopeQuery(view);
  search.set("subset", params.subset);
  search.set("sort", params.sort);
  search.set("dir", params.dir);
  if (params.q.trim()) search.set("q", params.q.trim());
  if (params.filterService) search.set("filterService", params.filterService);
  if (format === "csv") search.set("format", "csv");
  else {
    search.set("page", String(params.page));
    search.set("pageSize", String(params.pageSize));
  }
  return `/api/v1/delivery/${kind}?${search}`;
}

export interface WorkItemRowJson {
  externalId: string;
  team: string;
  title: string | null;
  type: string;
  start: string | null;
  finish: string | null;
  flowDays: number | null;
  activeDays: number | null;
}

export function useDeliverySummary(view: DeliveryView) {
  return useQuery({
    queryKey: viewKey("summary", view),
    queryFn: ({ signal }) => fetchJson<DeliverySummaryJson>(`/api/v1/delivery?${scopeQuery(view)}`, { signal }),
    placeholderData: keepPreviousData,
    // While new events' weekly values are being recomputed, look again shortly.
    refetchInterval: (query) => (query.state.data?.weekly.pending ? 3_000 : false),
  });
}

export function useFlowSummary(view: DeliveryView) {
  const service = view.scope.startsWith("service:");
  return useQuery({
    queryKey: viewKey("flow", view),
    queryFn: ({ signal }) => fetchJson<FlowSummaryJson>(`/api/v1/flow?${scopeQuery(view)}`, { signal }),
    enabled: !service,
    placeholderData: keepPreviousData,
  });
}

export type RowKind = "deployments" | "changes" | "incidents";

export function useDeliveryRows<T>(kind: RowKind, view: DeliveryView, params: RowsParams) {
  const href = rowsHref(kind, view, params);
  return useQuery<RowsPageJson<T>>({
    queryKey: queryKeys.delivery.view(kind, view.scope, view.from, view.to, href),
    queryFn: ({ signal }) =>
      fetchJson<Omit<RowsPageJson<T>, "rows"> & Record<RowKind, T[]>>(href, { signal }).then((r): RowsPageJson<T> => ({ ...r, rows: r[kind] })),
    // Keep the current page on screen while the next page, sort or filter loads.
    placeholderData: keepPreviousData,
  });
}

export function useFlowItems(view: DeliveryView, enabled: boolean) {
  return useQuery({
    queryKey: viewKey("work-items", view),
    queryFn: ({ signal }) => fetchJson<{ finished: WorkItemRowJson[]; inProgress: WorkItemRowJson[] }>(`/api/v1/flow/work-items?${scopeQuery(view)}`, { signal }),
    enabled,
  });
}

/** A change's page: `/delivery/change?service=…&pr=…` (the drill-down links each change there). */
export function changeHref(service: string, externalId: string): string {
  return `/delivery/change?${new URLSearchParams({ service, pr: externalId })}`;
}

/** One change with its commits, reviews, breakdown and shipping deployment. */
export function usePullRequest(service: string, externalId: string) {
  return useQuery({
    queryKey: queryKeys.delivery.pullRequest(service, externalId),
    queryFn: ({ signal }) =>
      fetchJson<PullRequestJson>(`/api/v1/pull-requests/${encodeURIComponent(externalId)}?${new URLSearchParams({ service })}`, { signal }),
  });
}

export function useServices() {
  return useQuery({
    queryKey: queryKeys.delivery.services(),
    queryFn: ({ signal }) => fetchJson<{ services: { name: string; team: { slug: string; name: string } | null }[] }>("/api/v1/delivery/services", { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Weekly trend series of the stored metric values (teams, groups and the org; services have none). */
export function useDeliveryTrends(scopeParam: string | null, filter: SegmentFilter, metrics: readonly string[]) {
  const search = appendFilter(new URLSearchParams({ scope: scopeParam ?? "org", metrics: metrics.join(","), range: "6m", granularity: "week" }), filter);
  return useQuery({
    queryKey: queryKeys.delivery.trends(search.toString()),
    queryFn: ({ signal }) => fetchJson<{ series: MetricSeries[] }>(`/api/v1/metrics/series?${search}`, { signal }),
    enabled: scopeParam !== null,
  });
}

export interface AllocationJson {
  team: { id: string; slug: string; name: string };
  from: string;
  to: string;
  fromWorkItems: { finished: number; percentages: { newCapability: number; ktlo: number; techDebt: number } };
  entered: { week: string; newCapability: number | null; ktlo: number | null; techDebt: number | null }[];
}

export function useAllocation(team: string | null, view: DeliveryView) {
  return useQuery({
    queryKey: queryKeys.delivery.allocation(team, view.from, view.to),
    queryFn: ({ signal }) => fetchJson<AllocationJson>(`/api/v1/allocation?${new URLSearchParams({ team: team ?? "", from: view.from, to: view.to })}`, { signal }),
    enabled: team !== null,
  });
}

export function useSaveAllocation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { team: string; fromWeek: string; toWeek: string; newCapability: number; ktlo: number; techDebt: number }) =>
      sendJson("/api/v1/allocation", "PUT", body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.delivery.all() }),
  });
}
