/**
 * Who a people metric is about, so small groups can be suppressed (metric spec §4: fewer
 * than 5 people shows "too few people to show", with the differencing rule of
 * lib/domain/anonymity.ts applied over the returned employee ids).
 */
import type { Period } from "./calendar";
import { employmentOn, type RosterPerson, type ScopePredicate } from "./roster";

export const PEOPLE_MIN_GROUP = 5;

export function isPeopleGroupShowable(groupSize: number): boolean {
  return groupSize >= PEOPLE_MIN_GROUP;
}

/** Dates on which a person's employment, team or level can change inside the period. */
function changeDays(person: RosterPerson, { start, end }: Period): string[] {
  const days = new Set<string>([start]);
  const add = (d: string | null) => {
    if (d !== null && d > start && d <= end) days.add(d);
  };
  for (const e of person.employments) {
    add(e.hireDate);
    add(e.exitDate);
  }
  for (const a of person.teamHistory) add(a.from);
  for (const p of person.promotions) add(p.date);
  return [...days];
}

/**
 * Employee ids of everyone who worked in the scope on at least one day of the period (their
 * exit day included). The group a period metric describes, and its size for suppression.
 * Scope predicates are assumed to change only on roster event dates (hire, exit, team move,
 * promotion), so checking those days is enough.
 */
export function populationDuring(roster: readonly RosterPerson[], period: Period, inScope: ScopePredicate): string[] {
  return roster
    .filter((p) => changeDays(p, period).some((d) => employmentOn(p, d) !== null && inScope(p, d)))
    .map((p) => p.employeeId);
}
