import { withRoute } from "@/lib/server/http/route";
import { updateAction } from "@/lib/server/services/packs";
import { actionUpdate, type ActionUpdate } from "@/lib/validation/leadership";

export const dynamic = "force-dynamic";

/** Status (and wording) of an action item; the next meeting's pack shows it beside last time's actions. */
export const PATCH = withRoute<undefined, ActionUpdate, { id: string; actionId: string }>({
  auth: "session",
  action: "managePacks",
  body: actionUpdate,
  handler: async ({ body, params, user, actor }) => ({ action: await updateAction(user!, actor, params.id, params.actionId, body) }),
});
