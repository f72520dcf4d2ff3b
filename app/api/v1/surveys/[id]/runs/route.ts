import { withRoute } from "@/lib/server/http/route";
import { createRun } from "@/lib/server/services/engagement/runs";
import { createRunInput, type CreateRunInput } from "@/lib/validation/surveys";

export const dynamic = "force-dynamic";

/** Opens a run of the survey for teams and groups (groups expand to their teams). */
export const POST = withRoute<undefined, CreateRunInput, { id: string }>({
  auth: "session",
  action: "manageSurveys",
  body: createRunInput,
  handler: async ({ actor, body, params }) => Response.json(await createRun(actor, params.id, body), { status: 201 }),
});
