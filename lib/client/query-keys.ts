/**
 * Every TanStack Query key in one factory, so invalidating "all overview views" or "one view" cannot
 * drift from how the hooks build their keys. Every key starts with the app's root, so invalidating
 * `queryKeys.all` (after a roster import, say) reaches all of them.
 */
import type { OverviewParams } from "./overview-params";

const all = ["pillars"] as const;

const overview = {
  all: () => [...all, "overview"] as const,
  view: (params: OverviewParams) =>
    [...overview.all(), params.scope, params.range, params.granularity, params.filter.location ?? "", params.filter.sourcing ?? "", params.filter.origin ?? ""] as const,
};

const review = {
  all: () => [...all, "review"] as const,
  view: (scope: string, asOf: string | null | undefined, granularity: string) => [...review.all(), scope, asOf, granularity] as const,
};

const annotations = {
  all: () => [...all, "annotations"] as const,
  list: (q: { scope: string; from?: string; to?: string }) => [...annotations.all(), q.scope, q.from ?? "", q.to ?? ""] as const,
};

const delivery = {
  all: () => [...all, "delivery"] as const,
  /** `filter` is the segment filter as query text, so equal filters give equal keys. */
  view: (what: string, scope: string, from: string, to: string, filter: string) => [...delivery.all(), what, scope, from, to, filter] as const,
  services: () => [...delivery.all(), "services"] as const,
  pullRequest: (service: string, externalId: string) => [...delivery.all(), "pull-request", service, externalId] as const,
  trends: (search: string) => [...delivery.all(), "trends", search] as const,
  allocation: (team: string | null, from: string, to: string) => [...delivery.all(), "allocation", team, from, to] as const,
};

const retention = {
  all: () => [...all, "retention"] as const,
  report: (search: string) => [...retention.all(), "report", search] as const,
  development: (search: string) => [...retention.all(), "development", search] as const,
};

const people = {
  list: (filters: Record<string, string>) => [...all, "people", filters] as const,
  person: (employeeId: string) => [...all, "person", employeeId] as const,
};

const surveys = {
  results: (runId: string) => [...all, "surveys", "results", runId] as const,
  filteredResults: (runId: string, filter: Record<string, string | undefined>) => [...surveys.results(runId), filter] as const,
};

const skills = {
  all: () => [...all, "skills"] as const,
  catalog: () => [...skills.all(), "catalog"] as const,
  team: (teamId: string) => [...skills.all(), "team", teamId] as const,
  people: (teamId: string) => [...skills.all(), "people", teamId] as const,
  gaps: () => [...skills.all(), "gaps"] as const,
  learning: () => [...skills.all(), "learning"] as const,
  learningRecords: (teamId: string) => [...skills.learning(), "records", teamId] as const,
  learningReport: (year: number, segment: string) => [...skills.learning(), "report", year, segment] as const,
  aiUsage: (teamId: string) => [...skills.all(), "ai-usage", teamId] as const,
  series: (scope: string, metrics: string, range: string) => [...skills.all(), "series", scope, metrics, range] as const,
};

const experiments = {
  all: () => [...all, "experiments"] as const,
  list: () => [...experiments.all(), "list"] as const,
  one: (id: string) => [...experiments.all(), "one", id] as const,
  readout: (id: string) => [...experiments.all(), "readout", id] as const,
  markers: (scope: string) => [...experiments.all(), "markers", scope] as const,
};

const imports = {
  all: () => [...all, "imports"] as const,
  one: (id: string) => [...imports.all(), id] as const,
};

const admin = {
  all: () => [...all, "admin"] as const,
  users: () => [...admin.all(), "users"] as const,
  org: () => [...admin.all(), "org"] as const,
  settings: () => [...admin.all(), "settings"] as const,
  tokens: () => [...admin.all(), "tokens"] as const,
  jobs: () => [...admin.all(), "jobs"] as const,
  connectors: () => [...admin.all(), "connectors"] as const,
};

export const queryKeys = {
  all,
  overview,
  review,
  annotations,
  scopes: () => [...all, "scopes"] as const,
  statusGrid: (scope: string, granularity: string) => [...all, "status-grid", scope, granularity] as const,
  segments: () => [...all, "segments"] as const,
  compare: (search: string) => [...all, "compare", search] as const,
  delivery,
  retention,
  people,
  careerLevels: () => [...all, "career-levels"] as const,
  surveys,
  skills,
  experiments,
  metricValues: (teamId: string, from: string, to: string) => [...all, "metric-values", teamId, from, to] as const,
  valueHistory: (metricId: string, teamId: string, week: string) => [...all, "value-history", metricId, teamId, week] as const,
  imports,
  admin,
};

/** A key of the admin lists a mutation refreshes. */
export type AdminListKey = ReturnType<(typeof admin)["users" | "org" | "settings" | "tokens" | "jobs" | "connectors"]>;
