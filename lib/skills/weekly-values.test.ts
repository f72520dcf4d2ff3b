import { describe, expect, it } from "vitest";
import { aiWeekValues, coverageValue, experimentsActiveValues, learningWeekValues } from "./weekly-values";

const W1 = "2026-03-02";
const W2 = "2026-03-09";

describe("learning weekly values", () => {
  it("sums a week's hours and spend over the team's headcount, writing zero for a quiet week", () => {
    const records = [
      { date: "2026-03-02", hours: 6, spend: 0 },
      { date: "2026-03-08", hours: 2, spend: 400 }, // Sunday: still week 1
      { date: "2026-03-20", hours: 9, spend: 9 }, // outside the weeks asked for
    ];
    const values = learningWeekValues(records, [W1, W2], (w) => (w === W1 ? 8 : 10));
    expect(values).toEqual([
      { key: "learning_hours", week: W1, value: 1, numerator: 8, denominator: 8 },
      { key: "learning_spend", week: W1, value: 50, numerator: 400, denominator: 8 },
      { key: "learning_hours", week: W2, value: 0, numerator: 0, denominator: 10 },
      { key: "learning_spend", week: W2, value: 0, numerator: 0, denominator: 10 },
    ]);
  });

  it("writes nothing for a week without a headcount", () => {
    expect(learningWeekValues([{ date: W1, hours: 3, spend: 0 }], [W1], () => null)).toEqual([]);
  });
});

describe("AI weekly values", () => {
  it("takes each tool's busiest day, adds tools, and carries seats forward", () => {
    const rows = [
      { tool: "copilot", date: "2026-02-27", seats: 20, activeUsers: 9 }, // the week before: seats only carry
      { tool: "copilot", date: "2026-03-03", seats: null, activeUsers: 8 },
      { tool: "copilot", date: "2026-03-04", seats: null, activeUsers: 12 },
      { tool: "cursor", date: "2026-03-05", seats: 5, activeUsers: 3 },
    ];
    // Week 1: active 12 + 3 = 15 of 20 + 5 seats = 60%; reach 15 of 30 people = 50%. Week 2 has no rows.
    expect(aiWeekValues(rows, [W1, W2], () => 30)).toEqual([
      { key: "ai_adoption", week: W1, value: 60, numerator: 15, denominator: 25 },
      { key: "ai_reach", week: W1, value: 50, numerator: 15, denominator: 30 },
    ]);
  });

  it("leaves adoption empty when no seat count is known, but still reports reach", () => {
    const values = aiWeekValues([{ tool: "x", date: W1, seats: null, activeUsers: 4 }], [W1], () => 16);
    expect(values).toEqual([{ key: "ai_reach", week: W1, value: 25, numerator: 4, denominator: 16 }]);
  });
});

describe("experiments running", () => {
  it("counts an experiment in every week it touches", () => {
    const exps = [
      { startDate: "2026-03-08", endDate: "2026-03-09" }, // Sunday of week 1 to Monday of week 2
      { startDate: "2026-03-10", endDate: null },
    ];
    expect(experimentsActiveValues(exps, [W1, W2]).map((v) => v.value)).toEqual([1, 2]);
  });
});

describe("skills coverage value", () => {
  it("is covered ÷ needed as a percentage, and nothing when no skills are needed", () => {
    expect(coverageValue(W1, 3, 4)).toEqual({ key: "skills_coverage", week: W1, value: 75, numerator: 3, denominator: 4 });
    expect(coverageValue(W1, 0, 0)).toBeNull();
  });
});
