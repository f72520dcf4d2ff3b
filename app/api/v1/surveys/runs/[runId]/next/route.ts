import { withRoute } from "@/lib/server/http/route";
import { createNextRun } from "@/lib/server/services/engagement/runs";

export const dynamic = "force-dynamic";

/** Opens the next run of a repeating run (monthly or quarterly), for the same teams. */
export const POST = withRoute<undefined, undefined, { runId: string }>({
  auth: "session",
  action: "manageSurveys",
  handler: async ({ actor, params }) => Response.json(await createNextRun(actor, params.runId), { status: 201 }),
});
