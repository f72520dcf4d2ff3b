import { withRoute } from "@/lib/server/http/route";
import { getFlowSummary } from "@/lib/server/services/delivery/flow-read";
import { deliveryQuery } from "@/lib/validation/delivery";

export const dynamic = "force-dynamic";

/** Flow metrics of a team, group or the organisation for a period: velocity, flow time, efficiency, load, distribution. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: deliveryQuery,
  handler: ({ query }) => getFlowSummary(query),
});
