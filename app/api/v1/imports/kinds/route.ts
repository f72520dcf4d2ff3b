import { withRoute } from "@/lib/server/http/route";
import { importKindsCatalog } from "@/lib/server/services/imports/queries";

export const dynamic = "force-dynamic";

/** What can be imported: each kind's columns (with aliases), who may import it, whether it can be undone. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  handler: async () => ({ kinds: importKindsCatalog() }),
});
