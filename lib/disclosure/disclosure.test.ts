import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formBlocks, isUnionOfBlocks, peopleIn, verdictFor, type FamilyGroup } from "./blocks";
import { releasedCrossings } from "./crossing";
import { findDerivableSmallSet } from "./derivability";
import { epochBlocks, snapshotRelease, type Epoch } from "./snapshots";

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));
const group = (key: string, cells: string[], weight = 1): FamilyGroup => ({ key, cells, weight });

describe("findDerivableSmallSet", () => {
  it("finds a small team left over when the organisation and every other team are shown", () => {
    const c = counts({ a: 6, b: 2, c: 7 });
    expect(findDerivableSmallSet([["a", "b", "c"], ["a"], ["c"]], c, 5)).toEqual({ cells: ["b"], people: 2 });
  });

  it("finds a difference of two filtered views (the survey results attack)", () => {
    // Group = a (6) + b (2, withheld) + london (c, 6): onshore = a + b + d; group filtered to London = c; shown
    // team a. Onshore − a − (nothing else) leaves b + d: d is 6, so no leak; add d's own release and b is exposed.
    const c = counts({ a: 6, b: 2, c: 6, d: 6 });
    const shown = [["a", "b", "c", "d"], ["a", "b", "d"], ["c"], ["a"]];
    expect(findDerivableSmallSet(shown, c, 5)).toBeNull();
    expect(findDerivableSmallSet([...shown, ["d"]], c, 5)).toEqual({ cells: ["b"], people: 2 });
  });

  it("sees through combinations with rational coefficients", () => {
    // x = ab + bc + ca (each shown), so a = (ab − bc + ca) / 2: a lone small cell is derivable.
    const c = counts({ a: 2, b: 6, c: 6 });
    expect(findDerivableSmallSet([["a", "b"], ["b", "c"], ["a", "c"]], c, 5)?.cells).toEqual(["a"]);
  });

  it("ignores cells without people", () => {
    expect(findDerivableSmallSet([["a", "z"], ["a"]], counts({ a: 6, z: 0 }), 5)).toBeNull();
  });
});

describe("formBlocks", () => {
  it("keeps big teams whole and pools a small team with the team it shares most groups with", () => {
    const c = counts({ a: 6, b: 2, c: 7, d: 8 });
    const family = [group("org", ["a", "b", "c", "d"], 100), group("g1", ["a", "b"], 10), group("g2", ["c", "d"], 10), group("a", ["a"]), group("b", ["b"]), group("c", ["c"]), group("d", ["d"])];
    const blocks = formBlocks(c, family, 5);
    expect(blocks.blocks.map((b) => b.cells)).toEqual([["a", "b"], ["c"], ["d"]]);
    expect(verdictFor(["a", "b", "c", "d"], c, blocks)).toEqual({ released: true });
    expect(verdictFor(["a", "b"], c, blocks)).toEqual({ released: true });
    expect(verdictFor(["a"], c, blocks)).toEqual({ released: false, reason: "differencing" });
    expect(verdictFor(["b"], c, blocks)).toEqual({ released: false, reason: "too-few" });
  });

  it("releases nothing when everyone together is fewer than the floor", () => {
    const c = counts({ a: 2, b: 2 });
    const blocks = formBlocks(c, [group("org", ["a", "b"])], 5);
    expect(blocks.blocks).toHaveLength(1);
    expect(isUnionOfBlocks(["a", "b"], blocks)).toBe(false);
  });

  it("counts a group holding exactly the floor as worth keeping whole", () => {
    // b (1) must join a or c. Joining c would cut g (a + b = 3, exactly the floor, so releasable); joining a cuts
    // only k, which costs less. Were g treated as never releasable, b would join c and a would follow.
    const c = counts({ a: 2, b: 1, c: 3 });
    const blocks = formBlocks(c, [group("g", ["a", "b"], 2), group("k", ["b", "c"], 1)], 3);
    expect(blocks.blocks).toEqual([{ cells: ["a", "b"], count: 3 }, { cells: ["c"], count: 3 }]);
    expect(verdictFor(["a", "b"], c, blocks)).toEqual({ released: true });
  });

  it("pools the smallest block first, with the smallest other block when no group decides", () => {
    // No groups: every merge costs nothing, so size decides, then the cell key.
    expect(formBlocks(counts({ a: 1, b: 5, c: 2 }), [], 3).blocks).toEqual([{ cells: ["a", "c"], count: 3 }, { cells: ["b"], count: 5 }]);
    expect(formBlocks(counts({ a: 1, b: 2, c: 5 }), [], 3).blocks).toEqual([{ cells: ["a", "b"], count: 3 }, { cells: ["c"], count: 5 }]);
    // b joins a (tied with c on size, first by key); c, still small, then joins that block, smaller than d.
    expect(formBlocks(counts({ a: 2, b: 1, c: 2, d: 9 }), [], 3).blocks).toEqual([{ cells: ["a", "b", "c"], count: 5 }, { cells: ["d"], count: 9 }]);
  });

  it("gives the same blocks whatever the order of cells and groups", () => {
    const c1 = counts({ a: 1, b: 2, c: 9, d: 3, e: 6 });
    const c2 = counts({ e: 6, d: 3, c: 9, b: 2, a: 1 });
    const family = [group("x", ["a", "c"]), group("y", ["b", "d", "e"]), group("org", ["a", "b", "c", "d", "e"], 5)];
    expect(formBlocks(c1, family, 5).blocks).toEqual(formBlocks(c2, [...family].reverse(), 5).blocks);
  });
});

