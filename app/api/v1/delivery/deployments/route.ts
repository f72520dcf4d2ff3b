import { csvHeader } from "@/lib/delivery/drilldown";
import { csvDownload } from "@/lib/server/http/csv-download";
import { withRoute } from "@/lib/server/http/route";
import { DRILL_CSV_CELLS, listDeliveryDeployments } from "@/lib/server/services/delivery/read";
import { deploymentRowsQuery, type DeploymentRowsQuery } from "@/lib/validation/delivery";

export const dynamic = "force-dynamic";

/**
 * Production deployments finished in the period — all runs, or only those a number counts (successful, failed, recovered, rework) — with failure and rework flags and the changes each shipped.
 * Paged (page, pageSize, total), sorted (sort, dir), filtered (filterService, q); format=csv downloads every matching row.
 */
export const GET = withRoute<DeploymentRowsQuery>({
  auth: "any",
  scope: "read",
  action: "read",
  query: deploymentRowsQuery,
  handler: async ({ query }) => {
    const result = await listDeliveryDeployments(query);
    if (query.format === "json") return result;
    const name = `pillars-deployments-${query.subset}-${result.from}-${result.to}.csv`;
    return csvDownload(name, csvHeader("deployments"), result.deployments.map(DRILL_CSV_CELLS.deployments));
  },
});
