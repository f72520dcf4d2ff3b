import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { withRoute } from "@/lib/server/http/route";
import { getRetentionReport } from "@/lib/server/services/retention/retention-report";
import { retentionQuery } from "@/lib/validation/people";

export const dynamic = "force-dynamic";

/** People metrics per segment and period; groups under the threshold or derivable by differencing carry no numbers. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: retentionQuery,
  handler: async ({ query, user }) => getRetentionReport(query, disclosureViewer(user)),
});
