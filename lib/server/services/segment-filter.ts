import "server-only";
import { filterKeys, filterLabel, isFiltered, type FilterInfo, type SegmentFilter } from "@/lib/segments/segment-filter";
import { resolveSegment } from "@/lib/segments/segments";
import { listGroups, listTeams, type Scope } from "@/lib/server/data/org";

/**
 * The teams a filtered dashboard shows: those of the scope (org, group with its sub-groups, or team) that
 * are in every chosen segment (location, sourcing, origin). Archived teams count, as they do in the org and
 * group roll-ups, so "filtered to everything" equals the unfiltered view. What may be shown of such a set is
 * the disclosure policy's question (lib/server/disclosure), answered for every set the same way.
 */
export interface FilteredTeams {
  key: string;
  label: string;
  teamIds: string[];
  /** Matching teams that are not archived (who is expected to enter data). */
  activeTeamIds: string[];
}

/** null when no filter is set (the scope's own roll-ups apply); a filter no team matches gives no teams. */
export async function resolveFilteredTeams(scope: Scope, filter: SegmentFilter): Promise<FilteredTeams | null> {
  if (!isFiltered(filter)) return null;
  const [teams, groups] = await Promise.all([listTeams({ includeArchived: true }), listGroups()]);
  const active = new Set((await listTeams()).map((t) => t.id));
  const teamsOf = (key: string) => new Set(resolveSegment(key, teams, groups)?.teamIds ?? []);
  const scopeKey = scope.type === "ORG" ? "org" : `${scope.type.toLowerCase()}:${scope.id}`;
  const keys = filterKeys(filter);
  const teamIds = keys.reduce((ids, key) => {
    const allowed = teamsOf(key);
    return ids.filter((id) => allowed.has(id));
  }, [...teamsOf(scopeKey)]);
  return { key: ["filter", scopeKey, ...keys].join("|"), label: filterLabel(filter), teamIds, activeTeamIds: teamIds.filter((id) => active.has(id)) };
}

/** What a response says about its filter: the label and how many teams matched. */
export function filterInfo(teamSet: FilteredTeams | null): FilterInfo | null {
  return teamSet ? { label: teamSet.label, teamCount: teamSet.teamIds.length } : null;
}
