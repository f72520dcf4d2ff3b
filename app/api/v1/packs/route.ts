import { withRoute } from "@/lib/server/http/route";
import { createPack, listPacks } from "@/lib/server/services/packs";
import { packInput, type PackInput } from "@/lib/validation/leadership";

export const dynamic = "force-dynamic";

export const GET = withRoute({
  auth: "session",
  action: "read",
  handler: async () => ({ packs: await listPacks() }),
});

/** Saves a pack, freezing each chart's numbers as of the pack's date (leaders and admins). */
export const POST = withRoute<undefined, PackInput>({
  auth: "session",
  action: "managePacks",
  body: packInput,
  handler: async ({ body, user, actor }) => ({ pack: await createPack(user!, actor, body) }),
});
