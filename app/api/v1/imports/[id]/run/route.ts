import type { z } from "zod";
import { withRoute } from "@/lib/server/http/route";
import { awaitImport, queueImport } from "@/lib/server/services/imports/run";
import { runImportBody } from "@/lib/validation/imports";

export const dynamic = "force-dynamic";

/**
 * Start the import: it is claimed and queued as a background job. The page gets 202 at once, with the job's
 * id, and polls GET /api/v1/imports/:id for progress; with `wait: true` the answer waits for the job and is the
 * finished import (200), or 202 if it has not finished within the wait.
 */
export const POST = withRoute<undefined, z.infer<typeof runImportBody>, { id: string }>({
  auth: "any",
  scope: "ingest",
  body: runImportBody,
  handler: async ({ params, body, actor, user }) => {
    const { wait, ...options } = body;
    const { jobId } = await queueImport(params.id, options, actor, user);
    const state = await awaitImport(params.id, jobId, wait, actor, user);
    return Response.json({ import: state.import, job: { id: jobId } }, { status: state.finished ? 200 : 202 });
  },
});
