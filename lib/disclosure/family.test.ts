import { describe, expect, it } from "vitest";
import type { SegmentGroup, SegmentTeam } from "@/lib/segments/segments";
import { queryableFamily } from "./family";

const team = (id: string, groupId: string, location: string, sourcing: string, acquisitionName: string | null = null): SegmentTeam => ({
  id, name: id, groupId, location, sourcing, origin: acquisitionName ? "ACQUIRED" : "ORGANIC", acquisitionName,
});
// g2 sits inside g1, so g1 holds every team, as the organisation does.
const groups: SegmentGroup[] = [{ id: "g1", name: "G1", parentId: null }, { id: "g2", name: "G2", parentId: "g1" }];
const teams = [team("t1", "g1", "Lisbon", "onshore"), team("t2", "g1", "Porto", "onshore"), team("t3", "g2", "Lisbon", "offshore", "Acme")];

describe("queryableFamily", () => {
  const family = queryableFamily(teams, groups);
  const weightOf = (cells: string[]) => family.find((g) => g.cells.join(",") === cells.join(","))?.weight;

  it("holds every scope, every filter and every combination of them that has teams, once per set of teams", () => {
    const sets = family.map((g) => g.cells.join(","));
    expect(new Set(sets).size).toBe(sets.length);
    // Six of the seven non-empty sets of the three teams can be asked for: the organisation, each team, t1 + t2
    // (onshore, organic) and t1 + t3 (Lisbon). No scope or filter gives exactly t2 + t3.
    expect([...sets].sort()).toEqual(["t1", "t1,t2", "t1,t2,t3", "t1,t3", "t2", "t3"]);
    expect(family.every((g) => g.cells.length > 0 && Number.isFinite(g.weight))).toBe(true);
  });

  it("weighs a set by the heaviest way to ask for it: the organisation, then groups, then teams, a third less per filter", () => {
    expect(weightOf(["t1", "t2", "t3"])).toBe(1000); // the organisation (and g1, 300)
    expect(weightOf(["t3"])).toBeCloseTo(1000 / 3); // offshore, or acquired, across the organisation (g2: 300)
    expect(weightOf(["t1", "t3"])).toBeCloseTo(1000 / 3); // Lisbon
    expect(weightOf(["t1"])).toBeCloseTo(1000 / 9); // Lisbon and onshore (the team itself: 100)
    expect(weightOf(["t2"])).toBeCloseTo(1000 / 3); // Porto
  });

  it("takes the sets only the organisation, a group or a team can ask for", () => {
    // t2 and t4 share group, location, sourcing and origin: only the team itself tells them apart. t1 is alone in
    // g1 but shares every filter value with them: only its group (or team) asks for it alone.
    const own = queryableFamily(
      [team("t1", "g1", "Lisbon", "onshore"), team("t2", "g2", "Lisbon", "onshore"), team("t3", "g2", "Porto", "offshore", "Acme"), team("t4", "g2", "Lisbon", "onshore")],
      [{ id: "g1", name: "G1", parentId: null }, { id: "g2", name: "G2", parentId: null }],
    );
    const weights = Object.fromEntries(own.map((g) => [g.cells.join(","), Math.round(g.weight * 100) / 100]));
    expect(weights).toEqual({
      "t1,t2,t3,t4": 1000, // the organisation
      "t1,t2,t4": 333.33, // Lisbon (or onshore, or organic) across the organisation
      t3: 333.33, // Porto across the organisation
      t1: 300, // g1 (and team t1, 100)
      "t2,t3,t4": 300, // g2
      "t2,t4": 100, // g2 narrowed by one filter
      t2: 100, // the team alone
      t4: 100,
    });
  });

  it("names each set by the first way it was asked for and lists them by that name", () => {
    expect(family.map((g) => g.key)).toEqual([...family.map((g) => g.key)].sort());
    expect(family.find((g) => g.cells.join(",") === "t1,t2,t3")?.key).toBe("org");
  });

  it("offers every acquired team together only when there is one", () => {
    const acquired = queryableFamily([team("t1", "g1", "Lisbon", "onshore"), team("t2", "g1", "Lisbon", "onshore", "Acme"), team("t3", "g1", "Lisbon", "onshore", "Beta")], groups);
    expect(acquired.find((g) => g.cells.join(",") === "t2,t3")?.key).toBe("org|origin:acquired");
    const organic = queryableFamily(teams.filter((t) => t.origin === "ORGANIC"), groups);
    expect(organic.some((g) => g.key.includes("acquired"))).toBe(false);
  });
});
