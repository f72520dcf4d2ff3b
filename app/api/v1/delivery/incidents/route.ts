import { withRoute } from "@/lib/server/http/route";
import { listDeliveryIncidents } from "@/lib/server/services/delivery/read";
import { deliveryQuery } from "@/lib/validation/delivery";

export const dynamic = "force-dynamic";

/** Incidents opened or resolved in the period, with the deployment each links to. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: deliveryQuery,
  handler: ({ query }) => listDeliveryIncidents(query),
});
