import { withRoute } from "@/lib/server/http/route";
import { createAnnotation, listAnnotations } from "@/lib/server/services/annotations";
import { annotationInput, annotationsQuery, type AnnotationInput } from "@/lib/validation/leadership";

export const dynamic = "force-dynamic";

/** Notes that belong on a scope's charts (the org's, enclosing groups', and for a group its teams'). */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: annotationsQuery,
  handler: ({ query, user }) => listAnnotations(query, user),
});

/** Leaders and admins add a dated note to the org, a group or a team. */
export const POST = withRoute<undefined, AnnotationInput>({
  auth: "session",
  action: "annotate",
  body: annotationInput,
  handler: async ({ body, user, actor }) => ({ annotation: await createAnnotation(user!, actor, body) }),
});
