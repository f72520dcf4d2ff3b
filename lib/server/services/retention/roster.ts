import "server-only";
import type { RosterPerson } from "@/lib/retention/roster";
import { rosterRows, teamFactRows } from "@/lib/server/data/retention/roster";
import { toRosterPerson, type TeamFacts } from "@/lib/retention/roster-mapping";

export async function loadTeamFacts(): Promise<Map<string, TeamFacts>> {
  const teams = await teamFactRows();
  return new Map(teams.map((t) => [t.id, t]));
}

/** The whole roster as the retention computations read it. */
export async function loadRoster(): Promise<RosterPerson[]> {
  const [people, teams] = await Promise.all([rosterRows(), loadTeamFacts()]);
  return people.map((p) => toRosterPerson(p, teams));
}
