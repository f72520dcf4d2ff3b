import { withRoute } from "@/lib/server/http/route";
import { createSurvey, listSurveys } from "@/lib/server/services/engagement/surveys";
import { createSurveyInput, type CreateSurveyInput } from "@/lib/validation/surveys";

export const dynamic = "force-dynamic";

/** Surveys with their runs. */
export const GET = withRoute({ auth: "any", scope: "read", action: "read", handler: () => listSurveys() });

/** Composes a survey from templates (and own items). */
export const POST = withRoute<undefined, CreateSurveyInput>({
  auth: "session",
  action: "manageSurveys",
  body: createSurveyInput,
  handler: async ({ actor, body }) => Response.json(await createSurvey(actor, body), { status: 201 }),
});
