import { describe, expect, it } from "vitest";
import { composeItems } from "./compose";
import { BUILT_IN_METRICS } from "@/lib/metrics/catalog";
import { ENGAGEMENT_EXPLANATIONS } from "./explanations";
import { scoreUnit, teamMetricValues, withOrgComparison } from "./unit-score";

const items = composeItems({ templates: ["psychological-safety", "pulse"], excludeItems: [], items: [] });
const ps = (values: number[]) => Object.fromEntries(values.map((v, i) => [`ps${i + 1}`, v]));
const pulse = (v: number, enps: number) => ({ autonomy: v, "trust-leadership": v, workload: v, growth: v, belonging: v, enps });
const responses = [
  { respondentId: "r1", answers: { ...ps([2, 6, 3, 5, 2, 6, 5]), ...pulse(4, 10) } }, // safety 39/7
  { respondentId: "r2", answers: { ...ps([1, 7, 1, 7, 1, 7, 7]), ...pulse(2, 6) } }, // safety 49/7 = 7
];

describe("teamMetricValues", () => {
  it("stores sums of person scores over respondents, eNPS as 100 × (promoters − detractors), participation over invited", () => {
    const values = Object.fromEntries(teamMetricValues(items, responses, 4).map((v) => [v.metricKey, v]));
    expect(values.participation).toEqual({ metricKey: "participation", numerator: 2, denominator: 4 });
    expect(values.psych_safety.denominator).toBe(2);
    expect(values.psych_safety.numerator).toBeCloseTo(39 / 7 + 7, 10);
    expect(values.enps).toEqual({ metricKey: "enps", numerator: 0, denominator: 2 }); // one promoter, one detractor
    expect(values.pulse_growth).toEqual({ metricKey: "pulse_growth", numerator: 6, denominator: 2 });
  });

  it("stores only participation when nobody answered", () => {
    expect(teamMetricValues(items, [], 6)).toEqual([{ metricKey: "participation", numerator: 0, denominator: 6 }]);
  });

  it("stores no participation for a team nobody was invited from", () => {
    expect(teamMetricValues(items, [], 0)).toEqual([]);
  });
});

describe("scoreUnit", () => {
  it("gives index scores, item distributions and the difference from the organisation", () => {
    const unit = scoreUnit(items, responses, 4);
    expect(unit.participation).toBe(50);
    const safety = unit.indexes.find((i) => i.key === "psych_safety");
    expect(safety?.score).toBeCloseTo((39 / 7 + 7) / 2, 10);
    const growth = unit.items.find((i) => i.id === "growth");
    expect(growth?.distribution.map((d) => d.count)).toEqual([0, 1, 0, 1, 0]);
    expect(growth?.percentFavourable).toBe(50);
    const org = scoreUnit(items, [responses[0]], 1);
    const compared = withOrgComparison(unit, org);
    expect(compared.indexes.find((i) => i.key === "pulse_growth")?.vsOrg).toBe(-1); // 3 vs 4
  });

  it("names each index, explains it, and gives eNPS with its promoters and detractors", () => {
    const unit = scoreUnit(items, responses, 4);
    const safety = unit.indexes.find((i) => i.key === "psych_safety");
    expect(safety).toMatchObject({ name: "Psychological safety", howComputed: ENGAGEMENT_EXPLANATIONS.psych_safety });
    const growthHow = BUILT_IN_METRICS.find((m) => m.key === "pulse_growth")?.howComputed;
    expect(growthHow).toBeTruthy();
    expect(unit.indexes.find((i) => i.key === "pulse_growth")?.howComputed).toBe(growthHow);
    const enps = unit.indexes.find((i) => i.key === "enps");
    expect(enps).toMatchObject({ name: "eNPS", howComputed: ENGAGEMENT_EXPLANATIONS.enps, score: 0, promoters: 1, passives: 0, detractors: 1, percentFavourable: null });
  });

  it("marks reverse-scored items", () => {
    const unit = scoreUnit(items, responses, 4);
    expect(unit.items.find((i) => i.id === "ps1")?.reverseScored).toBe(true);
    expect(unit.items.find((i) => i.id === "ps2")?.reverseScored).toBe(false);
  });

  it("compares with nothing when there is no organisation score", () => {
    const unit = withOrgComparison(scoreUnit(items, responses, 4), null);
    expect(unit.indexes.every((i) => i.vsOrg === null)).toBe(true);
  });
});
