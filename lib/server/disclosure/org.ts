import "server-only";
import { queryableFamily } from "@/lib/disclosure/family";
import { peopleFloor } from "@/lib/disclosure/reasons";
import type { FamilyGroup } from "@/lib/disclosure/blocks";
import { resolveSegment, type SegmentGroup, type SegmentTeam } from "@/lib/segments/segments";
import { cachedByDisclosureVersion } from "@/lib/server/cache";
import { getOrgSettings, listGroups, listTeams } from "@/lib/server/data/org";

/**
 * What every disclosure decision starts from: the thresholds and the organisation's structure, with the family
 * of team groups any user could ask for (lib/disclosure/family.ts). Computed once per disclosure version.
 */

export interface DisclosureOrg {
  /** Survey threshold k (3–10). */
  threshold: number;
  /** People metrics: max(5, k). */
  peopleFloor: number;
  timeZone: string;
  /** Every team, archived ones included (roll-ups count them). */
  teams: SegmentTeam[];
  groups: SegmentGroup[];
  family: FamilyGroup[];
}

export function disclosureOrg(): Promise<DisclosureOrg> {
  return cachedByDisclosureVersion("disclosure:org", async () => {
    const [settings, teams, groups] = await Promise.all([getOrgSettings(), listTeams({ includeArchived: true }), listGroups()]);
    return {
      threshold: settings.anonymityThreshold,
      peopleFloor: peopleFloor(settings.anonymityThreshold),
      timeZone: settings.timeZone,
      teams,
      groups,
      family: queryableFamily(teams, groups),
    };
  });
}

/** The teams behind a scope or segment key (`org`, `group:<id>`, `team:<id>`, `location:…`), archived ones included. */
export function teamsOfKey(org: DisclosureOrg, key: string): string[] {
  return resolveSegment(key, org.teams, org.groups)?.teamIds ?? [];
}
