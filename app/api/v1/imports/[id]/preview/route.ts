import { withRoute } from "@/lib/server/http/route";
import { previewImport } from "@/lib/server/services/imports/preview";
import { previewBody } from "@/lib/validation/imports";

export const dynamic = "force-dynamic";

/** Preview again with an adjusted column mapping or options. */
export const POST = withRoute<undefined, import("zod").infer<typeof previewBody>, { id: string }>({
  auth: "any",
  scope: "ingest",
  body: previewBody,
  handler: async ({ params, body, actor, user }) => ({ preview: await previewImport(params.id, body, actor, user) }),
});
