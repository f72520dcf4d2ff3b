/**
 * The roster model behind retention and development metrics (metric spec §4), and the
 * questions asked of it at a date. Pure; no I/O. Dates are `YYYY-MM-DD`.
 *
 * Day convention, used by every people metric:
 * - `hireDate` is the first day employed and `exitDate` the last day employed.
 * - Headcount is a snapshot at the close of a day: someone whose last day is D is no longer
 *   on the roll at the close of D. So a person leaving on a period's last day is a
 *   separation in that period and is not in that day's headcount, and
 *   headcount(end) = headcount(day before start) + hires − separations.
 *   (SHRM counts a separation in the period it happens and reads headcount from payroll
 *   snapshots; the close-of-day reading keeps the two consistent.)
 * - "At the start of a period" means at the close of the day before it, so someone hired on
 *   the first day is a hire of the period, not part of its opening headcount.
 */
import { addDays } from "@/lib/domain/time";

export type ExitType = "voluntary" | "involuntary";

/** One continuous span of employment. A rehire is a second span for the same person. */
export interface Employment {
  hireDate: string;
  exitDate: string | null;
  exitType: ExitType | null;
  regretted: boolean;
}

/** The person belongs to `teamId` from `from` until their next move. */
export interface TeamAssignment {
  teamId: string;
  from: string;
}

export interface Promotion {
  date: string;
  fromLevel: string;
  toLevel: string;
}

export interface RosterPerson {
  employeeId: string;
  employments: readonly Employment[];
  teamHistory: readonly TeamAssignment[];
  promotions: readonly Promotion[];
  /** Current level; earlier levels are read back through `promotions`. */
  level: string;
  location: string;
  sourcing: string;
  roleFamily: string;
}

/** Whether a person counts towards a scope (the org, a team, a segment) at the close of a day. */
export type ScopePredicate = (person: RosterPerson, day: string) => boolean;

/** The employment span covering the close of `day`, if any. */
export function employmentAt(person: RosterPerson, day: string): Employment | null {
  return person.employments.find((e) => e.hireDate <= day && (e.exitDate === null || e.exitDate > day)) ?? null;
}

export function isEmployedAt(person: RosterPerson, day: string): boolean {
  return employmentAt(person, day) !== null;
}

/** The employment span that includes `day` as a working day (the exit day included). */
export function employmentOn(person: RosterPerson, day: string): Employment | null {
  return person.employments.find((e) => e.hireDate <= day && (e.exitDate === null || e.exitDate >= day)) ?? null;
}

/** Team at the close of `day` (a move dated D takes effect on D). */
export function teamAt(person: RosterPerson, day: string): string | null {
  let team: string | null = null;
  for (const a of sortedBy(person.teamHistory, (a) => a.from)) {
    if (a.from > day) break;
    team = a.teamId;
  }
  return team;
}

/** Level at the close of `day`: the current level, walked back through later promotions. */
export function levelAt(person: RosterPerson, day: string): string {
  const later = sortedBy(person.promotions, (p) => p.date).filter((p) => p.date > day);
  return later.length > 0 ? later[0].fromLevel : person.level;
}

export const everyone: ScopePredicate = () => true;

export function inTeam(teamId: string): ScopePredicate {
  return (person, day) => teamAt(person, day) === teamId;
}

export function inAnyTeam(teamIds: readonly string[]): ScopePredicate {
  const set = new Set(teamIds);
  return (person, day) => {
    const team = teamAt(person, day);
    return team !== null && set.has(team);
  };
}

export type SegmentAttribute = "location" | "sourcing" | "roleFamily" | "level";

/** Segment by a person attribute; level is read as of the day, the others are current values. */
export function inSegment(attribute: SegmentAttribute, value: string): ScopePredicate {
  return (person, day) => (attribute === "level" ? levelAt(person, day) : person[attribute]) === value;
}

export function allOf(...predicates: readonly ScopePredicate[]): ScopePredicate {
  return (person, day) => predicates.every((p) => p(person, day));
}

/** In scope and employed at the close of `day`. */
export function isCountedAt(person: RosterPerson, day: string, inScope: ScopePredicate): boolean {
  return isEmployedAt(person, day) && inScope(person, day);
}

/** The day before, for "at the start of a period". */
export function dayBefore(day: string): string {
  return addDays(day, -1);
}

export function sortedBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => key(a).localeCompare(key(b)));
}
