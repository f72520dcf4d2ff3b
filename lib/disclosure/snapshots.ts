/**
 * Survey results over time (../shared/spec/disclosure.md rule 3). Pure; no I/O.
 *
 * A run's answers are published in snapshots. Snapshot e covers the answers that arrived since snapshot e−1 (its
 * "epoch"); those answers are pooled into blocks per team (blocks.ts) like people are in one snapshot. A group's
 * numbers are shown as of the latest snapshot up to which it is a union of whole blocks in every epoch: a group
 * whose new answers since its last release are fewer than the threshold (or cut through a pooled block) keeps
 * its last released numbers, and one never released stays withheld.
 *
 * Why that is safe over time: every number ever shown is a sum, over epochs, of unions of that epoch's blocks; so
 * whatever a reader subtracts — across groups, filters and snapshots — is a union of whole blocks: no one, or at
 * least the threshold of people.
 */
import { formBlocks, isUnionOfBlocks, peopleIn, type Blocks, type FamilyGroup } from "./blocks";

export interface Epoch {
  epoch: number;
  /** New respondents per team in this epoch. */
  counts: ReadonlyMap<string, number>;
  blocks: Blocks;
}

export type SnapshotRelease =
  | { released: true; asOfEpoch: number; respondents: number }
  | { released: false; reason: "too-few" | "differencing" | "not-published" };

/** As of which snapshot a group of teams is shown, given the run's epochs in order. */
export function snapshotRelease(teamIds: readonly string[], epochs: readonly Epoch[]): SnapshotRelease {
  if (epochs.length === 0) return { released: false, reason: "not-published" };
  const floor = epochs[0].blocks.floor;
  let asOf = 0;
  let respondents = 0;
  for (const e of epochs) {
    if (!isUnionOfBlocks(teamIds, e.blocks)) break;
    asOf = e.epoch;
    respondents += peopleIn(teamIds, e.counts);
  }
  if (asOf > 0 && respondents >= floor) return { released: true, asOfEpoch: asOf, respondents };
  const total = epochs.reduce((n, e) => n + peopleIn(teamIds, e.counts), 0);
  return { released: false, reason: total < floor ? "too-few" : "differencing" };
}

/**
 * The blocks of a new epoch: its new respondents pooled, keeping whole the groups that can still change (a
 * group already cut in an earlier epoch keeps its numbers whatever this epoch does, so it costs nothing here).
 */
export function epochBlocks(counts: ReadonlyMap<string, number>, earlier: readonly Epoch[], family: readonly FamilyGroup[], floor: number): Blocks {
  const live = family.filter((g) => earlier.every((e) => isUnionOfBlocks(g.cells, e.blocks)));
  return formBlocks(counts, live, floor);
}
