import { withRoute } from "@/lib/server/http/route";
import { listFlowItems } from "@/lib/server/services/delivery/flow-read";
import { deliveryQuery } from "@/lib/validation/delivery";

export const dynamic = "force-dynamic";

/** Work items behind the flow numbers: finished in the period, and in progress at its end. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: deliveryQuery,
  handler: ({ query }) => listFlowItems(query),
});
