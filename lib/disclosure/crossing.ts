/**
 * Segments that cut across the team blocks — career levels — released beside them. Pure; no I/O.
 *
 * Teams (and every group made of teams) are decided by blocks (blocks.ts). A level is a set of people spread
 * over many teams, so it is not a union of team blocks; releasing it beside them is safe exactly when no cut
 * of the "block × level" table isolates a small set. With what a reader can see taken to be every team block
 * (more than is ever shown, so the answer errs on the safe side) plus the released levels, the derivable 0/1
 * combinations are the cuts: a set U of levels together with the blocks N(U) holding anyone at those levels
 * (plus, optionally, other blocks), whose difference "people in N(U) − people at the levels in U" is the
 * derived set. The levels left unreleased count as one more level that a cut may include. A level is released when it has at least `floor` people and no cut involving it and the levels
 * released before it (in the given order) leaves 1…floor−1 people. Exhaustive over subsets of levels: fine for
 * the handful of levels a career framework has.
 */
import type { Verdict } from "./blocks";

export interface CrossingInput {
  /** People per block (index into the team blocks) and crossing value, e.g. block 3 × level "L4". */
  cells: readonly { block: number; value: string; people: number }[];
  /** People per block in total (every value included). */
  blockPeople: ReadonlyMap<number, number>;
  /** Crossing values in the order they are decided (a fixed order: the same values win every time). */
  values: readonly string[];
  floor: number;
}

const MAX_VALUES = 16;

/** Sums (below `limit`) reachable by adding some of `sizes`, 0 included. */
function subsetSums(sizes: readonly number[], limit: number): Set<number> {
  let sums = new Set([0]);
  for (const s of sizes) {
    const next = new Set(sums);
    for (const x of sums) if (x + s < limit) next.add(x + s);
    sums = next;
  }
  return sums;
}

export function releasedCrossings({ cells, blockPeople, values, floor }: CrossingInput): Map<string, Verdict> {
  const people = new Map<string, number>();
  const blocksOf = new Map<string, Set<number>>();
  for (const c of cells) {
    if (c.people <= 0) continue;
    people.set(c.value, (people.get(c.value) ?? 0) + c.people);
    const set = blocksOf.get(c.value) ?? new Set<number>();
    set.add(c.block);
    blocksOf.set(c.value, set);
  }
  const out = new Map<string, Verdict>();
  const released: string[] = [];

  const blocksOfValues = (vs: Iterable<string>) => {
    const out = new Set<number>();
    for (const v of vs) for (const b of blocksOf.get(v) ?? []) out.add(b);
    return out;
  };
  const peopleAt = (vs: Iterable<string>) => [...vs].reduce((n, v) => n + (people.get(v) ?? 0), 0);

  /** Whether releasing `candidate` beside the values released so far lets some cut isolate a small set. */
  const exposes = (candidate: string): boolean => {
    const trial = [...released, candidate];
    // People at levels that stay unreleased can be told apart from nobody: together they act as one more value
    // that is always "up" or always "down" in a cut.
    const anchor = [...people.keys()].filter((v) => !trial.includes(v));
    for (let mask = 0; mask < 1 << trial.length; mask++) {
      for (const anchorUp of [false, true]) {
        if (mask === 0 && !anchorUp) continue;
        const chosen = trial.filter((_, i) => mask & (1 << i));
        const upValues = anchorUp ? [...chosen, ...anchor] : chosen;
        const blocks = blocksOfValues(upValues);
        const inBlocks = [...blocks].reduce((n, b) => n + (blockPeople.get(b) ?? 0), 0);
        const rest = inBlocks - peopleAt(upValues);
        // Blocks smaller than the floor (possible when counts disagree) can be added to a cut as well.
        const others = [...blockPeople].filter(([b, n]) => !blocks.has(b) && n > 0 && n < floor).map(([, n]) => n);
        for (const extra of subsetSums(others, floor)) {
          const derived = rest + extra;
          if (derived > 0 && derived < floor) return true;
        }
      }
    }
    return false;
  };

  for (const value of values) {
    const n = people.get(value) ?? 0;
    if (n < floor) out.set(value, { released: false, reason: "too-few" });
    else if (released.length >= MAX_VALUES || exposes(value)) out.set(value, { released: false, reason: "differencing" });
    else {
      out.set(value, { released: true });
      released.push(value);
    }
  }
  return out;
}
