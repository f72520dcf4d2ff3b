/**
 * Who a people metric is about: the people of a scope during a period. What of it may be shown is decided by
 * the disclosure policy (lib/disclosure, lib/server/disclosure).
 */
import type { Period } from "./calendar";
import { employmentOn, type RosterPerson, type ScopePredicate } from "./roster";

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

/**
 * `populationDuring` for every value of a scope at once, in one pass over the roster: per value of `valueOf` (such
 * as the team, `teamAt`), the employee ids of everyone it had on at least one day of the period. The same people
 * as `populationDuring` with a predicate per value, without a pass over the roster per value.
 */
export function populationsDuring(roster: readonly RosterPerson[], period: Period, valueOf: (person: RosterPerson, day: string) => string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const person of roster) {
    const values = new Set<string>();
    for (const day of changeDays(person, period)) {
      const value = employmentOn(person, day) !== null ? valueOf(person, day) : null;
      if (value !== null) values.add(value);
    }
    for (const value of values) {
      const list = out.get(value);
      if (list) list.push(person.employeeId);
      else out.set(value, [person.employeeId]);
    }
  }
  return out;
}
