/**
 * The survey item model: what a question is, which answers it accepts, and how an answer
 * becomes a score. Pure; no I/O. Answers are validated at the boundary (lib/validation);
 * here an impossible answer is a programming error and throws.
 */

export type ScaleKind = "likert5" | "likert7" | "scale0to10";
export type ItemKind = ScaleKind | "singleChoice" | "text";

interface ItemBase {
  id: string;
  text: string;
}

export interface ScaleItem extends ItemBase {
  kind: ScaleKind;
  /** Agreement with the statement signals the opposite of what the construct measures. */
  reverseScored?: boolean;
}

export interface ChoiceOption {
  id: string;
  label: string;
}

export interface SingleChoiceItem extends ItemBase {
  kind: "singleChoice";
  options: readonly ChoiceOption[];
}

export interface TextItem extends ItemBase {
  kind: "text";
}

export type SurveyItem = ScaleItem | SingleChoiceItem | TextItem;

/** A respondent's answers keyed by item id: a number for scales, an option id or free text otherwise. */
export type Answers = Readonly<Record<string, number | string | null | undefined>>;

export interface SurveyResponse {
  respondentId: string;
  answers: Answers;
}

export interface ScaleRange {
  min: number;
  max: number;
  /** Lowest answer counted as favourable; null where the scale has no agreement reading. */
  favourableFrom: number | null;
}

/**
 * Favourable means agreeing: 4–5 on a 5-point scale (the spec), and by the same reading
 * 6–7 on a 7-point scale ("agree" and "strongly agree", not the neutral-leaning 5).
 * A 0–10 likelihood scale is read through eNPS instead.
 */
const RANGES: Record<ScaleKind, ScaleRange> = {
  likert5: { min: 1, max: 5, favourableFrom: 4 },
  likert7: { min: 1, max: 7, favourableFrom: 6 },
  scale0to10: { min: 0, max: 10, favourableFrom: null },
};

export function scaleRange(kind: ScaleKind): ScaleRange {
  return RANGES[kind];
}

export function isScaleItem(item: SurveyItem): item is ScaleItem {
  return item.kind === "likert5" || item.kind === "likert7" || item.kind === "scale0to10";
}

/** The numeric answer to a scale item, or null when unanswered. Throws on an impossible value. */
export function rawAnswer(item: ScaleItem, answers: Answers): number | null {
  const value = answers[item.id];
  if (value === null || value === undefined) return null;
  const { min, max } = RANGES[item.kind];
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`answer ${String(value)} is not on the ${item.kind} scale of item ${item.id}`);
  }
  return value;
}

/** The answer after reversal (min + max − answer; 8 − answer on a 7-point scale). */
export function scoredAnswer(item: ScaleItem, answers: Answers): number | null {
  const value = rawAnswer(item, answers);
  if (value === null) return null;
  const { min, max } = RANGES[item.kind];
  return item.reverseScored ? min + max - value : value;
}
