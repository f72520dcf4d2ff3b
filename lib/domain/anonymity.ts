/**
 * Anonymity rules shared by survey results and people metrics. Pure; no I/O.
 *
 * Two rules (metric spec §3 and §4):
 * 1. Too few: a group with fewer respondents than the threshold shows nothing.
 * 2. Differencing: a group is also withheld when subtracting shown groups would reveal a set
 *    of more than zero but fewer than `threshold` respondents.
 *
 * Groups are described by the units they contain (`memberIds`: team ids, or respondent ids),
 * so "is B inside A" and "who is in A but not B" are set questions; `countOf` turns a set of
 * units into a respondent count (for respondent-id sets it is simply the set size).
 */

export const ANONYMITY_THRESHOLD_MIN = 3;
export const ANONYMITY_THRESHOLD_MAX = 10;
export const ANONYMITY_THRESHOLD_DEFAULT = 5;

export type WithholdReason = "too-few" | "differencing";

export interface AnonymityGroup {
  key: string;
  memberIds: readonly string[];
  count: number;
}

export interface AnonymityVerdict {
  key: string;
  shown: boolean;
  reason: WithholdReason | null;
}

export function isValidThreshold(threshold: number): boolean {
  return Number.isInteger(threshold) && threshold >= ANONYMITY_THRESHOLD_MIN && threshold <= ANONYMITY_THRESHOLD_MAX;
}

export function isShowable(n: number, threshold: number): boolean {
  return n >= threshold;
}

/** True when a difference of `n` respondents would single out a too-small set. */
function isRevealing(n: number, threshold: number): boolean {
  return n > 0 && n < threshold;
}

/** Respondent count of a set of respondent ids: the number of distinct ids. */
export function countDistinct(memberIds: readonly string[]): number {
  return new Set(memberIds).size;
}

/**
 * Decides which of a set of groups shown together may be shown.
 *
 * Checks, repeated until nothing changes:
 * - pairs: for shown A ⊋ B, if A − B has 0 < n < threshold respondents, B is withheld
 *   (the wider group — ultimately the organisation — is the one people expect to see);
 * - remainders: for shown A, its shown sub-groups that are not inside another shown
 *   sub-group; when these are pairwise disjoint, A minus all of them is derivable, so if it
 *   has 0 < n < threshold respondents the smallest of them is withheld (this blocks
 *   "organisation minus every team but one").
 *
 * Withholding is one-way: a group withheld in an earlier round stays withheld even if a
 * later withholding would have made it safe. That is conservative and guarantees the loop
 * ends (each round withholds at least one more group or stops).
 *
 * Built for hierarchies, where any two groups are nested or disjoint. For overlapping
 * segmentations (location × level) apply it per dimension; cross-tab leaks through
 * intersections are not detected here.
 */
export function applyAnonymity(
  groups: readonly AnonymityGroup[],
  threshold: number,
  countOf: (memberIds: readonly string[]) => number = countDistinct,
): AnonymityVerdict[] {
  const sets = new Map(groups.map((g) => [g.key, new Set(g.memberIds)]));
  const reason = new Map<string, WithholdReason | null>();
  for (const g of groups) reason.set(g.key, isShowable(g.count, threshold) ? null : "too-few");

  const shown = () => groups.filter((g) => reason.get(g.key) === null);
  const setOf = (g: AnonymityGroup) => sets.get(g.key) ?? new Set<string>();

  for (let changed = true; changed; ) {
    changed = false;
    const visible = shown();
    for (const parent of visible) {
      const parentSet = setOf(parent);
      const inside = visible.filter((g) => g !== parent && isProperSubset(setOf(g), parentSet));

      for (const child of inside) {
        const rest = difference(parentSet, [setOf(child)]);
        if (isRevealing(countOf(rest), threshold)) {
          reason.set(child.key, "differencing");
          changed = true;
        }
      }
      if (changed) break;

      const outermost = inside.filter((g) => !inside.some((o) => o !== g && isProperSubset(setOf(g), setOf(o))));
      if (outermost.length > 1 && pairwiseDisjoint(outermost.map(setOf))) {
        const rest = difference(parentSet, outermost.map(setOf));
        if (isRevealing(countOf(rest), threshold)) {
          reason.set(smallest(outermost).key, "differencing");
          changed = true;
          break;
        }
      }
    }
  }

  return groups.map((g) => {
    const r = reason.get(g.key) ?? null;
    return { key: g.key, shown: r === null, reason: r };
  });
}

export interface CountedGroup {
  key: string;
  count: number;
}

/**
 * The common case: a parent (the organisation, or a group) shown beside its disjoint parts
 * (its teams). Respondents who belong to no part count towards the parent only. The parent
 * is withheld only when it is itself too small. Parts are withheld while the respondents
 * hidden from view (parent − shown parts) number 0 < n < threshold, smallest part first,
 * so the hidden remainder is either empty or big enough to protect everyone in it.
 */
export function applyPartitionAnonymity(
  parent: CountedGroup,
  parts: readonly CountedGroup[],
  threshold: number,
): { parent: AnonymityVerdict; parts: AnonymityVerdict[] } {
  const reason = new Map<string, WithholdReason | null>();
  for (const p of parts) reason.set(p.key, isShowable(p.count, threshold) ? null : "too-few");
  const parentShown = isShowable(parent.count, threshold);

  if (parentShown) {
    for (;;) {
      const visible = parts.filter((p) => reason.get(p.key) === null);
      const hidden = parent.count - visible.reduce((s, p) => s + p.count, 0);
      if (!isRevealing(hidden, threshold) || visible.length === 0) break;
      reason.set(smallest(visible).key, "differencing");
    }
  }

  return {
    parent: { key: parent.key, shown: parentShown, reason: parentShown ? null : "too-few" },
    parts: parts.map((p) => {
      const r = reason.get(p.key) ?? null;
      return { key: p.key, shown: r === null, reason: r };
    }),
  };
}

/**
 * A viewer's filtered slice (e.g. "people in Lisbon") is always compared with its parent,
 * which is always shown. The slice is withheld when it is too small, or when the parent
 * minus the slice would single out 0 < n < threshold respondents.
 */
export function filteredGroupVerdict(
  key: string,
  filteredCount: number,
  parentCount: number,
  threshold: number,
): AnonymityVerdict {
  if (!isShowable(filteredCount, threshold)) return { key, shown: false, reason: "too-few" };
  if (isRevealing(parentCount - filteredCount, threshold)) return { key, shown: false, reason: "differencing" };
  return { key, shown: true, reason: null };
}

function isProperSubset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size >= b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function difference(from: ReadonlySet<string>, minus: readonly ReadonlySet<string>[]): string[] {
  return [...from].filter((x) => !minus.some((m) => m.has(x)));
}

function pairwiseDisjoint(sets: readonly ReadonlySet<string>[]): boolean {
  const seen = new Set<string>();
  for (const s of sets) {
    for (const x of s) {
      if (seen.has(x)) return false;
    }
    for (const x of s) seen.add(x);
  }
  return true;
}

/** Smallest by count; ties broken by key so the outcome does not depend on input order. */
function smallest<T extends CountedGroup>(groups: readonly T[]): T {
  return [...groups].sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
}
