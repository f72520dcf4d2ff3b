import { withRoute } from "@/lib/server/http/route";
import { revokeApiToken } from "@/lib/server/services/api-tokens";

export const dynamic = "force-dynamic";

/** Revokes the token at once; it is kept (revoked) in the list for the record. */
export const DELETE = withRoute<undefined, undefined, { id: string }>({
  auth: "session",
  action: "admin",
  handler: async ({ actor, params }) => ({ token: await revokeApiToken(actor, params.id) }),
});
