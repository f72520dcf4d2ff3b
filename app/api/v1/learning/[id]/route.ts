import { withRoute } from "@/lib/server/http/route";
import { assertTeamWriter } from "@/lib/server/services/skills/access";
import { deleteLearningRecord } from "@/lib/server/services/skills/learning";

export const dynamic = "force-dynamic";

export const DELETE = withRoute<undefined, undefined, { id: string }>({
  auth: "any",
  scope: "ingest",
  action: "read",
  handler: async ({ params, user, actor }) => {
    assertTeamWriter(user);
    await deleteLearningRecord(params.id, user, actor);
    return { ok: true };
  },
});
