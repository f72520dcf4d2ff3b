/**
 * The numbers for one group of respondents (the org, a group, a team or a filtered slice), computed with
 * lib/engagement/scoring. Pure; no I/O. Only called for groups the anonymity rules allow to be shown.
 */
import { ENGAGEMENT_EXPLANATIONS } from "@/lib/engagement/explanations";
import type { IndexScore, ItemScore, UnitScores } from "@/lib/engagement/api-types";
import type { SurveyResponse } from "@/lib/engagement/items";
import { answerDistribution, enps, participation, percentFavourable, personScore, teamScore } from "@/lib/engagement/scoring";
import { BUILT_IN_METRICS } from "@/lib/metrics/catalog";
import type { IndexKey, StoredItem } from "@/lib/validation/surveys";
import { indexesOf, itemsOfIndex } from "./compose";

export function indexName(key: IndexKey): string {
  return BUILT_IN_METRICS.find((m) => m.key === key)?.name ?? key;
}

export function indexHowComputed(key: IndexKey): string {
  if (key === "psych_safety" || key === "enps") return ENGAGEMENT_EXPLANATIONS[key];
  return BUILT_IN_METRICS.find((m) => m.key === key)?.howComputed ?? ENGAGEMENT_EXPLANATIONS.team_score;
}

function scoreIndex(items: readonly StoredItem[], key: IndexKey, responses: readonly SurveyResponse[]): IndexScore {
  const members = itemsOfIndex(items, key);
  const base = { key, name: indexName(key), howComputed: indexHowComputed(key) };
  if (key === "enps") {
    const [item] = members;
    if (item.kind !== "scale0to10") return { ...base, score: null, percentFavourable: null };
    const e = enps(item, responses);
    return { ...base, score: e.score, percentFavourable: null, promoters: e.promoters, passives: e.passives, detractors: e.detractors };
  }
  return { ...base, score: teamScore(members, responses).score, percentFavourable: percentFavourable(members, responses).percent };
}

function scoreItem(item: StoredItem, responses: readonly SurveyResponse[]): ItemScore | null {
  if (item.kind === "text") return null;
  const reverseScored = item.kind !== "singleChoice" && item.reverseScored === true;
  const { buckets } = answerDistribution(item, responses);
  const labelOf = (v: number | string) =>
    item.kind === "singleChoice" ? (item.options.find((o) => o.id === v)?.label ?? String(v)) : String(v);
  const distribution = buckets.map((b) => ({ value: b.value, label: labelOf(b.value), count: b.count, percent: b.percent }));
  if (item.kind === "singleChoice") {
    return { id: item.id, text: item.text, kind: item.kind, reverseScored, mean: null, percentFavourable: null, distribution };
  }
  return {
    id: item.id,
    text: item.text,
    kind: item.kind,
    reverseScored,
    mean: teamScore([item], responses).score,
    percentFavourable: item.kind === "scale0to10" ? null : percentFavourable([item], responses).percent,
    distribution,
  };
}

export function scoreUnit(items: readonly StoredItem[], responses: readonly SurveyResponse[], invited: number): UnitScores {
  return {
    respondents: responses.length,
    invited,
    participation: participation(responses.length, invited).percent,
    indexes: indexesOf(items).map((k) => scoreIndex(items, k, responses)),
    items: items.map((i) => scoreItem(i, responses)).filter((i): i is ItemScore => i !== null),
  };
}

/** Adds each index's difference from the organisation's score. */
export function withOrgComparison(unit: UnitScores, org: UnitScores | null): UnitScores {
  return {
    ...unit,
    indexes: unit.indexes.map((ix) => {
      const orgScore = org?.indexes.find((o) => o.key === ix.key)?.score ?? null;
      return { ...ix, vsOrg: ix.score === null || orgScore === null ? null : ix.score - orgScore };
    }),
  };
}

export interface TeamMetricValue {
  metricKey: IndexKey | "participation";
  numerator: number;
  denominator: number;
}

/**
 * The values stored per team when results are published: Σ of person scores over respondents for
 * indexes (eNPS: 100 × (promoters − detractors) over respondents), respondents over invited for
 * participation. Ratios of sums, so teams combine into groups exactly (lib/server/services/rollups.ts).
 */
export function teamMetricValues(items: readonly StoredItem[], responses: readonly SurveyResponse[], invited: number): TeamMetricValue[] {
  const out: TeamMetricValue[] = [];
  if (invited > 0) out.push({ metricKey: "participation", numerator: responses.length, denominator: invited });
  for (const key of indexesOf(items)) {
    const members = itemsOfIndex(items, key);
    if (key === "enps") {
      const [item] = members;
      if (item.kind !== "scale0to10") continue;
      const e = enps(item, responses);
      if (e.respondents > 0) out.push({ metricKey: key, numerator: 100 * (e.promoters - e.detractors), denominator: e.respondents });
      continue;
    }
    // Summed in value order, so the stored sum does not depend on the order rows come back in (floating point).
    const persons = responses.map((r) => personScore(members, r.answers)).filter((v): v is number => v !== null).sort((a, b) => a - b);
    if (persons.length > 0) out.push({ metricKey: key, numerator: persons.reduce((s, v) => s + v, 0), denominator: persons.length });
  }
  return out;
}
