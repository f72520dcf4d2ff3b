import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { withRoute } from "@/lib/server/http/route";
import { fullExportStream } from "@/lib/server/services/exports/full";
import { attachment } from "@/lib/server/http/content-disposition";

export const dynamic = "force-dynamic";

/** The whole organisation as one JSON document (admins; or a token with the read scope), for backup or migration. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "admin",
  handler: async ({ user }) =>
    new Response(fullExportStream(disclosureViewer(user), new Date()), {
      headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": attachment(`pillars-export-${new Date().toISOString().slice(0, 10)}.json`) },
    }),
});
