import { withRoute } from "@/lib/server/http/route";
import { assertTeamWriter } from "@/lib/server/services/skills/access";
import { setProficiencies } from "@/lib/server/services/skills/skills-matrix";
import { proficiencyBatch } from "@/lib/validation/skills";

export const dynamic = "force-dynamic";

/** Sets proficiency levels (0–4): one or an array, all or nothing; managers for people in their teams. */
export const PUT = withRoute({
  auth: "any",
  scope: "ingest",
  action: "read",
  body: proficiencyBatch,
  handler: ({ body, user, actor }) => {
    assertTeamWriter(user);
    return setProficiencies(body, user, actor);
  },
});
