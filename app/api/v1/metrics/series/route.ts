import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { withRoute } from "@/lib/server/http/route";
import { getMetricSeries } from "@/lib/server/services/overview";
import { seriesQuery } from "@/lib/validation/dashboard";

export const dynamic = "force-dynamic";

/** Trend series for chosen metrics (or a pillar's metrics) for the org, a group or a team. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: seriesQuery,
  handler: async ({ query, user }) => {
    const result = await getMetricSeries({ ...query, viewer: disclosureViewer(user) });
    return { scope: { type: result.scope.type, id: result.scope.id, name: result.scope.name }, filter: result.filter, from: result.from, to: result.to, series: result.series };
  },
});
