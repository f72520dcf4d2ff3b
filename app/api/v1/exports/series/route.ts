import { toCsv } from "@/lib/csv/write";
import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { withRoute } from "@/lib/server/http/route";
import { SERIES_HEADER, seriesCsvRows } from "@/lib/server/services/exports/series";
import { seriesQuery } from "@/lib/validation/dashboard";
import { attachment } from "@/lib/server/http/content-disposition";

export const dynamic = "force-dynamic";

/**
 * A dashboard's trend points as CSV, with its filters:
 * ?scope=…&location=…&sourcing=…&origin=…&range=…&granularity=…&metrics=a,b (or &pillar=…).
 */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: seriesQuery,
  handler: async ({ query, user }) =>
    new Response(toCsv(SERIES_HEADER, await seriesCsvRows({ ...query, viewer: disclosureViewer(user) }), { bom: true }), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment(`pillars-series-${query.range}-${query.granularity}.csv`) },
    }),
});
