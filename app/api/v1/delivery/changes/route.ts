import { csvHeader } from "@/lib/delivery/drilldown";
import { csvDownload } from "@/lib/server/http/csv-download";
import { withRoute } from "@/lib/server/http/route";
import { DRILL_CSV_CELLS, listDeliveryChanges } from "@/lib/server/services/delivery/read";
import { changeRowsQuery, type ChangeRowsQuery } from "@/lib/validation/delivery";

export const dynamic = "force-dynamic";

/**
 * Changes (merged pull requests) deployed or merged in the period — or only those the lead time counts — with their coding/pickup/review/deploy breakdown.
 * Paged (page, pageSize, total), sorted (sort, dir), filtered (filterService, q); format=csv downloads every matching row.
 */
export const GET = withRoute<ChangeRowsQuery>({
  auth: "any",
  scope: "read",
  action: "read",
  query: changeRowsQuery,
  handler: async ({ query }) => {
    const result = await listDeliveryChanges(query);
    if (query.format === "json") return result;
    const name = `pillars-changes-${query.subset}-${result.from}-${result.to}.csv`;
    return csvDownload(name, csvHeader("changes"), result.changes.map(DRILL_CSV_CELLS.changes));
  },
});
