import { withRoute } from "@/lib/server/http/route";
import { deleteLocationCost } from "@/lib/server/services/settings";

export const dynamic = "force-dynamic";

export const DELETE = withRoute<undefined, undefined, { id: string }>({
  auth: "session",
  action: "admin",
  handler: async ({ actor, params }) => {
    await deleteLocationCost(actor, params.id);
    return { ok: true };
  },
});
