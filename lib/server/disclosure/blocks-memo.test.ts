import { describe, expect, it } from "vitest";
import { formBlocks, type FamilyGroup } from "@/lib/disclosure/blocks";
import { blocksOf } from "./blocks-memo";

const family: FamilyGroup[] = [
  { key: "org", cells: ["a", "b", "c", "d"], weight: 1000 },
  { key: "team:a", cells: ["a"], weight: 100 },
  { key: "team:b", cells: ["b"], weight: 100 },
  { key: "g1", cells: ["a", "b"], weight: 300 },
];

describe("blocksOf", () => {
  it("gives formBlocks' answer, and the kept one for the same people however the map was built", () => {
    const counts = new Map([["a", 2], ["b", 6], ["c", 1], ["d", 0]]);
    const first = blocksOf(counts, family, 5);
    expect(first).toEqual(formBlocks(counts, family, 5));
    // Same people, other order, an empty cell dropped, a copy of the family: the same input.
    const again = blocksOf(new Map([["c", 1], ["b", 6], ["a", 2]]), family.map((g) => ({ ...g })), 5);
    expect(again).toBe(first);
  });

  it("decides again when the counts, the family or the floor differ", () => {
    const counts = new Map([["a", 2], ["b", 6], ["c", 3]]);
    const base = blocksOf(counts, family, 5);
    const moved = new Map([["a", 3], ["b", 6], ["c", 3]]);
    expect(blocksOf(moved, family, 5)).not.toBe(base);
    expect(blocksOf(moved, family, 5)).toEqual(formBlocks(moved, family, 5));
    const reweighted = family.map((g) => (g.key === "g1" ? { ...g, weight: 1 } : g));
    expect(blocksOf(counts, reweighted, 5)).not.toBe(base);
    expect(blocksOf(counts, reweighted, 5)).toEqual(formBlocks(counts, reweighted, 5));
    expect(blocksOf(counts, family, 3)).toEqual(formBlocks(counts, family, 3));
    expect(blocksOf(counts, family, 3)).not.toBe(base);
  });
});
