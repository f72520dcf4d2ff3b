import { withRoute } from "@/lib/server/http/route";
import { deleteAnnotation, updateAnnotation } from "@/lib/server/services/annotations";
import { annotationUpdate, type AnnotationUpdate } from "@/lib/validation/leadership";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** The author (a leader) or an admin edits a note; audited. */
export const PATCH = withRoute<undefined, AnnotationUpdate, Params>({
  auth: "session",
  action: "annotate",
  body: annotationUpdate,
  handler: async ({ body, user, actor, params }) => ({ annotation: await updateAnnotation(user!, actor, params.id, body) }),
});

export const DELETE = withRoute<undefined, undefined, Params>({
  auth: "session",
  action: "annotate",
  handler: async ({ user, actor, params }) => {
    await deleteAnnotation(user!, actor, params.id);
    return { ok: true };
  },
});
