"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, fetchJson, sendJson } from "./api";
import { queryKeys } from "./query-keys";
import type { MetricSeries } from "@/lib/metrics/series-types";
import { appendFilter, type SegmentFilter } from "@/lib/segments/segment-filter";
import type { CanonicalPerson, CareerLevelRow, PersonSummary, RetentionReport, RosterImportResult } from "@/lib/retention/api-types";
import type { RetentionPeriod, RetentionSegment } from "@/lib/validation/people";

export interface RetentionParams {
  segment: RetentionSegment;
  period: RetentionPeriod;
  /** Location, sourcing and origin filters (people while in matching teams). */
  filter: SegmentFilter;
}

export function retentionSearch(p: RetentionParams): string {
  return appendFilter(new URLSearchParams({ segment: p.segment, period: p.period }), p.filter).toString();
}

export function useRetentionReport(params: RetentionParams) {
  return useQuery({
    queryKey: queryKeys.retention.report(retentionSearch(params)),
    queryFn: ({ signal }) => fetchJson<RetentionReport>(`/api/v1/retention?${retentionSearch(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const DEVELOPMENT_METRICS = ["growth_plan_coverage", "one_on_one_coverage", "coaching_hours", "open_roles", "time_to_fill"];

/** Manager-entered development metrics (monthly), read through the series API with its own anonymity rules. */
export function useDevelopmentSeries(scope: string, filter: SegmentFilter, granularity: "month" | "quarter") {
  const search = appendFilter(new URLSearchParams({ scope, range: "1y", granularity, metrics: DEVELOPMENT_METRICS.join(",") }), filter).toString();
  return useQuery({
    queryKey: queryKeys.retention.development(search),
    queryFn: ({ signal }) => fetchJson<{ scope: { name: string }; filter: { label: string } | null; from: string; to: string; series: MetricSeries[] }>(`/api/v1/metrics/series?${search}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The roster for the people admin, filtered by team, status, level and id (empty filters are left out). */
export function usePeople(filters: Record<string, string>) {
  const search = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== "")).toString();
  return useQuery({
    queryKey: queryKeys.people.list(filters),
    queryFn: ({ signal }) => fetchJson<{ people: PersonSummary[] }>(`/api/v1/people?${search}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(employeeId: string) {
  return useQuery({
    queryKey: queryKeys.people.person(employeeId),
    queryFn: ({ signal }) => fetchJson<{ person: CanonicalPerson }>(`/api/v1/people/${encodeURIComponent(employeeId)}`, { signal }),
  });
}

/**
 * Writes to the roster change every retention figure (headcount, turnover, tenure), so afterwards every
 * query is refetched, not only the people lists.
 */
function useRosterWrite<TInput>(send: (input: TInput) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.all }) });
}

/** Adds one person (a first hire); the body is the people API's create shape. */
export function useAddPerson() {
  return useRosterWrite((body: Record<string, unknown>) => sendJson("/api/v1/people", "POST", body));
}

/** Records a promotion, team move, exit or rehire for one person. */
export function useRecordPersonEvent(employeeId: string) {
  return useRosterWrite((body: Record<string, unknown>) => sendJson(`/api/v1/people/${encodeURIComponent(employeeId)}/events`, "POST", body));
}

export function useCareerLevels() {
  return useQuery({ queryKey: queryKeys.careerLevels(), queryFn: ({ signal }) => fetchJson<{ levels: CareerLevelRow[] }>("/api/v1/career-levels", { signal }) });
}

export interface CareerLevelInput {
  key?: string;
  name: string;
  track: string;
  order: number;
}

function useCareerLevelWrite<TInput>(send: (input: TInput) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.careerLevels() }) });
}

export function useAddCareerLevel() {
  return useCareerLevelWrite((level: CareerLevelInput) => sendJson("/api/v1/career-levels", "POST", level));
}

export function useSaveCareerLevel(id: string) {
  return useCareerLevelWrite((level: Omit<CareerLevelInput, "key">) => sendJson(`/api/v1/career-levels/${id}`, "PATCH", level));
}

export function useDeleteCareerLevel(id: string) {
  return useCareerLevelWrite(() => sendJson(`/api/v1/career-levels/${id}`, "DELETE"));
}

/**
 * Previews (dryRun) or imports a roster CSV. A file with problems is refused (400) with the
 * same result, listing them by row and column: that is an answer too.
 */
export async function uploadRoster(file: File, dryRun: boolean): Promise<RosterImportResult> {
  try {
    return await fetchJson<RosterImportResult>(`/api/v1/people/import?dryRun=${dryRun ? 1 : 0}`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: file });
  } catch (error) {
    const answer = error instanceof ApiError ? (error.answer as Partial<RosterImportResult> | undefined) : undefined;
    if (answer && Array.isArray(answer.errors)) return answer as RosterImportResult;
    throw error;
  }
}
