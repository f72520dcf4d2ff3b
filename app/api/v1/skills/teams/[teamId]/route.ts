import { withRoute } from "@/lib/server/http/route";
import { teamSkills } from "@/lib/server/services/skills/skills-matrix";

export const dynamic = "force-dynamic";

/** A team's skills coverage and bus-factor list, as counts (no individual proficiency). */
export const GET = withRoute<undefined, undefined, { teamId: string }>({
  auth: "any",
  scope: "read",
  action: "read",
  handler: ({ params, user }) => teamSkills(params.teamId, user),
});
