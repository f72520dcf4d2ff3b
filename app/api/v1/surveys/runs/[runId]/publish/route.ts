import { withRoute } from "@/lib/server/http/route";
import { publishRunResults } from "@/lib/server/services/engagement/publish";

export const dynamic = "force-dynamic";

/** Publishes a snapshot of the run's results (interim while it is open, final once closed): what every view shows of it. */
export const POST = withRoute<undefined, undefined, { runId: string }>({
  auth: "session",
  action: "manageSurveys",
  handler: ({ actor, params }) => publishRunResults(actor, params.runId),
});
