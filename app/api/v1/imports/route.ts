import { withRoute } from "@/lib/server/http/route";
import { previewUpload } from "@/lib/server/services/imports/preview";
import { listImports } from "@/lib/server/services/imports/queries";
import { receiveUpload } from "@/lib/server/services/imports/receive";
import { callerOf } from "@/lib/server/services/imports/session";
import { awaitImport, queueImport } from "@/lib/server/services/imports/run";
import { uploadQuery } from "@/lib/validation/imports";

export const dynamic = "force-dynamic";

/** The imports list: a user or token sees the imports it uploaded (people data only admins), admins all. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  handler: async ({ user, actor }) => ({ imports: await listImports(callerOf(actor, user)) }),
});

/**
 * Upload a CSV (multipart `kind` + `file`, or the CSV as body with ?kind=). Answers with the preview;
 * with `?run=1` (API clients) the import also runs (as a job, waited for), and the answer is its summary. A file that is not
 * readable CSV is refused (413/415/422) and not kept.
 */
export const POST = withRoute({
  auth: "any",
  scope: "ingest",
  query: uploadQuery,
  handler: async ({ request, query, actor, user }) => {
    const id = await receiveUpload({ headers: request.headers, body: request.body, kind: query.kind, fileName: query.fileName, actor, user });
    const preview = await previewUpload(id, { createUnknown: query.createUnknown ?? false }, actor, user);
    if (!query.run) return Response.json({ preview }, { status: 201 });
    const { jobId } = await queueImport(id, { skipInvalid: query.skipInvalid ?? false, createUnknown: query.createUnknown ?? false }, actor, user);
    const state = await awaitImport(id, jobId, true, actor, user);
    const status = !state.finished ? 202 : state.import.status === "COMPLETED" ? 201 : 422;
    return Response.json({ preview: { ...preview, rows: preview.rows.slice(0, 5) }, import: state.import, job: { id: jobId } }, { status });
  },
});
