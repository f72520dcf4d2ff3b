/**
 * Query keys of the Skills pillar and the experiment log, under the app's root key so "invalidate
 * everything" (queryKeys.all) still reaches them.
 */
import { queryKeys } from "./query-keys";

export const skillsKeys = {
  all: () => [...queryKeys.all, "skills"] as const,
  catalog: () => [...skillsKeys.all(), "catalog"] as const,
  team: (teamId: string) => [...skillsKeys.all(), "team", teamId] as const,
  people: (teamId: string) => [...skillsKeys.all(), "people", teamId] as const,
  gaps: () => [...skillsKeys.all(), "gaps"] as const,
  learning: () => [...skillsKeys.all(), "learning"] as const,
  learningRecords: (teamId: string) => [...skillsKeys.learning(), "records", teamId] as const,
  learningReport: (year: number, segment: string) => [...skillsKeys.learning(), "report", year, segment] as const,
  aiUsage: (teamId: string) => [...skillsKeys.all(), "ai-usage", teamId] as const,
  series: (scope: string, metrics: string, range: string) => [...skillsKeys.all(), "series", scope, metrics, range] as const,
};

export const experimentKeys = {
  all: () => [...queryKeys.all, "experiments"] as const,
  list: () => [...experimentKeys.all(), "list"] as const,
  one: (id: string) => [...experimentKeys.all(), "one", id] as const,
  readout: (id: string) => [...experimentKeys.all(), "readout", id] as const,
  markers: (scope: string) => [...experimentKeys.all(), "markers", scope] as const,
};
