import { describe, expect, it } from "vitest";
import { decideSliceVisibility, decideVisibility, type UnitSpec } from "./visibility";

// Org = {a, b, c}; group P = {a, b}; teams a, b, c.
const units: UnitSpec[] = [
  { key: "org", teamIds: ["a", "b", "c"] },
  { key: "group:P", teamIds: ["a", "b"] },
  { key: "team:a", teamIds: ["a"] },
  { key: "team:b", teamIds: ["b"] },
  { key: "team:c", teamIds: ["c"] },
];
const shownKeys = (v: Map<string, { shown: boolean }>) => [...v].filter(([, x]) => x.shown).map(([k]) => k);

describe("decideVisibility", () => {
  it("shows everything at or above the threshold when no difference reveals anyone", () => {
    const v = decideVisibility(units, new Map([["a", 5], ["b", 6], ["c", 5]]), 5);
    expect(shownKeys(v)).toEqual(["org", "group:P", "team:a", "team:b", "team:c"]);
  });

  it("withholds a team of four and the group that is the org minus it", () => {
    const v = decideVisibility(units, new Map([["a", 10], ["b", 6], ["c", 4]]), 5);
    expect(v.get("team:c")).toMatchObject({ shown: false, reason: "too-few" });
    expect(v.get("group:P")).toMatchObject({ shown: false, reason: "differencing" });
    // org − a − b = c: the smaller of a and b goes too.
    expect(v.get("team:b")).toMatchObject({ shown: false, reason: "differencing" });
    expect(shownKeys(v)).toEqual(["org", "team:a"]);
  });

  it("counts a team without responses as nobody, so it reveals nothing", () => {
    const v = decideVisibility(units, new Map([["a", 5], ["b", 5]]), 5);
    expect(shownKeys(v)).toEqual(["org", "group:P", "team:a", "team:b"]);
  });
});

describe("decideSliceVisibility", () => {
  const respondents = new Map([["a", 10], ["b", 6], ["c", 4]]);
  const base = decideVisibility(units, respondents, 5);

  it("gives a slice equal to a shown unit that unit's verdict", () => {
    expect(decideSliceVisibility({ key: "filter", teamIds: ["a"] }, units, base, respondents, 5)).toEqual({ key: "filter", shown: true, reason: null });
    expect(decideSliceVisibility({ key: "filter", teamIds: ["b", "a"] }, units, base, respondents, 5)).toMatchObject({ shown: false, reason: "differencing" });
  });

  it("refuses a slice whose difference with the org is under the threshold", () => {
    const threeTeams: UnitSpec[] = [{ key: "org", teamIds: ["a", "b", "c", "d"] }, { key: "team:a", teamIds: ["a"] }];
    const r = new Map([["a", 10], ["b", 6], ["c", 3], ["d", 8]]);
    const b = decideVisibility(threeTeams, r, 5);
    // {a, b, d} = org − c (3 people)
    expect(decideSliceVisibility({ key: "filter", teamIds: ["a", "b", "d"] }, threeTeams, b, r, 5)).toMatchObject({ shown: false, reason: "differencing" });
    // {b, d} passes against the org (27 − 14 = 13), but beside team a it gives org − a − {b, d} = c (3 people).
    expect(decideSliceVisibility({ key: "filter", teamIds: ["b", "d"] }, threeTeams, b, r, 5)).toMatchObject({ shown: false, reason: "differencing" });
    // {b, c, d}: org − slice = a, which is shown anyway; nothing smaller is exposed.
    expect(decideSliceVisibility({ key: "filter", teamIds: ["b", "c", "d"] }, threeTeams, b, r, 5)).toEqual({ key: "filter", shown: true, reason: null });
  });

  it("refuses a slice that, minus a shown team inside it, leaves fewer than the threshold", () => {
    const flat: UnitSpec[] = [{ key: "org", teamIds: ["a", "b", "c"] }, { key: "team:a", teamIds: ["a"] }];
    const r = new Map([["a", 10], ["b", 3], ["c", 20]]);
    const b = decideVisibility(flat, r, 5);
    // {a, b} − a = b (3 people).
    expect(decideSliceVisibility({ key: "filter", teamIds: ["a", "b"] }, flat, b, r, 5)).toMatchObject({ shown: false, reason: "differencing" });
  });
});
