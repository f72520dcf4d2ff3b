import { createCsvStream } from "@/lib/csv/write";
import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { withRoute } from "@/lib/server/http/route";
import { METRIC_VALUES_HEADER, metricValueCsvRows, metricValuesFilter } from "@/lib/server/services/exports/metric-values";
import { metricValuesExportQuery, type MetricValuesExportQuery } from "@/lib/validation/imports";
import { attachment } from "@/lib/server/http/content-disposition";

export const dynamic = "force-dynamic";

/**
 * Team metric values as CSV in the long import format, with the dashboard's filters:
 * ?scope=org|group:<id>|team:<id>&metrics=key1,key2&from=YYYY-MM-DD&to=YYYY-MM-DD.
 */
export const GET = withRoute<MetricValuesExportQuery>({
  auth: "any",
  scope: "read",
  action: "read",
  query: metricValuesExportQuery,
  handler: async ({ query, user }) => {
    const filter = await metricValuesFilter(query);
    const name = `pillars-metric-values-${query.from ?? "start"}-${query.to ?? "now"}.csv`;
    return new Response(createCsvStream(METRIC_VALUES_HEADER, metricValueCsvRows(filter, disclosureViewer(user), new Date()), { bom: true }), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment(name) },
    });
  },
});
