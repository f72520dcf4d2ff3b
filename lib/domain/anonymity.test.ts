import { describe, expect, it } from "vitest";
import {
  ANONYMITY_THRESHOLD_DEFAULT,
  applyAnonymity,
  applyPartitionAnonymity,
  filteredGroupVerdict,
  isShowable,
  isValidThreshold,
} from "./anonymity";

const teamSize: Record<string, number> = { alpha: 6, beta: 7, gamma: 2, delta: 5 };
const countTeams = (ids: readonly string[]) => ids.reduce((s, id) => s + (teamSize[id] ?? 0), 0);
const team = (id: string) => ({ key: id, memberIds: [id], count: teamSize[id] });

describe("thresholds", () => {
  it("shows a group at the threshold and hides one below it", () => {
    expect(isShowable(5, ANONYMITY_THRESHOLD_DEFAULT)).toBe(true);
    expect(isShowable(4, ANONYMITY_THRESHOLD_DEFAULT)).toBe(false);
  });

  it("accepts admin thresholds from 3 to 10 only", () => {
    expect([2, 3, 10, 11, 4.5].map(isValidThreshold)).toEqual([false, true, true, false, false]);
  });
});

describe("applyAnonymity", () => {
  it("blocks organisation minus all-but-one team by withholding the next smallest team", () => {
    // org = 6 + 7 + 2 = 15; gamma (2) is too few, and org − alpha − beta would reveal it.
    const org = { key: "org", memberIds: ["alpha", "beta", "gamma"], count: 15 };
    const verdicts = applyAnonymity([org, team("alpha"), team("beta"), team("gamma")], 5, countTeams);
    expect(verdicts).toEqual([
      { key: "org", shown: true, reason: null },
      { key: "alpha", shown: false, reason: "differencing" },
      { key: "beta", shown: true, reason: null },
      { key: "gamma", shown: false, reason: "too-few" },
    ]);
  });

  it("withholds a sub-group whose difference from its parent is too small", () => {
    // org = 6 + 7 + 2 = 15; "alpha+beta" = 13, so org − it = gamma's 2 people.
    const org = { key: "org", memberIds: ["alpha", "beta", "gamma"], count: 15 };
    const pair = { key: "alpha+beta", memberIds: ["alpha", "beta"], count: 13 };
    const verdicts = applyAnonymity([org, pair], 5, countTeams);
    expect(verdicts.map((v) => [v.key, v.shown, v.reason])).toEqual([
      ["org", true, null],
      ["alpha+beta", false, "differencing"],
    ]);
  });

  it("shows every team when they exactly partition the organisation", () => {
    const org = { key: "org", memberIds: ["alpha", "beta", "delta"], count: 18 };
    const verdicts = applyAnonymity([org, team("alpha"), team("beta"), team("delta")], 5, countTeams);
    expect(verdicts.every((v) => v.shown)).toBe(true);
  });

  it("counts respondent ids by default and protects people outside every sub-group", () => {
    // Ten respondents; sub-groups of 4 and 4 leave r9 and r10 derivable from "all".
    const all = Array.from({ length: 10 }, (_, i) => `r${i + 1}`);
    const groups = [
      { key: "all", memberIds: all, count: 10 },
      { key: "a", memberIds: all.slice(0, 4), count: 4 },
      { key: "b", memberIds: all.slice(4, 8), count: 4 },
    ];
    // Threshold 4: both sub-groups are big enough, but the remainder of 2 is not.
    const verdicts = applyAnonymity(groups, 4);
    expect(verdicts.map((v) => v.reason)).toEqual([null, "differencing", null]);
  });

  it("works down a hierarchy: a withheld group's teams are checked against the organisation", () => {
    // org ⊃ platform {alpha, beta} and delta; gamma (2 people) is in org but not shown.
    const org = { key: "org", memberIds: ["alpha", "beta", "gamma", "delta"], count: 20 };
    const platform = { key: "platform", memberIds: ["alpha", "beta"], count: 13 };
    const verdicts = applyAnonymity([org, platform, team("alpha"), team("beta"), team("delta")], 5, countTeams);
    // Round 1: org's outermost shown sub-groups are platform and delta; remainder gamma = 2
    // → delta (5, smaller than platform's 13) is withheld. Remainder becomes 7: stable.
    expect(verdicts.filter((v) => !v.shown).map((v) => [v.key, v.reason])).toEqual([["delta", "differencing"]]);
  });
});

describe("applyPartitionAnonymity", () => {
  it("withholds the smallest shown team until the hidden remainder is safe", () => {
    const result = applyPartitionAnonymity(
      { key: "org", count: 27 },
      [
        { key: "a", count: 10 },
        { key: "b", count: 10 },
        { key: "c", count: 5 },
      ],
      5,
    );
    // 2 respondents have no team: showing all three teams would reveal them, so c goes.
    expect(result.parent.shown).toBe(true);
    expect(result.parts.map((p) => p.reason)).toEqual([null, null, "differencing"]);
  });

  it("breaks ties between equal teams by key", () => {
    const result = applyPartitionAnonymity(
      { key: "org", count: 22 },
      [
        { key: "b", count: 10 },
        { key: "a", count: 10 },
        { key: "c", count: 2 },
      ],
      5,
    );
    expect(result.parts.map((p) => [p.key, p.reason])).toEqual([
      ["b", null],
      ["a", "differencing"],
      ["c", "too-few"],
    ]);
  });

  it("leaves parts alone when the parent itself is too small", () => {
    const result = applyPartitionAnonymity({ key: "org", count: 4 }, [{ key: "a", count: 4 }], 5);
    expect(result.parent).toEqual({ key: "org", shown: false, reason: "too-few" });
    expect(result.parts[0].reason).toBe("too-few");
  });
});

describe("filteredGroupVerdict", () => {
  it("withholds a filter that leaves fewer than the threshold outside it", () => {
    expect(filteredGroupVerdict("lisbon", 17, 20, 5)).toEqual({ key: "lisbon", shown: false, reason: "differencing" });
    expect(filteredGroupVerdict("lisbon", 15, 20, 5).shown).toBe(true);
    expect(filteredGroupVerdict("lisbon", 20, 20, 5).shown).toBe(true);
    expect(filteredGroupVerdict("lisbon", 4, 20, 5).reason).toBe("too-few");
  });
});
