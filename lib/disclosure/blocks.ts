/**
 * Complementary suppression by blocks — the core of Pillars' disclosure policy (../shared/spec/disclosure.md,
 * rule 2). Pure; no I/O.
 *
 * People are grouped into cells (a team, or a team × level). Cells holding at least `floor` people are blocks
 * of their own; smaller cells are pooled with the cell they share most queryable groups with until every block
 * holds at least `floor` people. A group is released only when it is a non-empty union of whole blocks.
 *
 * Why that is safe: every released group is a sum of block indicators, so anything derivable by adding and
 * subtracting released groups (their span) is a combination of blocks; a 0/1 combination of blocks is a union
 * of whole blocks, which holds no one or at least `floor` people. No set of 1…floor−1 people can be derived,
 * however many groups, filters and views a user combines — and the answer for any group is a property of the
 * group alone, so every view that asks gets the same answer.
 *
 * Deterministic: the same counts and family give the same blocks (ties broken by cell key), so a decision is
 * the same every time it is asked (rule 2's "choose the same groups every time").
 */

/** A group any user could ask for, as the cells it covers; `weight` says how much withholding it would cost. */
export interface FamilyGroup {
  key: string;
  cells: readonly string[];
  weight: number;
}

export interface Block {
  cells: string[];
  count: number;
}

export interface Blocks {
  floor: number;
  /** Block index of every cell that holds people; empty cells belong to no block. */
  blockOf: ReadonlyMap<string, number>;
  blocks: readonly Block[];
}

type Bits = Uint32Array;

function bitsFor(size: number): Bits {
  return new Uint32Array(Math.max(1, Math.ceil(size / 32)));
}

/** Pools small cells into blocks of at least `floor` people; cells with no people are left out. */
export function formBlocks(counts: ReadonlyMap<string, number>, family: readonly FamilyGroup[], floor: number): Blocks {
  const cells = [...counts].filter(([, n]) => n > 0).map(([cell]) => cell).sort();
  const cellIndex = new Map(cells.map((c, i) => [c, i]));
  const countOf = (i: number) => counts.get(cells[i]) ?? 0;

  // Which family groups each cell belongs to, as bit sets over the family; groups that could never be
  // released (too few people in total) cost nothing to break.
  const member: Bits[] = cells.map(() => bitsFor(family.length));
  const weights = family.map((g) => {
    const inside = [...new Set(g.cells)].filter((c) => cellIndex.has(c));
    const total = inside.reduce((n, c) => n + (counts.get(c) ?? 0), 0);
    return total >= floor ? g.weight : 0;
  });
  family.forEach((g, gi) => {
    for (const c of g.cells) {
      const i = cellIndex.get(c);
      if (i !== undefined) member[i][gi >>> 5] |= 1 << (gi & 31);
    }
  });

  interface Working {
    cells: number[];
    count: number;
    /** Groups containing every cell of the block. */
    all: Bits;
    /** Groups containing some cell of the block. */
    any: Bits;
  }
  let blocks: Working[] = cells.map((_, i) => ({ cells: [i], count: countOf(i), all: member[i].slice(), any: member[i].slice() }));

  /** Weight of the groups that are whole-or-nothing on both blocks now but would cut through them merged. */
  const loss = (a: Working, b: Working): number => {
    let total = 0;
    for (let w = 0; w < a.all.length; w++) {
      const consistentA = a.all[w] | ~a.any[w];
      const consistentB = b.all[w] | ~b.any[w];
      const consistentMerged = (a.all[w] & b.all[w]) | (~a.any[w] & ~b.any[w]);
      let broken = consistentA & consistentB & ~consistentMerged;
      while (broken !== 0) {
        const bit = 31 - Math.clz32(broken & -broken);
        const gi = (w << 5) + bit;
        if (gi < weights.length) total += weights[gi];
        broken &= broken - 1;
      }
    }
    return total;
  };
  const firstCell = (b: Working) => cells[b.cells[0]];
  const smaller = (a: Working, b: Working) => a.count - b.count || (firstCell(a) < firstCell(b) ? -1 : 1);

  for (;;) {
    const small = blocks.filter((b) => b.count < floor).sort(smaller)[0];
    if (!small || blocks.length === 1) break;
    let best: Working | null = null;
    let bestLoss = Number.POSITIVE_INFINITY;
    for (const other of blocks) {
      if (other === small) continue;
      const l = loss(small, other);
      if (l < bestLoss || (l === bestLoss && best !== null && smaller(other, best) < 0)) {
        best = other;
        bestLoss = l;
      }
    }
    const partner = best as Working;
    const merged: Working = {
      cells: [...small.cells, ...partner.cells].sort((x, y) => x - y),
      count: small.count + partner.count,
      all: small.all.map((v, w) => v & partner.all[w]),
      any: small.any.map((v, w) => v | partner.any[w]),
    };
    blocks = [...blocks.filter((b) => b !== small && b !== partner), merged];
  }

  const ordered = blocks
    .map((b) => ({ cells: b.cells.map((i) => cells[i]), count: b.count }))
    .sort((a, b) => (a.cells[0] < b.cells[0] ? -1 : 1));
  const blockOf = new Map<string, number>();
  ordered.forEach((b, i) => b.cells.forEach((c) => blockOf.set(c, i)));
  return { floor, blockOf, blocks: ordered };
}

/** People in a set of cells. */
export function peopleIn(cells: Iterable<string>, counts: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const c of new Set(cells)) n += counts.get(c) ?? 0;
  return n;
}

/**
 * True when the cells cover every block they touch wholly, and every such block holds at least the floor (only
 * the last block standing can be smaller: when everyone together is too few). An empty set of people is such a
 * union too.
 */
export function isUnionOfBlocks(cells: Iterable<string>, blocks: Blocks): boolean {
  const inside = new Set(cells);
  const touched = new Set<number>();
  for (const c of inside) {
    const b = blocks.blockOf.get(c);
    if (b !== undefined) touched.add(b);
  }
  for (const b of touched) {
    const block = blocks.blocks[b];
    if (block.count < blocks.floor || !block.cells.every((c) => inside.has(c))) return false;
  }
  return true;
}

export type Verdict = { released: true } | { released: false; reason: "too-few" | "differencing" };

/** The verdict for one group: too few people of its own, or it cuts through a pooled block. */
export function verdictFor(cells: readonly string[], counts: ReadonlyMap<string, number>, blocks: Blocks): Verdict {
  if (peopleIn(cells, counts) < blocks.floor) return { released: false, reason: "too-few" };
  return isUnionOfBlocks(cells, blocks) ? { released: true } : { released: false, reason: "differencing" };
}
