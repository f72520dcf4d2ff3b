import { withRoute } from "@/lib/server/http/route";
import { closeRun } from "@/lib/server/services/engagement/runs";

export const dynamic = "force-dynamic";

/** Ends the run now, publishes its results as metric values and opens the next run when it repeats. */
export const POST = withRoute<undefined, undefined, { runId: string }>({
  auth: "session",
  action: "manageSurveys",
  handler: ({ actor, params }) => closeRun(actor, params.runId),
});
