import { withRoute } from "@/lib/server/http/route";
import { deleteGroup, updateGroup } from "@/lib/server/services/org-admin";
import { groupUpdateInput, type GroupUpdateInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

/** Rename or move (parentId) a group; moving under itself or a sub-group is refused. */
export const PATCH = withRoute<undefined, GroupUpdateInput, { id: string }>({
  auth: "session",
  action: "admin",
  body: groupUpdateInput,
  handler: async ({ actor, body, params }) => {
    await updateGroup(actor, params.id, body);
    return { ok: true };
  },
});

export const DELETE = withRoute<undefined, undefined, { id: string }>({
  auth: "session",
  action: "admin",
  handler: async ({ actor, params }) => {
    await deleteGroup(actor, params.id);
    return { ok: true };
  },
});
