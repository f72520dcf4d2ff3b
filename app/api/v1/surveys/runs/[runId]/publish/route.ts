import { withRoute } from "@/lib/server/http/route";
import { publishRunResults } from "@/lib/server/services/surveys/publish";

export const dynamic = "force-dynamic";

/** Stores (again) the run's results as engagement metric values for the overview. */
export const POST = withRoute<undefined, undefined, { runId: string }>({
  auth: "session",
  action: "manageSurveys",
  handler: ({ actor, params }) => publishRunResults(actor, params.runId),
});
