/**
 * Checking a respondent's answers against the survey's items. Pure; no I/O. Every scored and choice item
 * must be answered, so each item's results rest on every respondent of the group (a skipped item would
 * otherwise let an item's results rest on fewer people than the anonymity threshold). Free text is
 * optional and is split off: it is stored apart from the answers (SurveyComment).
 */
import { scaleRange } from "@/lib/engagement/items";
import { MAX_TEXT_ANSWER, type StoredItem } from "@/lib/validation/surveys";

export interface CheckedAnswers {
  /** Item id → number (scales) or option id (single choice). */
  answers: Record<string, number | string>;
  comments: { itemId: string; text: string }[];
}

export interface AnswerIssue {
  path: string;
  message: string;
}

export type AnswerCheck = { ok: true; value: CheckedAnswers } | { ok: false; issues: AnswerIssue[] };

export function checkAnswers(items: readonly StoredItem[], raw: Readonly<Record<string, unknown>>): AnswerCheck {
  const issues: AnswerIssue[] = [];
  const answers: Record<string, number | string> = {};
  const comments: { itemId: string; text: string }[] = [];
  const known = new Set(items.map((i) => i.id));
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) issues.push({ path: key, message: "This question is not part of the survey." });
  }
  for (const item of items) {
    const value = raw[item.id];
    if (item.kind === "text") {
      if (value === undefined || value === null) continue;
      if (typeof value !== "string") issues.push({ path: item.id, message: "Write text here." });
      else if (value.length > MAX_TEXT_ANSWER) issues.push({ path: item.id, message: `At most ${MAX_TEXT_ANSWER} characters.` });
      else if (value.trim() !== "") comments.push({ itemId: item.id, text: value.trim() });
      continue;
    }
    if (value === undefined || value === null || value === "") {
      issues.push({ path: item.id, message: "Please answer this question." });
      continue;
    }
    if (item.kind === "singleChoice") {
      if (typeof value !== "string" || !item.options.some((o) => o.id === value)) issues.push({ path: item.id, message: "Choose one of the options." });
      else answers[item.id] = value;
      continue;
    }
    const { min, max } = scaleRange(item.kind);
    const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) {
      issues.push({ path: item.id, message: `Choose a value from ${min} to ${max}.` });
    } else {
      answers[item.id] = n;
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: { answers, comments } };
}
