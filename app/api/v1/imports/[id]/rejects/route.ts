import { withRoute } from "@/lib/server/http/route";
import { rejectsCsv } from "@/lib/server/services/imports/queries";
import { callerOf } from "@/lib/server/services/imports/session";
import { attachment } from "@/lib/server/http/content-disposition";

export const dynamic = "force-dynamic";

/** The rows an import skipped or refused, with line, column and reason, as CSV. */
export const GET = withRoute<undefined, undefined, { id: string }>({
  auth: "any",
  scope: "read",
  handler: async ({ params, user, actor }) => {
    const { fileName, csv } = await rejectsCsv(params.id, callerOf(actor, user));
    return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment(fileName) } });
  },
});
