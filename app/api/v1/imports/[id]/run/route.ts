import { after } from "next/server";
import type { z } from "zod";
import { withRoute } from "@/lib/server/http/route";
import { getImport } from "@/lib/server/services/imports/queries";
import { runImport } from "@/lib/server/services/imports/run";
import { callerOf } from "@/lib/server/services/imports/session";
import { runImportBody } from "@/lib/validation/imports";

export const dynamic = "force-dynamic";

/**
 * Start the import. The page gets 202 at once and polls GET /api/v1/imports/:id for progress; with
 * `wait: true` the answer is the finished import's summary.
 */
export const POST = withRoute<undefined, z.infer<typeof runImportBody>, { id: string }>({
  auth: "any",
  scope: "ingest",
  body: runImportBody,
  handler: async ({ params, body, actor, user }) => {
    const { wait, ...options } = body;
    if (wait) return { import: await runImport(params.id, options, actor, user) };
    const current = await getImport(params.id, callerOf(actor, user));
    after(async () => {
      await runImport(params.id, options, actor, user).catch((error) => console.error("Import run failed", params.id, error));
    });
    return Response.json({ import: { ...current, status: "VALIDATING", processedRows: 0 } }, { status: 202 });
  },
});
