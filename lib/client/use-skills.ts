"use client";

import { useMutation, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import type { MetricSeries } from "@/lib/metrics/series-types";
import type { AiUsageView, ExperimentReadout, ExperimentView, LearningRecordView, LearningReport, OrgGapView, TeamProficienciesView, TeamSkillsView } from "@/lib/skills/api-types";
import { fetchJson, sendJson } from "./api";
import { queryKeys } from "./query-keys";

/** Hooks for the Skills pillar pages and the experiment log: one per resource, plus a JSON mutation. */

export type { AiUsageView, ExperimentReadout, ExperimentView, LearningRecordView, LearningReport, OrgGapView, TeamProficienciesView, TeamSkillsView };

export interface SkillRow {
  id: string;
  name: string;
  category: string | null;
}

export function useSkillCatalog() {
  return useQuery({
    queryKey: queryKeys.skills.catalog(),
    queryFn: ({ signal }) => fetchJson<{ skills: SkillRow[] }>("/api/v1/skills", { signal }).then((r) => r.skills),
  });
}

export function useTeamSkills(teamId: string | null) {
  return useQuery({
    queryKey: queryKeys.skills.team(teamId ?? ""),
    queryFn: ({ signal }) => fetchJson<TeamSkillsView>(`/api/v1/skills/teams/${teamId}`, { signal }),
    enabled: teamId !== null,
  });
}

export function useTeamPeople(teamId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.skills.people(teamId ?? ""),
    queryFn: ({ signal }) => fetchJson<TeamProficienciesView>(`/api/v1/skills/teams/${teamId}/people`, { signal }),
    enabled: enabled && teamId !== null,
  });
}

export function useSkillGaps() {
  return useQuery({
    queryKey: queryKeys.skills.gaps(),
    queryFn: ({ signal }) => fetchJson<{ gaps: OrgGapView[] }>("/api/v1/skills/gaps", { signal }).then((r) => r.gaps),
  });
}

export function useLearningReport(year: number, segment: string) {
  return useQuery({
    queryKey: queryKeys.skills.learningReport(year, segment),
    queryFn: ({ signal }) => fetchJson<LearningReport>(`/api/v1/learning/report?year=${year}&segment=${segment}`, { signal }),
  });
}

export function useLearningRecords(teamId: string | null) {
  return useQuery({
    queryKey: queryKeys.skills.learningRecords(teamId ?? "all"),
    queryFn: ({ signal }) =>
      fetchJson<{ records: LearningRecordView[] }>(`/api/v1/learning${teamId ? `?team=${teamId}` : ""}`, { signal }).then((r) => r.records),
  });
}

export function useAiUsage(teamId: string | null) {
  return useQuery({
    queryKey: queryKeys.skills.aiUsage(teamId ?? "all"),
    queryFn: ({ signal }) => fetchJson<{ rows: AiUsageView[] }>(`/api/v1/ai-usage${teamId ? `?team=${teamId}` : ""}`, { signal }).then((r) => r.rows),
  });
}

/** Weekly series of several metrics over the same window, so their points line up week by week. */
export function useAlignedSeries(scope: string, metrics: string[], range: string) {
  const list = metrics.join(",");
  return useQuery({
    queryKey: queryKeys.skills.series(scope, list, range),
    queryFn: ({ signal }) =>
      fetchJson<{ series: MetricSeries[] }>(`/api/v1/metrics/series?scope=${encodeURIComponent(scope)}&metrics=${list}&range=${range}&granularity=week`, { signal }).then(
        (r) => r.series,
      ),
  });
}

export function useExperiments() {
  return useQuery({
    queryKey: queryKeys.experiments.list(),
    queryFn: ({ signal }) => fetchJson<{ experiments: ExperimentView[] }>("/api/v1/experiments", { signal }).then((r) => r.experiments),
  });
}

export function useExperiment(id: string) {
  return useQuery({ queryKey: queryKeys.experiments.one(id), queryFn: ({ signal }) => fetchJson<ExperimentView>(`/api/v1/experiments/${id}`, { signal }) });
}

export function useExperimentReadout(id: string) {
  return useQuery({
    queryKey: queryKeys.experiments.readout(id),
    queryFn: ({ signal }) => fetchJson<ExperimentReadout>(`/api/v1/experiments/${id}/readout`, { signal }),
  });
}

/** A JSON write to one of this pillar's endpoints; on success the given queries are refetched. */
export function useJsonMutation<TBody, TResult = unknown>(method: "POST" | "PUT" | "DELETE", invalidate: QueryKey[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ url, body }: { url: string; body?: TBody }) =>
      sendJson<TResult>(url, method, body),
    onSuccess: async () => {
      await Promise.all(invalidate.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}
