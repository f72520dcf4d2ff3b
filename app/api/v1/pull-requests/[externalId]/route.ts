import { withRoute } from "@/lib/server/http/route";
import { getPullRequestBreakdown } from "@/lib/server/services/delivery/pull-request";
import { pullRequestQuery } from "@/lib/validation/delivery";

export const dynamic = "force-dynamic";

/** One change's lead-time breakdown and the deployment that shipped it. */
export const GET = withRoute<{ service: string }, undefined, { externalId: string }>({
  auth: "any",
  scope: "read",
  action: "read",
  query: pullRequestQuery,
  handler: ({ query, params }) => getPullRequestBreakdown(decodeURIComponent(params.externalId), query.service),
});
