import { withRoute } from "@/lib/server/http/route";
import { updateUser } from "@/lib/server/services/users";
import { userUpdateInput, type UserUpdateInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const PATCH = withRoute<undefined, UserUpdateInput, { id: string }>({
  auth: "session",
  action: "admin",
  body: userUpdateInput,
  handler: async ({ actor, body, params }) => ({ user: await updateUser(actor, params.id, body) }),
});
