import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { withRoute } from "@/lib/server/http/route";
import { getStatusGrid } from "@/lib/server/services/status-grid";
import { statusGridQuery } from "@/lib/validation/status-grid";

export const dynamic = "force-dynamic";

/** Team × headline metric: each team's latest value, target status and trend, as its own overview shows them. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: statusGridQuery,
  handler: ({ query, user }) => getStatusGrid({ ...query, viewer: disclosureViewer(user), now: new Date() }),
});
