import { withRoute } from "@/lib/server/http/route";
import { deleteTeam, updateTeam } from "@/lib/server/services/org-admin";
import { teamUpdateInput, type TeamUpdateInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

/** Edit, archive (`archived: true`) or restore (`archived: false`) a team. */
export const PATCH = withRoute<undefined, TeamUpdateInput, { id: string }>({
  auth: "session",
  action: "admin",
  body: teamUpdateInput,
  handler: async ({ actor, body, params }) => ({ team: await updateTeam(actor, params.id, body) }),
});

/** Only a team that never had data; otherwise 409 and the team should be archived. */
export const DELETE = withRoute<undefined, undefined, { id: string }>({
  auth: "session",
  action: "admin",
  handler: async ({ actor, params }) => {
    await deleteTeam(actor, params.id);
    return { ok: true };
  },
});
