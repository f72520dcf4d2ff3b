import { withRoute } from "@/lib/server/http/route";
import { deletePack, getPack } from "@/lib/server/services/packs";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** A pack by id or share token, from its frozen slides (any signed-in user: the share link is read-only). */
export const GET = withRoute<undefined, undefined, Params>({
  auth: "session",
  action: "read",
  handler: async ({ params, user }) => ({ pack: await getPack(params.id, user!) }),
});

export const DELETE = withRoute<undefined, undefined, Params>({
  auth: "session",
  action: "managePacks",
  handler: async ({ params, user, actor }) => {
    await deletePack(user!, actor, params.id);
    return { ok: true };
  },
});
