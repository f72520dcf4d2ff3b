import { describe, expect, it } from "vitest";
import { round } from "@/lib/domain/stats";
import type { ScaleItem, SingleChoiceItem, SurveyResponse } from "./items";
import { answerDistribution, comments, enps, participation, percentFavourable, personScore, teamScore } from "./scoring";
import { COMMENT_ITEM, ENPS_ITEM, PSYCHOLOGICAL_SAFETY_ITEMS, PULSE_ITEMS } from "./templates";

const psAnswers = (values: number[]) => Object.fromEntries(values.map((v, i) => [`ps${i + 1}`, v]));
const respond = (id: string, answers: SurveyResponse["answers"]): SurveyResponse => ({ respondentId: id, answers });

describe("psychological safety", () => {
  it("reverses items 1, 3 and 5 and averages the seven (spec example 2,6,3,5,2,6,5 → 5.571)", () => {
    // 8−2, 6, 8−3, 5, 8−2, 6, 5 = 6+6+5+5+6+6+5 = 39; 39 / 7 = 5.5714…
    expect(round(personScore(PSYCHOLOGICAL_SAFETY_ITEMS, psAnswers([2, 6, 3, 5, 2, 6, 5]))!, 3)).toBe(5.571);
  });

  it("scores the team as the mean of persons, not of all answers", () => {
    const responses = [
      respond("a", psAnswers([2, 6, 3, 5, 2, 6, 5])), // 39/7
      respond("b", { ps2: 4 }), // one answer only: 4
    ];
    const result = teamScore(PSYCHOLOGICAL_SAFETY_ITEMS, responses);
    // (39/7 + 4) / 2 = 4.7857…; pooling the 8 answers would give 43/8 = 5.375 instead.
    expect(result.respondents).toBe(2);
    expect(round(result.score!, 3)).toBe(4.786);
  });

  it("counts 6–7 as favourable on a 7-point scale after reversal", () => {
    // Reversed values 6,6,5,5,6,6,5 → four of seven are 6 or 7.
    const result = percentFavourable(PSYCHOLOGICAL_SAFETY_ITEMS, [respond("a", psAnswers([2, 6, 3, 5, 2, 6, 5]))]);
    expect(result.favourable).toBe(4);
    expect(result.answers).toBe(7);
    expect(round(result.percent!, 2)).toBe(57.14);
  });
});

describe("pulse", () => {
  const responses = [
    respond("a", { autonomy: 5, workload: 2 }),
    respond("b", { autonomy: 4, workload: 4 }),
    respond("c", { autonomy: 3 }),
    respond("d", {}),
  ];

  it("pools 4–5 answers into % favourable and ignores people who answered nothing", () => {
    // Answers: 5,2,4,4,3 → favourable 5,4,4 = 3 of 5.
    expect(percentFavourable(PULSE_ITEMS, responses)).toEqual({ percent: 60, favourable: 3, answers: 5, respondents: 3 });
  });

  it("lists every value of the scale in the distribution", () => {
    const autonomy = PULSE_ITEMS[0];
    expect(answerDistribution(autonomy, responses)).toEqual({
      respondents: 3,
      buckets: [
        { value: 1, count: 0, percent: 0 },
        { value: 2, count: 0, percent: 0 },
        { value: 3, count: 1, percent: expect.closeTo(33.333, 3) },
        { value: 4, count: 1, percent: expect.closeTo(33.333, 3) },
        { value: 5, count: 1, percent: expect.closeTo(33.333, 3) },
      ],
    });
  });

  it("refuses to average items on different scales into one index", () => {
    expect(() => personScore([...PULSE_ITEMS, PSYCHOLOGICAL_SAFETY_ITEMS[0]], {})).toThrow(RangeError);
  });

  it("rejects an answer outside the scale", () => {
    expect(() => personScore(PULSE_ITEMS, { autonomy: 6 })).toThrow(RangeError);
  });

  it("reverses a reverse-scored 5-point item as 6 − answer", () => {
    const item: ScaleItem = { id: "x", kind: "likert5", reverseScored: true, text: "I often feel overwhelmed." };
    expect(personScore([item], { x: 2 })).toBe(4);
  });
});

describe("eNPS", () => {
  it("matches the spec example 10,9,9,8,7,6,3,10,5,9 → +20", () => {
    const responses = [10, 9, 9, 8, 7, 6, 3, 10, 5, 9].map((v, i) => respond(`r${i}`, { enps: v }));
    // Promoters 10,9,9,10,9 = 5; detractors 6,3,5 = 3; (5 − 3) / 10 × 100 = 20.
    expect(enps(ENPS_ITEM, responses)).toEqual({ score: 20, promoters: 5, passives: 2, detractors: 3, respondents: 10 });
  });

  it("is empty with no answers and spans −100 to +100", () => {
    expect(enps(ENPS_ITEM, []).score).toBeNull();
    expect(enps(ENPS_ITEM, [respond("a", { enps: 0 })]).score).toBe(-100);
    expect(enps(ENPS_ITEM, [respond("a", { enps: 10 })]).score).toBe(100);
  });
});

describe("participation, choices and comments", () => {
  it("divides respondents by invited", () => {
    expect(participation(18, 24)).toEqual({ percent: 75, respondents: 18, invited: 24 });
    expect(participation(0, 0).percent).toBeNull();
  });

  it("counts single-choice answers per option", () => {
    const item: SingleChoiceItem = {
      id: "mode",
      kind: "singleChoice",
      text: "Where do you mostly work?",
      options: [
        { id: "office", label: "Office" },
        { id: "home", label: "Home" },
      ],
    };
    const result = answerDistribution(item, [respond("a", { mode: "home" }), respond("b", { mode: "home" }), respond("c", { mode: "office" })]);
    expect(result.buckets.map((b) => [b.value, b.count])).toEqual([
      ["office", 1],
      ["home", 2],
    ]);
    expect(() => answerDistribution(item, [respond("d", { mode: "moon" })])).toThrow(RangeError);
  });

  it("keeps non-blank comments, trimmed", () => {
    const responses = [respond("a", { comment: "  More focus time " }), respond("b", { comment: "   " }), respond("c", {})];
    expect(comments(COMMENT_ITEM, responses)).toEqual(["More focus time"]);
  });
});
