import { withRoute } from "@/lib/server/http/route";
import { getImport } from "@/lib/server/services/imports/queries";

export const dynamic = "force-dynamic";

/** One import: status, progress (processedRows/totalRows), counts and the first rejects. Polled by the page. */
export const GET = withRoute<undefined, undefined, { id: string }>({
  auth: "any",
  scope: "read",
  handler: async ({ params, user }) => ({ import: await getImport(params.id, user) }),
});
