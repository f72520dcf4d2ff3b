import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { withRoute } from "@/lib/server/http/route";
import { getOverview } from "@/lib/server/services/overview";
import { dashboardQuery } from "@/lib/validation/dashboard";

export const dynamic = "force-dynamic";

/** Headline trends of every pillar for the org, a group or a team. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: dashboardQuery,
  handler: ({ query, user }) => getOverview({ ...query, viewer: disclosureViewer(user) }),
});