const cellNames = ["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"];
const arbOrg = fc.record({
  floor: fc.integer({ min: 3, max: 10 }),
  counts: fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 2, maxLength: cellNames.length }),
  groups: fc.array(fc.array(fc.boolean(), { minLength: cellNames.length, maxLength: cellNames.length }), { minLength: 1, maxLength: 12 }),
});

function familyOf(n: number, groups: boolean[][]): FamilyGroup[] {
  const cells = cellNames.slice(0, n);
  const fam = [group("org", cells, 100), ...cells.map((c) => group(c, [c], 10))];
  groups.forEach((mask, i) => {
    const members = cells.filter((_, j) => mask[j]);
    if (members.length) fam.push(group(`g${i}`, members, 1 + (i % 4)));
  });
  return fam;
}

describe("blocks are safe (property, checked by the exact derivability checker)", () => {
  it("no set of 1…floor−1 people is derivable from every group the blocks release", () => {
    fc.assert(
      fc.property(arbOrg, ({ floor, counts: ns, groups }) => {
        const c = new Map(ns.map((n, i) => [cellNames[i], n]));
        const family = familyOf(ns.length, groups);
        const blocks = formBlocks(c, family, floor);
        const released = family.filter((g) => verdictFor(g.cells, c, blocks).released).map((g) => g.cells);
        expect(findDerivableSmallSet(released, c, floor)).toBeNull();
        for (const g of released) expect(peopleIn(g, c)).toBeGreaterThanOrEqual(floor);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it("releases every group when every cell alone reaches the floor", () => {
    fc.assert(
      fc.property(arbOrg, ({ floor, counts: ns, groups }) => {
        const c = new Map(ns.map((n, i) => [cellNames[i], n === 0 ? 0 : n + floor]));
        const family = familyOf(ns.length, groups);
        const blocks = formBlocks(c, family, floor);
        for (const g of family) if (peopleIn(g.cells, c) > 0) expect(verdictFor(g.cells, c, blocks).released).toBe(true);
      }),
      { numRuns: 100, seed: 12 },
    );
  });
});

describe("releasedCrossings (levels across team blocks)", () => {
  it("withholds levels that, subtracted from a team, leave a small set; releases them when they do not", () => {
    // Team a: 2 at L1, 5 at L2; team b: 6 at L1. L1 − b = a's 2 people at L1, and a − L2 is the same 2 people.
    const risky = releasedCrossings({
      cells: [{ block: 0, value: "L1", people: 2 }, { block: 0, value: "L2", people: 5 }, { block: 1, value: "L1", people: 6 }],
      blockPeople: new Map([[0, 7], [1, 6]]),
      values: ["L1", "L2"],
      floor: 5,
    });
    expect(risky.get("L1")).toEqual({ released: false, reason: "differencing" });
    expect(risky.get("L2")).toEqual({ released: false, reason: "differencing" });
    const safe = releasedCrossings({
      cells: [{ block: 0, value: "L1", people: 5 }, { block: 0, value: "L2", people: 5 }, { block: 1, value: "L1", people: 6 }],
      blockPeople: new Map([[0, 10], [1, 6]]),
      values: ["L1", "L2"],
      floor: 5,
    });
    expect([...safe.values()]).toEqual([{ released: true }, { released: true }]);
  });

  it("decides at most 16 levels and withholds the rest", () => {
    // Every level its own block of 5: each is safe alone, so only the cap withholds the 17th.
    const values = Array.from({ length: 17 }, (_, i) => `L${i + 1}`);
    const verdicts = releasedCrossings({
      cells: values.map((value, block) => ({ block, value, people: 5 })),
      blockPeople: new Map(values.map((_, block) => [block, 5])),
      values,
      floor: 5,
    });
    expect(values.slice(0, 16).map((v) => verdicts.get(v))).toEqual(Array(16).fill({ released: true }));
    expect(verdicts.get("L17")).toEqual({ released: false, reason: "differencing" });
  });

  it("is safe beside the team blocks (property, exact checker over team × level cells)", () => {
    const levels = ["L1", "L2", "L3", "L4"];
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 8 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: levels.length, maxLength: levels.length }), { minLength: 2, maxLength: 5 }),
        fc.array(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), { maxLength: 4 }),
        (floor, table, groups) => {
          const teams = table.map((_, i) => `t${i}`);
          const teamCounts = new Map(teams.map((t, i) => [t, table[i].reduce((a, b) => a + b, 0)]));
          const family = [group("org", teams, 100), ...teams.map((t) => group(t, [t], 10)), ...groups.map((m, i) => group(`g${i}`, teams.filter((_, j) => m[j]), 3)).filter((g) => g.cells.length)];
          const blocks = formBlocks(teamCounts, family, floor);
          const blockPeople = new Map(blocks.blocks.map((b, i) => [i, b.count]));
          const cells = teams.flatMap((t, i) => levels.map((l, j) => ({ block: blocks.blockOf.get(t) ?? -1, value: l, people: table[i][j], team: t })));
          const verdicts = releasedCrossings({ cells: cells.filter((c) => c.block >= 0), blockPeople, values: levels, floor });
          // The exact check over team × level cells: released team groups and released levels together.
          const cellCounts = new Map(cells.map((c) => [`${c.team}|${c.value}`, c.people]));
          const teamCells = (ids: readonly string[]) => ids.flatMap((t) => levels.map((l) => `${t}|${l}`));
          const shown = [
            ...family.filter((g) => verdictFor(g.cells, teamCounts, blocks).released).map((g) => teamCells(g.cells)),
            ...levels.filter((l) => verdicts.get(l)?.released).map((l) => teams.map((t) => `${t}|${l}`)),
          ];
          expect(findDerivableSmallSet(shown, cellCounts, floor)).toBeNull();
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });
});

describe("snapshotRelease (answers arriving over several snapshots)", () => {
  it("keeps a team's last numbers when fewer than the threshold answered since", () => {
    const family = [group("org", ["a", "b", "c"], 100), group("a", ["a"], 10), group("b", ["b"], 10), group("c", ["c"], 10)];
    const e1counts = counts({ a: 6, b: 5, c: 7 });
    const e1: Epoch = { epoch: 1, counts: e1counts, blocks: epochBlocks(e1counts, [], family, 5) };
    const e2counts = counts({ a: 1, b: 6, c: 0 });
    const e2: Epoch = { epoch: 2, counts: e2counts, blocks: epochBlocks(e2counts, [e1], family, 5) };
    expect(snapshotRelease(["a"], [e1, e2])).toEqual({ released: true, asOfEpoch: 1, respondents: 6 });
    expect(snapshotRelease(["c"], [e1, e2])).toEqual({ released: true, asOfEpoch: 2, respondents: 7 });
    expect(snapshotRelease(["a", "b", "c"], [e1, e2])).toEqual({ released: true, asOfEpoch: 2, respondents: 25 });
    expect(snapshotRelease(["a"], [])).toEqual({ released: false, reason: "not-published" });
  });

  it("releases a group answered by exactly the threshold, and says why another is withheld", () => {
    // b (2) is pooled with a (5, the smaller of its equally good partners), so a alone cuts a block.
    const family = [group("org", ["a", "b", "c"], 100), group("a", ["a"], 10), group("b", ["b"], 10), group("c", ["c"], 10)];
    const exact = counts({ a: 5, c: 6 });
    expect(snapshotRelease(["a"], [{ epoch: 1, counts: exact, blocks: epochBlocks(exact, [], family, 5) }])).toEqual({ released: true, asOfEpoch: 1, respondents: 5 });
    const pooled = counts({ a: 5, b: 2, c: 6 });
    const e1: Epoch = { epoch: 1, counts: pooled, blocks: epochBlocks(pooled, [], family, 5) };
    expect(e1.blocks.blocks.map((b) => b.cells)).toEqual([["a", "b"], ["c"]]);
    expect(snapshotRelease(["a"], [e1])).toEqual({ released: false, reason: "differencing" });
    expect(snapshotRelease(["b"], [e1])).toEqual({ released: false, reason: "too-few" });
    expect(snapshotRelease(["a", "b"], [e1])).toEqual({ released: true, asOfEpoch: 1, respondents: 7 });
  });

  it("never lets snapshots be subtracted into a small set (property over answer sequences)", () => {
    const teams = ["a", "b", "c", "d", "e"];
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 6 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: teams.length, maxLength: teams.length }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.array(fc.boolean(), { minLength: teams.length, maxLength: teams.length }), { maxLength: 4 }),
        (floor, arrivals, groups) => {
          const family = [group("org", teams, 100), ...teams.map((t) => group(t, [t], 10)), ...groups.map((m, i) => group(`g${i}`, teams.filter((_, j) => m[j]), 3)).filter((g) => g.cells.length)];
          const epochs: Epoch[] = [];
          const shown: string[][] = [];
          arrivals.forEach((row, i) => {
            const c = new Map(teams.map((t, j) => [t, row[j]]));
            epochs.push({ epoch: i + 1, counts: c, blocks: epochBlocks(c, epochs, family, floor) });
            // What a reader sees after this snapshot: each group as of the epoch it is released at.
            for (const g of family) {
              const r = snapshotRelease(g.cells, epochs);
              if (r.released) shown.push(g.cells.flatMap((t) => epochs.filter((e) => e.epoch <= r.asOfEpoch).map((e) => `${t}@${e.epoch}`)));
            }
          });
          const atoms = new Map(epochs.flatMap((e) => teams.map((t) => [`${t}@${e.epoch}`, e.counts.get(t) ?? 0] as const)));
          expect(findDerivableSmallSet(shown, atoms, floor)).toBeNull();
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });
});
