import { withRoute } from "@/lib/server/http/route";
import { deleteTarget, updateTarget } from "@/lib/server/services/targets";
import { updateTargetBody, type UpdateTargetInput } from "@/lib/validation/targets";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** Corrects a target's bands or start day in place. Admins; audited. */
export const PATCH = withRoute<undefined, UpdateTargetInput, Params>({
  auth: "session",
  action: "admin",
  body: updateTargetBody,
  handler: async ({ body, actor, params }) => ({ target: await updateTarget(actor, params.id, body) }),
});

/** Deletes a target set by mistake. Admins; audited. */
export const DELETE = withRoute<undefined, undefined, Params>({
  auth: "session",
  action: "admin",
  handler: async ({ actor, params }) => {
    await deleteTarget(actor, params.id);
    return { ok: true };
  },
});
