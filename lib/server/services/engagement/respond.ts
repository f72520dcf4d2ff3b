import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatDay } from "@/lib/domain/time";
import { deleteInvitation, invitationByTokenHash } from "@/lib/server/data/engagement/invitations";
import { insertComments, insertResponse } from "@/lib/server/data/engagement/responses";
import { inTransaction } from "@/lib/server/data/runner";
import { HttpError, conflict } from "@/lib/server/errors";
import type { StoredItem } from "@/lib/validation/surveys";
import { checkAnswers } from "@/lib/engagement/answers";
import { readItems } from "@/lib/engagement/compose";
import { runState } from "@/lib/engagement/dates";
import { todayInOrg } from "./runs";
import { hashToken } from "./tokens";

/**
 * Answering through a single-use link. Anonymity by construction: the response row holds its run, its
 * team and the answers — no invitation id, no user, no IP or user agent, no time. Free text goes to
 * SurveyComment, apart from the answers. The token is never logged, never put in an error message.
 * A used invitation is deleted, not marked: an updated row would move to the end of its table in the order
 * answers arrive, which the responses' own storage order would then mirror (disclosure.md rule 6).
 */

export type LinkState = "open" | "scheduled" | "closed" | "used" | "unknown";

export interface RespondentView {
  state: LinkState;
  surveyTitle?: string;
  description?: string | null;
  opensOn?: string;
  closesOn?: string;
  items?: StoredItem[];
}

async function findInvitation(token: string) {
  return invitationByTokenHash(hashToken(token));
}

type Invitation = Awaited<ReturnType<typeof findInvitation>>;

export async function respondentView(token: string, now = new Date()): Promise<RespondentView> {
  return viewOf(await findInvitation(token), now);
}

async function viewOf(inv: Invitation, now: Date): Promise<RespondentView> {
  if (!inv) return { state: "unknown" };
  const opensOn = formatDay(inv.run.opensOn);
  const closesOn = formatDay(inv.run.closesOn);
  const base = { surveyTitle: inv.run.survey.title, description: inv.run.survey.description, opensOn, closesOn };
  const state = runState(opensOn, closesOn, await todayInOrg(now));
  return state === "open" ? { state, ...base, items: readItems(inv.run.survey.items) } : { state, ...base };
}

export function linkStateMessage(state: LinkState, view: Pick<RespondentView, "opensOn" | "closesOn"> = {}): string {
  switch (state) {
    case "unknown":
      return "This survey link is not valid, or it has already been used to answer (each link answers once). Check that you copied the whole link.";
    case "used":
      return "This link has already been used to answer. Each link can answer once — thank you for taking part.";
    case "scheduled":
      return `This survey opens on ${view.opensOn}. Come back then with the same link.`;
    case "closed":
      return `This survey closed on ${view.closesOn}. Answers are no longer accepted.`;
    case "open":
      return "";
  }
}

const gone = (state: LinkState, view: RespondentView) =>
  state === "unknown" ? new HttpError(404, "not_found", linkStateMessage(state)) : state === "used" ? conflict(linkStateMessage(state)) : new HttpError(403, "not_open", linkStateMessage(state, view));

/**
 * Records one response. In one transaction: the invitation is deleted (a second submission — even a
 * concurrent one — deletes nothing and is refused), then the response and its comments are inserted.
 */
export async function submitAnswers(token: string, raw: Readonly<Record<string, unknown>>, now = new Date()): Promise<{ ok: true }> {
  const inv = await findInvitation(token);
  const view = await viewOf(inv, now);
  if (!inv || view.state !== "open") throw gone(view.state, view);
  const checked = checkAnswers(readItems(inv.run.survey.items), raw);
  if (!checked.ok) {
    throw new HttpError(400, "invalid", checked.issues[0]?.message ?? "Check your answers.", { issues: checked.issues });
  }
  const tokenHash = hashToken(token);
  await inTransaction(async (tx) => {
    const spent = await deleteInvitation(tokenHash, tx);
    if (spent !== 1) throw conflict(linkStateMessage("used"));
    await insertResponse({ runId: inv.runId, teamId: inv.teamId, answers: checked.value.answers as Prisma.InputJsonValue }, tx);
    if (checked.value.comments.length) {
      await insertComments(checked.value.comments.map((c) => ({ runId: inv.runId, teamId: inv.teamId, itemId: c.itemId, text: c.text })), tx);
    }
  });
  return { ok: true };
}
