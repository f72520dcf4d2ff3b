import "server-only";
import type { RosterPerson } from "@/lib/retention/roster";
import { db } from "@/lib/server/db";
import { toRosterPerson, type TeamFacts } from "./roster-mapping";

export const STORED_PERSON_SELECT = {
  employeeId: true,
  teamId: true,
  level: true,
  roleFamily: true,
  location: true,
  sourcing: true,
  employments: { select: { hireDate: true, exitDate: true, exitType: true, regretted: true } },
  promotions: { select: { date: true, fromLevel: true, toLevel: true } },
  teamMoves: { select: { date: true, fromTeamId: true, toTeamId: true } },
} as const;

export async function loadTeamFacts(): Promise<Map<string, TeamFacts>> {
  const teams = await db.team.findMany({ select: { id: true, location: true, sourcing: true } });
  return new Map(teams.map((t) => [t.id, t]));
}

/** The whole roster as the retention computations read it. */
export async function loadRoster(): Promise<RosterPerson[]> {
  const [people, teams] = await Promise.all([db.person.findMany({ select: STORED_PERSON_SELECT, orderBy: { employeeId: "asc" } }), loadTeamFacts()]);
  return people.map((p) => toRosterPerson(p, teams));
}
