import { describe, expect, it } from "vitest";
import { formBlocks, type FamilyGroup } from "@/lib/disclosure/blocks";
import { blocksOf, MAX_KEPT_BLOCKS } from "./blocks-memo";

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

  it(`keeps at most ${MAX_KEPT_BLOCKS} answers, the least recently used going first`, () => {
    // Inputs no other test uses: a count of `i` people in cell a.
    const input = (i: number) => new Map([["a", 1000 + i], ["b", 6]]);
    const oldest = blocksOf(input(0), family, 5);
    const used = blocksOf(input(1), family, 5);
    for (let i = 2; i < MAX_KEPT_BLOCKS; i++) blocksOf(input(i), family, 5);
    // Inputs 0 to MAX_KEPT_BLOCKS − 1 are now the most recent answers, all kept (what the tests before left went first).
    expect(blocksOf(input(1), family, 5)).toBe(used);
    // Two more answers push out the two least recently used: input(0), then input(2); input(1) was just used.
    blocksOf(input(MAX_KEPT_BLOCKS), family, 5);
    blocksOf(input(MAX_KEPT_BLOCKS + 1), family, 5);
    expect(blocksOf(input(1), family, 5)).toBe(used);
    const again = blocksOf(input(0), family, 5);
    expect(again).not.toBe(oldest);
    expect(again).toEqual(oldest);
  });
});
