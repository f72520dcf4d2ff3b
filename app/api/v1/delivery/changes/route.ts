import { withRoute } from "@/lib/server/http/route";
import { listDeliveryChanges } from "@/lib/server/services/delivery/read";
import { deliveryQuery } from "@/lib/validation/delivery";

export const dynamic = "force-dynamic";

/** Changes (merged pull requests) deployed or merged in the period with their coding/pickup/review/deploy breakdown. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: deliveryQuery,
  handler: ({ query }) => listDeliveryChanges(query),
});
