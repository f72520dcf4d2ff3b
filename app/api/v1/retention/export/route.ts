import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { withRoute } from "@/lib/server/http/route";
import { retentionRowsCsv } from "@/lib/server/services/retention/export";
import { getRetentionReport } from "@/lib/server/services/retention/retention-report";
import { retentionQuery } from "@/lib/validation/people";
import { attachment } from "@/lib/server/http/content-disposition";

export const dynamic = "force-dynamic";

/** The retention table as CSV, suppressed cells saying why and carrying no numbers. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: retentionQuery,
  handler: async ({ query, user }) => {
    const report = await getRetentionReport(query, disclosureViewer(user));
    return new Response(retentionRowsCsv(query.segment, report.rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachment(`retention-${query.segment}-${query.period}-${report.from}-${report.to}.csv`),
      },
    });
  },
});
