import { withRoute } from "@/lib/server/http/route";
import { deleteSkill, updateSkill } from "@/lib/server/services/skills/skills-matrix";
import { skillInput } from "@/lib/validation/skills";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const PUT = withRoute<undefined, typeof skillInput._output, Params>({
  auth: "session",
  action: "admin",
  body: skillInput,
  handler: ({ params, body, actor }) => updateSkill(params.id, body, actor),
});

export const DELETE = withRoute<undefined, undefined, Params>({
  auth: "session",
  action: "admin",
  handler: async ({ params, actor }) => {
    await deleteSkill(params.id, actor);
    return { ok: true };
  },
});
