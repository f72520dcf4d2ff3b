/**
 * Survey scoring (metric spec §3). Pure; no I/O. Results carry the respondent count so the
 * caller can apply the disclosure policy (lib/server/disclosure) before showing anything.
 * Percentages are 0–100 and unrounded; rounding is for display.
 */
import { mean, ratio } from "@/lib/domain/stats";
import {
  isScaleItem,
  rawAnswer,
  scaleRange,
  scoredAnswer,
  type Answers,
  type ScaleItem,
  type SingleChoiceItem,
  type SurveyItem,
  type SurveyResponse,
  type TextItem,
} from "./items";

/** The scale items of an index; averaging across different scales would mix units, so that throws. */
function indexItems(items: readonly SurveyItem[]): ScaleItem[] {
  const scale = items.filter(isScaleItem);
  if (new Set(scale.map((i) => i.kind)).size > 1) {
    throw new RangeError("an index must use one scale; score items on different scales separately");
  }
  return scale;
}

function personScoreOf(items: readonly ScaleItem[], answers: Answers): number | null {
  const scored = items.map((i) => scoredAnswer(i, answers)).filter((v): v is number => v !== null);
  return mean(scored);
}

/**
 * A person's score: the mean of their answers to the index's items after reversal.
 * Skipped items are left out of the mean; null when nothing was answered.
 */
export function personScore(items: readonly SurveyItem[], answers: Answers): number | null {
  return personScoreOf(indexItems(items), answers);
}

export interface TeamScore {
  score: number | null;
  respondents: number;
}

/** The team's score: the mean of its respondents' person scores (each person weighs the same). */
export function teamScore(items: readonly SurveyItem[], responses: readonly SurveyResponse[]): TeamScore {
  const scale = indexItems(items);
  const persons = responses
    .map((r) => personScoreOf(scale, r.answers))
    .filter((v): v is number => v !== null);
  return { score: mean(persons), respondents: persons.length };
}

export interface Favourability {
  percent: number | null;
  favourable: number;
  /** Answers counted (an index pools every item's answers). */
  answers: number;
  respondents: number;
}

/**
 * % favourable: the share of answers in the agreeing range (4–5 of 5, 6–7 of 7), read after
 * reversal so that disagreeing with a negatively worded item counts as favourable.
 * For several items, all their answers are pooled.
 */
export function percentFavourable(items: readonly SurveyItem[], responses: readonly SurveyResponse[]): Favourability {
  const scale = indexItems(items);
  let favourable = 0;
  let answers = 0;
  let respondents = 0;
  for (const r of responses) {
    let answeredAny = false;
    for (const item of scale) {
      const from = scaleRange(item.kind).favourableFrom;
      if (from === null) throw new RangeError(`item ${item.id} has no favourable range; use eNPS`);
      const v = scoredAnswer(item, r.answers);
      if (v === null) continue;
      answeredAny = true;
      answers += 1;
      if (v >= from) favourable += 1;
    }
    if (answeredAny) respondents += 1;
  }
  const share = ratio(favourable, answers);
  return { percent: share === null ? null : share * 100, favourable, answers, respondents };
}

export interface DistributionBucket {
  /** The answer as given (a scale value, before reversal, or an option id). */
  value: number | string;
  count: number;
  percent: number | null;
}

/** How answers to one item spread over its possible values, every value listed (zeros included). */
export function answerDistribution(
  item: ScaleItem | SingleChoiceItem,
  responses: readonly SurveyResponse[],
): { buckets: DistributionBucket[]; respondents: number } {
  const values: (number | string)[] = isScaleItem(item)
    ? range(scaleRange(item.kind).min, scaleRange(item.kind).max)
    : item.options.map((o) => o.id);
  const counts = new Map<number | string, number>(values.map((v) => [v, 0]));
  let respondents = 0;
  for (const r of responses) {
    const v = isScaleItem(item) ? rawAnswer(item, r.answers) : choiceAnswer(item, r.answers);
    if (v === null) continue;
    respondents += 1;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const buckets = values.map((value) => {
    const count = counts.get(value) ?? 0;
    const share = ratio(count, respondents);
    return { value, count, percent: share === null ? null : share * 100 };
  });
  return { buckets, respondents };
}

export interface Enps {
  score: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  respondents: number;
}

/** eNPS = 100 × (promoters 9–10 − detractors 0–6) ÷ respondents; −100…+100, null with no answers. */
export function enps(item: ScaleItem, responses: readonly SurveyResponse[]): Enps {
  if (item.kind !== "scale0to10") throw new RangeError(`eNPS needs a 0–10 item, got ${item.kind}`);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const r of responses) {
    const v = rawAnswer(item, r.answers);
    if (v === null) continue;
    if (v >= 9) promoters += 1;
    else if (v >= 7) passives += 1;
    else detractors += 1;
  }
  const respondents = promoters + passives + detractors;
  const net = ratio(promoters - detractors, respondents);
  return { score: net === null ? null : net * 100, promoters, passives, detractors, respondents };
}

/** Participation = respondents ÷ invited, as a percentage; null when nobody was invited. */
export function participation(respondents: number, invited: number): { percent: number | null; respondents: number; invited: number } {
  const share = ratio(respondents, invited);
  return { percent: share === null ? null : share * 100, respondents, invited };
}

/** The non-blank free-text answers to a comment item, trimmed. */
export function comments(item: TextItem, responses: readonly SurveyResponse[]): string[] {
  const out: string[] = [];
  for (const r of responses) {
    const v = r.answers[item.id];
    if (typeof v === "string" && v.trim() !== "") out.push(v.trim());
  }
  return out;
}

function choiceAnswer(item: SingleChoiceItem, answers: Answers): string | null {
  const v = answers[item.id];
  if (v === null || v === undefined) return null;
  if (typeof v !== "string" || !item.options.some((o) => o.id === v)) {
    throw new RangeError(`answer ${String(v)} is not an option of item ${item.id}`);
  }
  return v;
}

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
