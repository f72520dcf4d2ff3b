/**
 * Every group of teams a user could ask for, anywhere in Pillars — the "queryable family" of
 * ../shared/spec/disclosure.md rule 2. Pure; no I/O.
 *
 * A group is a scope (the organisation, a group with its sub-groups, a team) narrowed by any combination of the
 * segment filters (one location, one sourcing model, one origin). That covers the dashboards and their filters,
 * survey results and their filters, the comparison page (whose items are scopes and single segments), the
 * retention report's team-based segments, exports and packs. Groups with the same teams are one group.
 *
 * The weights say what withholding a group costs a reader: the organisation most, then groups and teams (what
 * dashboards open on), then filtered views. Blocks are pooled to keep the heavier groups whole.
 */
import { resolveSegment, segmentOptions, type SegmentGroup, type SegmentTeam } from "@/lib/segments/segments";
import type { FamilyGroup } from "./blocks";

const WEIGHT = { org: 1000, group: 300, team: 100 } as const;
/** A filtered view's weight: a third of its scope's for each filter applied. */
const FILTER_DISCOUNT = 3;

function combinations<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => [prefix, ...list.map((item) => [...prefix, item])]), [[]]);
}

export function queryableFamily(teams: readonly SegmentTeam[], groups: readonly SegmentGroup[]): FamilyGroup[] {
  const options = segmentOptions([...teams], [...groups]);
  const memo = new Map<string, string[]>();
  const teamsOf = (key: string) => {
    let ids = memo.get(key);
    if (!ids) memo.set(key, (ids = resolveSegment(key, [...teams], [...groups])?.teamIds ?? []));
    return ids;
  };
  const setOf = new Map<string, Set<string>>();
  const scopes = options.filter((o) => o.kind === "org" || o.kind === "group" || o.kind === "team");
  const filterKeys = (kind: "location" | "sourcing" | "origin") => [
    ...options.filter((o) => o.kind === kind).map((o) => o.key),
    ...(kind === "origin" && teams.some((t) => t.origin === "ACQUIRED") ? ["origin:acquired"] : []),
  ];
  const filterSets = combinations([filterKeys("location"), filterKeys("sourcing"), filterKeys("origin")]);

  const byCells = new Map<string, FamilyGroup>();
  for (const scope of scopes) {
    const scopeTeams = teamsOf(scope.key);
    for (const filters of filterSets) {
      let cells = scopeTeams;
      for (const f of filters) {
        let allowed = setOf.get(f);
        if (!allowed) setOf.set(f, (allowed = new Set(teamsOf(f))));
        const inside = allowed;
        cells = cells.filter((t) => inside.has(t));
      }
      if (cells.length === 0) continue;
      const sorted = [...new Set(cells)].sort();
      const id = sorted.join(",");
      const weight = WEIGHT[scope.kind as keyof typeof WEIGHT] / FILTER_DISCOUNT ** filters.length;
      const key = [scope.key, ...filters].join("|");
      const known = byCells.get(id);
      if (!known) byCells.set(id, { key, cells: sorted, weight });
      else if (weight > known.weight) byCells.set(id, { ...known, weight });
    }
  }
  return [...byCells.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}
