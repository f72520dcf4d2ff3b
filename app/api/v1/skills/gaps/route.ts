import { withRoute } from "@/lib/server/http/route";
import { orgGaps } from "@/lib/server/services/skills/skills-matrix";

export const dynamic = "force-dynamic";

/** Needed skills uncovered in at least one team, most widespread first (counts only). */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  handler: async () => ({ gaps: await orgGaps() }),
});
