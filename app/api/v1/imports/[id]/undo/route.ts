import { withRoute } from "@/lib/server/http/route";
import { undoImport } from "@/lib/server/services/imports/undo";

export const dynamic = "force-dynamic";

/** Undo a completed import (its uploader or an admin, within 7 days, when nothing newer touched its rows). */
export const POST = withRoute<undefined, undefined, { id: string }>({
  auth: "session",
  handler: async ({ params, actor, user }) => ({ undone: await undoImport(params.id, actor, user) }),
});
