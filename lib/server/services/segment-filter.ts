import "server-only";
import { filterKeys, filterLabel, isFiltered, type FilterInfo, type SegmentFilter } from "@/lib/review/segment-filter";
import { groupAncestors, resolveSegment, type SampleGroup } from "@/lib/review/segments";
import { listGroups, listTeams, type Scope } from "@/lib/server/data/org";

/**
 * The teams a filtered dashboard shows: those of the scope (org, group with its sub-groups, or team) that
 * are in every chosen segment (location, sourcing, origin). Archived teams count, as they do in the org and
 * group roll-ups, so "filtered to everything" equals the unfiltered view.
 */
export interface FilteredTeams {
  key: string;
  label: string;
  teamIds: string[];
  /** Matching teams that are not archived (who is expected to enter data). */
  activeTeamIds: string[];
  /**
   * Team sets a viewer can see elsewhere — the org, the scope and its enclosing groups, each alone and
   * narrowed by every subset of the chosen segments — so differencing against them is checked.
   */
  context: SampleGroup[];
}

const intersect = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(b);
  return a.filter((id) => set.has(id));
};

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((acc, item) => [...acc, ...acc.map((s) => [...s, item])], [[]]);
}

/** null when no filter is set (the scope's own roll-ups apply); a filter no team matches gives no teams. */
export async function resolveFilteredTeams(scope: Scope, filter: SegmentFilter): Promise<FilteredTeams | null> {
  if (!isFiltered(filter)) return null;
  const [teams, groups] = await Promise.all([listTeams({ includeArchived: true }), listGroups()]);
  const active = new Set((await listTeams()).map((t) => t.id));
  const teamsOf = (key: string) => resolveSegment(key, teams, groups)?.teamIds ?? [];

  const scopeKey = scope.type === "ORG" ? "org" : `${scope.type.toLowerCase()}:${scope.id}`;
  const groupOfScope = scope.type === "TEAM" ? teams.find((t) => t.id === scope.id)?.groupId : scope.type === "GROUP" ? scope.id : undefined;
  const enclosing = groupOfScope ? (scope.type === "TEAM" ? [groupOfScope, ...groupAncestors(groupOfScope, groups)] : groupAncestors(groupOfScope, groups)) : [];
  const bases = [...new Set(["org", ...enclosing.map((g) => `group:${g}`), scopeKey])];

  const keys = filterKeys(filter);
  const context: SampleGroup[] = [];
  for (const base of bases) {
    for (const subset of subsets(keys)) {
      const teamIds = subset.reduce((ids, key) => intersect(ids, teamsOf(key)), teamsOf(base));
      context.push({ key: [base, ...subset].join("|"), teamIds });
    }
  }
  const own = context.pop() as SampleGroup; // the scope narrowed by every chosen segment
  const label = filterLabel(filter);
  return { key: `filter|${own.key}`, label, teamIds: own.teamIds, activeTeamIds: own.teamIds.filter((id) => active.has(id)), context };
}

/** What a response says about its filter: the label and how many teams matched. */
export function filterInfo(teamSet: FilteredTeams | null): FilterInfo | null {
  return teamSet ? { label: teamSet.label, teamCount: teamSet.teamIds.length } : null;
}
