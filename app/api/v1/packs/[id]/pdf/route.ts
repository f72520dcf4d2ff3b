import { withRoute } from "@/lib/server/http/route";
import { packPdf } from "@/lib/server/services/pack-pdf";
import { attachment } from "@/lib/server/http/content-disposition";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** A meeting pack as one PDF, printed from its page with the caller's own session (signed-in users only). */
export const GET = withRoute<undefined, undefined, Params>({
  auth: "session",
  action: "read",
  handler: async ({ params, user, request }) => {
    const { fileName, pdf } = await packPdf(params.id, user!, request.headers.get("cookie") ?? "");
    return new Response(pdf, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": attachment(fileName),
        "Cache-Control": "private, no-store",
      },
    });
  },
});
