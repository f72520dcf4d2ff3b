import { forbidden } from "@/lib/server/errors";
import { withRoute } from "@/lib/server/http/route";
import { getAllocation, saveAllocation } from "@/lib/server/services/delivery/allocation";
import { allocationInput, allocationQuery } from "@/lib/validation/delivery";

export const dynamic = "force-dynamic";

/** A team's investment allocation: from work items, and the percentages its managers entered. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: allocationQuery,
  handler: ({ query }) => getAllocation(query),
});

/** Managers (their teams) and admins enter allocation percentages for weeks without work-item data. */
export const PUT = withRoute({
  auth: "session",
  body: allocationInput,
  handler: ({ body, actor, user }) => {
    if (!user) throw forbidden();
    return saveAllocation(actor, user, body);
  },
});
