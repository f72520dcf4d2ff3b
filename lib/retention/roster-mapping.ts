/**
 * Stored people records (Person + Employment + Promotion + TeamMove rows) as the roster model of
 * lib/retention/roster.ts. Pure, so the mapping rules are unit-tested without a database.
 *
 * Team history: the first team is the first move's "from" team (or the current team when the
 * person never moved), from the first hire date; each move then starts a new assignment. A
 * person's own location and sourcing win; when the record leaves them empty the team's apply.
 */
import { formatDay } from "@/lib/domain/time";
import type { ExitType, RosterPerson, TeamAssignment } from "@/lib/retention/roster";

export interface StoredPerson {
  employeeId: string;
  teamId: string | null;
  level: string | null;
  roleFamily: string | null;
  location: string | null;
  sourcing: string | null;
  employments: { hireDate: Date; exitDate: Date | null; exitType: string | null; regretted: boolean }[];
  promotions: { date: Date; fromLevel: string; toLevel: string }[];
  teamMoves: { date: Date; fromTeamId: string | null; toTeamId: string }[];
}

export interface TeamFacts {
  id: string;
  location: string;
  sourcing: string;
}

const byDate = <T extends { date: Date }>(list: readonly T[]) => [...list].sort((a, b) => a.date.getTime() - b.date.getTime());

function exitTypeOf(raw: string | null): ExitType | null {
  return raw === "voluntary" || raw === "involuntary" ? raw : null;
}

export function teamHistoryOf(person: Pick<StoredPerson, "teamId" | "employments" | "teamMoves">): TeamAssignment[] {
  const hires = person.employments.map((e) => formatDay(e.hireDate)).sort();
  if (hires.length === 0) return [];
  const moves = byDate(person.teamMoves);
  const first = moves.length > 0 ? moves[0].fromTeamId : person.teamId;
  const history: TeamAssignment[] = first ? [{ teamId: first, from: hires[0] }] : [];
  for (const m of moves) history.push({ teamId: m.toTeamId, from: formatDay(m.date) });
  return history;
}

export function toRosterPerson(person: StoredPerson, teams: ReadonlyMap<string, TeamFacts>): RosterPerson {
  const team = person.teamId ? teams.get(person.teamId) : undefined;
  return {
    employeeId: person.employeeId,
    employments: [...person.employments]
      .sort((a, b) => a.hireDate.getTime() - b.hireDate.getTime())
      .map((e) => ({
        hireDate: formatDay(e.hireDate),
        exitDate: e.exitDate ? formatDay(e.exitDate) : null,
        exitType: exitTypeOf(e.exitType),
        regretted: e.regretted,
      })),
    teamHistory: teamHistoryOf(person),
    promotions: byDate(person.promotions).map((p) => ({ date: formatDay(p.date), fromLevel: p.fromLevel, toLevel: p.toLevel })),
    level: person.level ?? "",
    location: person.location ?? team?.location ?? "",
    sourcing: person.sourcing ?? team?.sourcing ?? "",
    roleFamily: person.roleFamily ?? "",
  };
}
