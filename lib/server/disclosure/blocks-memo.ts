import "server-only";
import { createHash } from "node:crypto";
import { formBlocks, type Blocks, type FamilyGroup } from "@/lib/disclosure/blocks";

/**
 * `formBlocks`, kept by what it is given: the same counts, family and floor give the same blocks (the function is
 * pure and deterministic), so a week whose people or respondents did not change is not pooled again when the
 * disclosure version moves for something else — an entered survey value, a team's other people metric. Nothing
 * here needs invalidating or sharing between instances: an entry is the answer to its own input, found by a
 * digest of it.
 * Callers read the blocks and never change them. At most MAX_KEPT_BLOCKS answers are kept, the least recently used
 * going first.
 */
export const MAX_KEPT_BLOCKS = 4000;
const kept = new Map<string, Blocks>();
const familyDigests = new WeakMap<readonly FamilyGroup[], string>();

function digest(text: string): string {
  return createHash("sha256").update(text).digest("base64");
}

function familyDigest(family: readonly FamilyGroup[]): string {
  let known = familyDigests.get(family);
  if (!known) familyDigests.set(family, (known = digest(JSON.stringify(family.map((g) => [g.cells, g.weight])))));
  return known;
}

export function blocksOf(counts: ReadonlyMap<string, number>, family: readonly FamilyGroup[], floor: number): Blocks {
  const cells = [...counts].filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = `${familyDigest(family)}|${floor}|${digest(JSON.stringify(cells))}`;
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key);
    kept.set(key, hit); // most recently used last
    return hit;
  }
  const blocks = formBlocks(counts, family, floor);
  kept.set(key, blocks);
  if (kept.size > MAX_KEPT_BLOCKS) kept.delete(kept.keys().next().value as string);
  return blocks;
}
