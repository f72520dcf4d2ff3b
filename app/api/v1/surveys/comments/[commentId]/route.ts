import { withRoute } from "@/lib/server/http/route";
import { setCommentHidden } from "@/lib/server/services/engagement/comments";
import { commentVisibilityInput } from "@/lib/validation/surveys";

export const dynamic = "force-dynamic";

/** Hides or restores a survey comment (admins only). */
export const PATCH = withRoute<undefined, { hidden: boolean }, { commentId: string }>({
  auth: "session",
  action: "admin",
  body: commentVisibilityInput,
  handler: ({ actor, body, params }) => setCommentHidden(actor, params.commentId, body.hidden),
});
