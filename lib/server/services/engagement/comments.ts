import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";

/** Hiding a comment (abusive, identifying) keeps it out of every result; an admin can restore it. */
export async function setCommentHidden(actor: Actor, commentId: string, hidden: boolean): Promise<{ id: string; hidden: boolean }> {
  return db.$transaction(async (tx) => {
    const found = await tx.surveyComment.findUnique({ where: { id: commentId }, select: { id: true, hidden: true, runId: true } });
    if (!found) throw notFound("Comment");
    await tx.surveyComment.update({ where: { id: commentId }, data: { hidden } });
    // The audit keeps the decision, not the text: the comment itself stays where it was.
    await recordAudit(actor, { action: "update", entityType: "SurveyComment", entityId: commentId, summary: `${hidden ? "Hid" : "Restored"} a comment of run ${found.runId}`, before: { hidden: found.hidden }, after: { hidden } }, tx);
    return { id: commentId, hidden };
  });
}
