/**
 * Which result groups of a run may be shown, given how many responded in each team. Pure; no I/O.
 *
 * Every group shown together on the results page (the organisation, each group, each team) goes through
 * applyAnonymity at once, so "too few" and the differencing rule hold across all of them. A viewer's
 * filter (team, group, location, sourcing) is a slice checked against the organisation with
 * filteredGroupVerdict, and is also refused when adding it to what is already shown would expose anyone
 * (e.g. the slice minus a shown team leaves fewer than the threshold).
 */
import { applyAnonymity, filteredGroupVerdict, type AnonymityVerdict } from "@/lib/domain/anonymity";

export interface UnitSpec {
  key: string;
  teamIds: readonly string[];
}

function countOf(respondentsByTeam: ReadonlyMap<string, number>) {
  return (teamIds: readonly string[]) => [...new Set(teamIds)].reduce((n, t) => n + (respondentsByTeam.get(t) ?? 0), 0);
}

/** Verdicts keyed by unit key. Units are described by their team ids; a team's respondents are its units. */
export function decideVisibility(
  units: readonly UnitSpec[],
  respondentsByTeam: ReadonlyMap<string, number>,
  threshold: number,
): Map<string, AnonymityVerdict> {
  const count = countOf(respondentsByTeam);
  const verdicts = applyAnonymity(
    units.map((u) => ({ key: u.key, memberIds: u.teamIds, count: count(u.teamIds) })),
    threshold,
    count,
  );
  return new Map(verdicts.map((v) => [v.key, v]));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

/**
 * The verdict for a filtered slice shown beside `units` (the first of which is the organisation).
 * A slice equal to a shown unit gets that unit's verdict; otherwise it must pass against the org and
 * must not make any already-shown unit derivable.
 */
export function decideSliceVisibility(
  slice: UnitSpec,
  units: readonly UnitSpec[],
  base: ReadonlyMap<string, AnonymityVerdict>,
  respondentsByTeam: ReadonlyMap<string, number>,
  threshold: number,
): AnonymityVerdict {
  const twin = units.find((u) => sameSet(u.teamIds, slice.teamIds));
  if (twin) {
    const v = base.get(twin.key);
    return v ? { key: slice.key, shown: v.shown, reason: v.reason } : { key: slice.key, shown: false, reason: "too-few" };
  }
  const count = countOf(respondentsByTeam);
  const org = units[0];
  const first = filteredGroupVerdict(slice.key, count(slice.teamIds), org ? count(org.teamIds) : 0, threshold);
  if (!first.shown) return first;
  const shown = units.filter((u) => base.get(u.key)?.shown);
  const together = decideVisibility([...shown, slice], respondentsByTeam, threshold);
  const exposes = shown.some((u) => !together.get(u.key)?.shown);
  if (!together.get(slice.key)?.shown || exposes) return { key: slice.key, shown: false, reason: "differencing" };
  return { key: slice.key, shown: true, reason: null };
}
