import { withRoute } from "@/lib/server/http/route";
import { getImport } from "@/lib/server/services/imports/queries";
import { callerOf } from "@/lib/server/services/imports/session";

export const dynamic = "force-dynamic";

/** One import: status, progress (processedRows/totalRows), counts and the first rejects. Polled by the page. */
export const GET = withRoute<undefined, undefined, { id: string }>({
  auth: "any",
  scope: "read",
  handler: async ({ params, user, actor }) => ({ import: await getImport(params.id, callerOf(actor, user)) }),
});
