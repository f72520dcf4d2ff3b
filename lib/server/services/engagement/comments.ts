import "server-only";
import { commentById, updateCommentHidden } from "@/lib/server/data/engagement/responses";
import { inTransaction } from "@/lib/server/data/runner";
import { notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";

/** Hiding a comment (abusive, identifying) keeps it out of every result; an admin can restore it. */
export async function setCommentHidden(actor: Actor, commentId: string, hidden: boolean): Promise<{ id: string; hidden: boolean }> {
  return inTransaction(async (tx) => {
    const found = await commentById(commentId, tx);
    if (!found) throw notFound("Comment");
    await updateCommentHidden(commentId, hidden, tx);
    // The audit keeps the decision, not the text: the comment itself stays where it was.
    await recordAudit(actor, { action: "update", entityType: "SurveyComment", entityId: commentId, summary: `${hidden ? "Hid" : "Restored"} a comment of run ${found.runId}`, before: { hidden: found.hidden }, after: { hidden } }, tx);
    return { id: commentId, hidden };
  });
}
