import { withRoute } from "@/lib/server/http/route";
import { createTarget, listTargets } from "@/lib/server/services/targets";
import { createTargetBody, listTargetsQuery } from "@/lib/validation/targets";

export const dynamic = "force-dynamic";

/** Every target row (history included), optionally for one metric. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: listTargetsQuery,
  handler: async ({ query }) => ({ targets: await listTargets(query) }),
});

/** Sets a target from a date on (a new row; earlier targets stay for history). Admins. */
export const POST = withRoute({
  auth: "session",
  action: "admin",
  body: createTargetBody,
  handler: async ({ body, actor }) => createTarget(actor, body),
});
