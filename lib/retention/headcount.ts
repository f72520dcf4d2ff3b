/**
 * Headcount snapshots (metric spec §4). Pure; no I/O. See roster.ts for the day convention.
 */
import { mean } from "@/lib/domain/stats";
import { sundaysIn, type Period } from "./calendar";
import { isCountedAt, type RosterPerson, type ScopePredicate } from "./roster";

/** Employee ids in the scope and employed at the close of `day`. */
export function headcountAt(roster: readonly RosterPerson[], day: string, inScope: ScopePredicate): string[] {
  return roster.filter((p) => isCountedAt(p, day, inScope)).map((p) => p.employeeId);
}

export interface AverageHeadcount {
  average: number;
  snapshots: { day: string; count: number }[];
}

/**
 * Mean of the headcount at the close of each Sunday (ISO week end) in the period, as SHRM
 * prefers several snapshots over (start + end) ÷ 2. A period without a Sunday (shorter than
 * a week) uses its last day as the one snapshot.
 */
export function averageHeadcount(roster: readonly RosterPerson[], period: Period, inScope: ScopePredicate): AverageHeadcount {
  const days = sundaysIn(period);
  if (days.length === 0) days.push(period.end);
  const snapshots = days.map((day) => ({ day, count: headcountAt(roster, day, inScope).length }));
  return { average: mean(snapshots.map((s) => s.count)) ?? 0, snapshots };
}
