import { withRoute } from "@/lib/server/http/route";
import { getDeliverySummary } from "@/lib/server/services/delivery/read";
import { deliveryQuery } from "@/lib/validation/delivery";

export const dynamic = "force-dynamic";

/** The DORA summary of a team, group, service or the organisation for a period, with the DORA 2023/2024 reference bands. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: deliveryQuery,
  handler: ({ query }) => getDeliverySummary(query),
});
