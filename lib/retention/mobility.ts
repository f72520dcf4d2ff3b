/**
 * Promotion rate and internal mobility (metric spec §4). Pure.
 *
 * Both count events of people who were in the scope the day before the event, so a team's
 * mobility is its people moving out, and a level's promotion rate is its people promoted
 * out of it. The initial team on hiring (or rehiring) is not a move, and a promotion on
 * a hire day is not a promotion: the person must have been employed the day before.
 */
import { ratio } from "@/lib/domain/stats";
import type { Period } from "./calendar";
import { averageHeadcount } from "./headcount";
import { populationDuring } from "./population";
import { dayBefore, employmentAt, employmentOn, teamAt, type RosterPerson, type ScopePredicate } from "./roster";

export interface EventRate {
  events: number;
  averageHeadcount: number;
  /** Events ÷ average headcount × 100; null when the average headcount is 0. */
  percent: number | null;
  groupSize: number;
  employeeIds: string[];
}

function wasThereBefore(person: RosterPerson, day: string, inScope: ScopePredicate): boolean {
  const before = dayBefore(day);
  return employmentAt(person, before) !== null && employmentOn(person, day) !== null && inScope(person, before);
}

function rate(roster: readonly RosterPerson[], period: Period, inScope: ScopePredicate, events: number): EventRate {
  const avg = averageHeadcount(roster, period, inScope).average;
  const r = ratio(events, avg);
  const employeeIds = populationDuring(roster, period, inScope);
  return { events, averageHeadcount: avg, percent: r === null ? null : r * 100, groupSize: employeeIds.length, employeeIds };
}

const within = (day: string, { start, end }: Period) => day >= start && day <= end;

/** Promotions ÷ average headcount × 100. */
export function promotionRate(roster: readonly RosterPerson[], period: Period, inScope: ScopePredicate): EventRate {
  let events = 0;
  for (const p of roster) {
    for (const promo of p.promotions) {
      if (within(promo.date, period) && wasThereBefore(p, promo.date, inScope)) events += 1;
    }
  }
  return rate(roster, period, inScope, events);
}

/** Team moves ÷ average headcount × 100. */
export function internalMobility(roster: readonly RosterPerson[], period: Period, inScope: ScopePredicate): EventRate {
  let events = 0;
  for (const p of roster) {
    for (const a of p.teamHistory) {
      if (!within(a.from, period) || !wasThereBefore(p, a.from, inScope)) continue;
      if (teamAt(p, dayBefore(a.from)) !== a.teamId) events += 1;
    }
  }
  return rate(roster, period, inScope, events);
}
