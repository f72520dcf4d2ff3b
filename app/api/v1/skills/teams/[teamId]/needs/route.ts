import { withRoute } from "@/lib/server/http/route";
import { setTeamNeeds } from "@/lib/server/services/skills/skills-matrix";
import { teamNeedsInput } from "@/lib/validation/skills";

export const dynamic = "force-dynamic";

/** Replaces the team's needed skills (admins, or the team's managers). */
export const PUT = withRoute<undefined, typeof teamNeedsInput._output, { teamId: string }>({
  auth: "session",
  action: "read",
  body: teamNeedsInput,
  handler: ({ params, body, user, actor }) => setTeamNeeds(params.teamId, body.skillIds, user!, actor),
});
