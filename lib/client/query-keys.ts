/**
 * Every TanStack Query key in one factory, so invalidating "all overview views" or "one view" cannot
 * drift from how the hooks build their keys.
 */
import type { OverviewParams } from "./overview-params";

export const queryKeys = {
  all: ["pillars"] as const,
  overview: {
    all: () => [...queryKeys.all, "overview"] as const,
    view: (params: OverviewParams) =>
      [...queryKeys.overview.all(), params.scope, params.range, params.granularity, params.filter.location ?? "", params.filter.sourcing ?? "", params.filter.origin ?? ""] as const,
  },
  scopes: () => [...queryKeys.all, "scopes"] as const,
  statusGrid: (scope: string, granularity: string) => [...queryKeys.all, "status-grid", scope, granularity] as const,
};
