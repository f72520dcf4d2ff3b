import { csvHeader } from "@/lib/delivery/drilldown";
import { csvDownload } from "@/lib/server/http/csv-download";
import { withRoute } from "@/lib/server/http/route";
import { DRILL_CSV_CELLS, listDeliveryIncidents } from "@/lib/server/services/delivery/read";
import { incidentRowsQuery, type IncidentRowsQuery } from "@/lib/validation/delivery";

export const dynamic = "force-dynamic";

/**
 * Incidents opened or resolved in the period — or only those opened, or resolved (time to restore) — with the deployment each links to.
 * Paged (page, pageSize, total), sorted (sort, dir), filtered (filterService, q); format=csv downloads every matching row.
 */
export const GET = withRoute<IncidentRowsQuery>({
  auth: "any",
  scope: "read",
  action: "read",
  query: incidentRowsQuery,
  handler: async ({ query }) => {
    const result = await listDeliveryIncidents(query);
    if (query.format === "json") return result;
    const name = `pillars-incidents-${query.subset}-${result.from}-${result.to}.csv`;
    return csvDownload(name, csvHeader("incidents"), result.incidents.map(DRILL_CSV_CELLS.incidents));
  },
});
