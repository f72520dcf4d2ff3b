"use server";

import { HttpError } from "@/lib/server/errors";
import { submitAnswers } from "@/lib/server/services/engagement/respond";
import { answersInput, tokenParam } from "@/lib/validation/surveys";

export type AnswerResult = { ok: true } | { ok: false; message: string; issues: { path: string; message: string }[] };

/**
 * The respondent page's submit. Public on purpose: the single-use link is the credential, so there is no
 * user to check. Errors are returned as messages (never thrown), and neither the token nor the answers are
 * logged.
 */
export async function answerSurvey(token: string, answers: Record<string, number | string | null>): Promise<AnswerResult> {
  if (!tokenParam.safeParse(token).success) return { ok: false, message: "This survey link is not valid.", issues: [] };
  const parsed = answersInput.safeParse({ answers });
  if (!parsed.success) return { ok: false, message: "Check your answers.", issues: [] };
  try {
    await submitAnswers(token, parsed.data.answers);
    return { ok: true };
  } catch (error) {
    if (error instanceof HttpError) {
      const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
      return { ok: false, message: error.message, issues };
    }
    return { ok: false, message: "Your answers could not be saved. Please try again in a moment.", issues: [] };
  }
}
