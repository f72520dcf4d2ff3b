import { withRoute } from "@/lib/server/http/route";
import { experimentReadout } from "@/lib/server/services/skills/experiment-comparison";

export const dynamic = "force-dynamic";

/** The experiment's expected metrics before vs during/after, its teams against all other teams. */
export const GET = withRoute<undefined, undefined, { id: string }>({
  auth: "any",
  scope: "read",
  action: "read",
  handler: ({ params, user }) => experimentReadout(params.id, user),
});
