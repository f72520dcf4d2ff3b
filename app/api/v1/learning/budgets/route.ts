import { withRoute } from "@/lib/server/http/route";
import { assertTeamWriter } from "@/lib/server/services/skills/access";
import { setLearningBudget } from "@/lib/server/services/skills/learning";
import { learningBudgetInput } from "@/lib/validation/skills";

export const dynamic = "force-dynamic";

/** Sets a team's learning budget for a year (admins, or the team's managers). */
export const PUT = withRoute({
  auth: "session",
  action: "read",
  body: learningBudgetInput,
  handler: async ({ body, user, actor }) => {
    assertTeamWriter(user);
    return setLearningBudget(body, user!, actor);
  },
});
