import { withRoute } from "@/lib/server/http/route";
import { teamProficiencies } from "@/lib/server/services/skills/skills-matrix";

export const dynamic = "force-dynamic";

/**
 * Each team member's proficiency. Personal data: sessions of admins and the team's managers only
 * (403 for everyone else, and no API-token access).
 */
export const GET = withRoute<undefined, undefined, { teamId: string }>({
  auth: "session",
  action: "read",
  handler: ({ params, user }) => teamProficiencies(params.teamId, user),
});
