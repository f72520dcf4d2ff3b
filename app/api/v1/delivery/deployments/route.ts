import { withRoute } from "@/lib/server/http/route";
import { listDeliveryDeployments } from "@/lib/server/services/delivery/read";
import { deliveryQuery } from "@/lib/validation/delivery";

export const dynamic = "force-dynamic";

/** Production deployments finished in the period, with failure and rework flags and the changes each shipped. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: deliveryQuery,
  handler: ({ query }) => listDeliveryDeployments(query),
});
