import { forbidden } from "@/lib/server/errors";
import { withRoute } from "@/lib/server/http/route";
import { deleteExperiment, getExperiment, updateExperiment } from "@/lib/server/services/skills/experiments";
import { experimentInput } from "@/lib/validation/skills";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = withRoute<undefined, undefined, Params>({
  auth: "any",
  scope: "read",
  action: "read",
  handler: ({ params, user }) => getExperiment(params.id, user),
});

export const PUT = withRoute<undefined, typeof experimentInput._output, Params>({
  auth: "session",
  action: "read",
  body: experimentInput,
  handler: ({ params, body, user, actor }) => {
    if (!user) throw forbidden();
    return updateExperiment(params.id, body, user, actor);
  },
});

export const DELETE = withRoute<undefined, undefined, Params>({
  auth: "session",
  action: "read",
  handler: async ({ params, user, actor }) => {
    if (!user) throw forbidden();
    await deleteExperiment(params.id, user, actor);
    return { ok: true };
  },
});
