import { notFound } from "@/lib/server/errors";
import { withRoute } from "@/lib/server/http/route";
import { templateCsv } from "@/lib/server/services/imports/queries";
import { attachment } from "@/lib/server/http/content-disposition";

export const dynamic = "force-dynamic";

/** A CSV template for one import kind: the header and an example row. */
export const GET = withRoute<undefined, undefined, { kind: string }>({
  auth: "any",
  scope: "read",
  handler: async ({ params }) => {
    const template = templateCsv(params.kind);
    if (!template) throw notFound("Import kind");
    return new Response(template.csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment(template.fileName) } });
  },
});
