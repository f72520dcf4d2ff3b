import { withRoute } from "@/lib/server/http/route";
import { addAction } from "@/lib/server/services/packs";
import { actionInput, type ActionInput } from "@/lib/validation/leadership";

export const dynamic = "force-dynamic";

export const POST = withRoute<undefined, ActionInput, { id: string }>({
  auth: "session",
  action: "managePacks",
  body: actionInput,
  handler: async ({ body, params, user, actor }) => ({ action: await addAction(user!, actor, params.id, body) }),
});
