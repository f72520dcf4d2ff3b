import { withRoute } from "@/lib/server/http/route";
import { getSurvey } from "@/lib/server/services/engagement/surveys";

export const dynamic = "force-dynamic";

export const GET = withRoute<undefined, undefined, { id: string }>({
  auth: "any",
  scope: "read",
  action: "read",
  handler: ({ params }) => getSurvey(params.id),
});
