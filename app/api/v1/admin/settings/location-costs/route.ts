import { withRoute } from "@/lib/server/http/route";
import { upsertLocationCost } from "@/lib/server/services/settings";
import { locationCostInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

/** Sets the loaded annual cost for one location + sourcing pair (creates or replaces it). */
export const PUT = withRoute({
  auth: "session",
  action: "admin",
  body: locationCostInput,
  handler: async ({ actor, body }) => ({ cost: await upsertLocationCost(actor, body) }),
});
