/**
 * The derivability checker of ../shared/spec/disclosure.md ("How to check it"). Pure; no I/O.
 *
 * Given the groups a reader can see (each a set of cells — a team, or a team × level, or a team × snapshot for
 * survey answers that arrived between two snapshots) and how many people each cell holds, it decides exactly
 * whether some set of 1…floor−1 people can be derived by adding and subtracting what was shown: whether a 0/1
 * vector over the cells, covering that many people, lies in the span of the shown groups' 0/1 vectors.
 *
 * Exact arithmetic: the span is kept in echelon form over the integers (fraction-free elimination with BigInt),
 * so no rounding can hide a leak. Cells with no people are left out — they add nothing to any number. Built to
 * audit the policy independently of it (it shares no code with blocks.ts): exhaustive over the small cells, so
 * meant for the few cells of a test organisation, not for production-sized ones.
 */

type Row = bigint[];

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function normalise(row: Row): Row {
  let g = 0n;
  for (const v of row) if (v !== 0n) g = gcd(g, v);
  return g > 1n ? row.map((v) => v / g) : row;
}

/** Echelon basis of the rows' span, with each row's pivot column. */
class Span {
  private readonly rows: { pivot: number; row: Row }[] = [];

  /** `v` reduced against the basis: all zero exactly when `v` lies in the span. */
  reduce(v: readonly bigint[]): Row {
    let r = [...v];
    for (const { pivot, row } of this.rows) {
      if (r[pivot] === 0n) continue;
      const a = row[pivot];
      const b = r[pivot];
      r = normalise(r.map((x, i) => a * x - b * row[i]));
    }
    return r;
  }

  contains(v: readonly bigint[]): boolean {
    return this.reduce(v).every((x) => x === 0n);
  }

  add(v: readonly bigint[]): void {
    const r = this.reduce(v);
    const pivot = r.findIndex((x) => x !== 0n);
    if (pivot < 0) return;
    // Clear the new pivot from the earlier rows too: every row is then zero on every other row's pivot, so one
    // pass of `reduce` in any order leaves a vector of the span at zero.
    for (const existing of this.rows) {
      const b = existing.row[pivot];
      if (b === 0n) continue;
      const a = r[pivot];
      existing.row = normalise(existing.row.map((x, i) => a * x - b * r[i]));
    }
    this.rows.push({ pivot, row: r });
  }
}

export interface DerivedSet {
  cells: string[];
  people: number;
}

/**
 * A set of 1…floor−1 people derivable from the shown groups (as the cells it covers), or null when there is
 * none. `shown` lists each shown group's cells; the order does not matter.
 */
export function findDerivableSmallSet(shown: readonly (readonly string[])[], counts: ReadonlyMap<string, number>, floor: number): DerivedSet | null {
  const cells = [...counts].filter(([, n]) => n > 0).map(([c]) => c).sort();
  const index = new Map(cells.map((c, i) => [c, i]));
  const span = new Span();
  for (const group of shown) {
    const v: Row = cells.map(() => 0n);
    for (const c of group) {
      const i = index.get(c);
      if (i !== undefined) v[i] = 1n;
    }
    span.add(v);
  }
  // Only cells smaller than the floor can be part of a small set; try every combination of them whose people
  // add up to less than the floor.
  const small = cells.filter((c) => (counts.get(c) ?? 0) < floor);
  const chosen: string[] = [];
  let found: DerivedSet | null = null;
  const visit = (from: number, people: number): void => {
    if (found) return;
    if (chosen.length > 0) {
      const v: Row = cells.map(() => 0n);
      for (const c of chosen) v[index.get(c) as number] = 1n;
      if (span.contains(v)) {
        found = { cells: [...chosen], people };
        return;
      }
    }
    for (let i = from; i < small.length; i++) {
      const n = counts.get(small[i]) ?? 0;
      if (people + n >= floor) continue;
      chosen.push(small[i]);
      visit(i + 1, people + n);
      chosen.pop();
      if (found) return;
    }
  };
  visit(0, 0);
  return found;
}
