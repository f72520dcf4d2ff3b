/**
 * Who is in which cell in a period, for people metrics: every person employed on some day of the period counts
 * once, in the team and at the level they had on their last working day of it (their exit day when they left in
 * it). So a mover is in one team, not two, and the cells add up to the people the period's numbers describe.
 * Pure; no I/O.
 */
import type { Period } from "@/lib/retention/calendar";
import { levelAt, teamAt, type RosterPerson } from "@/lib/retention/roster";

/** The last day of the period on which the person worked (their exit day when they left in it). */
export function lastDayEmployed(person: RosterPerson, { start, end }: Period): string | null {
  let last: string | null = null;
  for (const e of person.employments) {
    if (e.hireDate > end || (e.exitDate !== null && e.exitDate < start)) continue;
    const day = e.exitDate !== null && e.exitDate < end ? e.exitDate : end;
    if (last === null || day > last) last = day;
  }
  return last;
}

export interface PersonCell {
  employeeId: string;
  teamId: string;
  level: string;
}

/** Each person of the period with their cell; people in no team that day belong to no cell. */
export function peopleCells(roster: readonly RosterPerson[], period: Period): PersonCell[] {
  const out: PersonCell[] = [];
  for (const person of roster) {
    const day = lastDayEmployed(person, period);
    if (day === null) continue;
    const teamId = teamAt(person, day);
    if (teamId === null) continue;
    out.push({ employeeId: person.employeeId, teamId, level: levelAt(person, day) });
  }
  return out;
}

/** People per team, and per team × level, in the period. */
export function cellCounts(cells: readonly PersonCell[]): { teams: Map<string, number>; levels: Map<string, Map<string, number>> } {
  const teams = new Map<string, number>();
  const levels = new Map<string, Map<string, number>>();
  for (const c of cells) {
    teams.set(c.teamId, (teams.get(c.teamId) ?? 0) + 1);
    const byLevel = levels.get(c.teamId) ?? new Map<string, number>();
    byLevel.set(c.level, (byLevel.get(c.level) ?? 0) + 1);
    levels.set(c.teamId, byLevel);
  }
  return { teams, levels };
}
