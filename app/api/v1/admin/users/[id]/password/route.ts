import { withRoute } from "@/lib/server/http/route";
import { resetPassword } from "@/lib/server/services/users";
import { passwordResetInput, type PasswordResetInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

/** Sets the given password, or generates one and returns it once. */
export const POST = withRoute<undefined, PasswordResetInput, { id: string }>({
  auth: "session",
  action: "admin",
  body: passwordResetInput,
  handler: async ({ actor, body, params }) => resetPassword(actor, params.id, body),
});
