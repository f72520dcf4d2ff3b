/**
 * Hires, separations, turnover and retention (metric spec §4, SHRM conventions). Pure.
 *
 * Only joining or leaving the organisation moves these numbers. A team move is internal
 * mobility (mobility.ts), never a hire or a separation, at any scope: a person who moves
 * out of a team has not left it the way a leaver has, and counting it would make team
 * turnover rise when people grow into other teams. A hire or separation counts for the
 * scope the person was in on their first or last day.
 */
import { ratio, sum } from "@/lib/domain/stats";
import { calendarMonths, type Period } from "./calendar";
import { averageHeadcount } from "./headcount";
import { populationDuring } from "./population";
import { dayBefore, employmentAt, type ExitType, type RosterPerson, type ScopePredicate } from "./roster";

export interface Separation {
  employeeId: string;
  hireDate: string;
  exitDate: string;
  exitType: ExitType | null;
  regretted: boolean;
}

export function hiresIn(roster: readonly RosterPerson[], { start, end }: Period, inScope: ScopePredicate): string[] {
  const ids: string[] = [];
  for (const p of roster) {
    for (const e of p.employments) {
      if (e.hireDate >= start && e.hireDate <= end && inScope(p, e.hireDate)) ids.push(p.employeeId);
    }
  }
  return ids;
}

export function separationsIn(roster: readonly RosterPerson[], { start, end }: Period, inScope: ScopePredicate): Separation[] {
  const out: Separation[] = [];
  for (const p of roster) {
    for (const e of p.employments) {
      if (e.exitDate === null || e.exitDate < start || e.exitDate > end || !inScope(p, e.exitDate)) continue;
      out.push({ employeeId: p.employeeId, hireDate: e.hireDate, exitDate: e.exitDate, exitType: e.exitType, regretted: e.regretted });
    }
  }
  return out;
}

const percentOf = (n: number, d: number) => {
  const r = ratio(n, d);
  return r === null ? null : r * 100;
};

export interface Turnover {
  hires: number;
  separations: number;
  voluntary: number;
  involuntary: number;
  regretted: number;
  averageHeadcount: number;
  /** Separations ÷ average headcount × 100; null when the average headcount is 0. */
  percent: number | null;
  voluntaryPercent: number | null;
  involuntaryPercent: number | null;
  regrettedPercent: number | null;
  groupSize: number;
  employeeIds: string[];
}

/** Turnover for a period; voluntary, involuntary and regretted share the same denominator. */
export function turnover(roster: readonly RosterPerson[], period: Period, inScope: ScopePredicate): Turnover {
  const seps = separationsIn(roster, period, inScope);
  const avg = averageHeadcount(roster, period, inScope).average;
  const voluntary = seps.filter((s) => s.exitType === "voluntary").length;
  const involuntary = seps.filter((s) => s.exitType === "involuntary").length;
  const regretted = seps.filter((s) => s.regretted).length;
  const employeeIds = populationDuring(roster, period, inScope);
  return {
    hires: hiresIn(roster, period, inScope).length,
    separations: seps.length,
    voluntary,
    involuntary,
    regretted,
    averageHeadcount: avg,
    percent: percentOf(seps.length, avg),
    voluntaryPercent: percentOf(voluntary, avg),
    involuntaryPercent: percentOf(involuntary, avg),
    regrettedPercent: percentOf(regretted, avg),
    groupSize: employeeIds.length,
    employeeIds,
  };
}

export interface AnnualisedTurnover {
  percent: number | null;
  months: number;
  method: "sum-of-monthly-rates" | "scaled-to-12-months";
  groupSize: number;
}

/**
 * Annualised turnover for a period of whole calendar months. Twelve months or more: the sum
 * of the monthly rates of the last 12 (a month with no headcount adds nothing). Shorter:
 * the period's rate × 12 ÷ months.
 */
export function annualisedTurnover(roster: readonly RosterPerson[], period: Period, inScope: ScopePredicate): AnnualisedTurnover {
  const months = calendarMonths(period);
  if (months.length >= 12) {
    const last12 = months.slice(-12);
    const span = { start: last12[0].start, end: last12[11].end };
    const rates = last12.map((m) => turnover(roster, m, inScope).percent ?? 0);
    return {
      percent: sum(rates),
      months: 12,
      method: "sum-of-monthly-rates",
      groupSize: populationDuring(roster, span, inScope).length,
    };
  }
  const t = turnover(roster, period, inScope);
  return {
    percent: t.percent === null ? null : (t.percent * 12) / months.length,
    months: months.length,
    method: "scaled-to-12-months",
    groupSize: t.groupSize,
  };
}

export interface Retention {
  /** Retained ÷ opening headcount × 100; null when nobody was there at the start. */
  percent: number | null;
  startHeadcount: number;
  /** Still in the same employment at the end (a leaver who is rehired within the period is not retained). */
  retained: number;
  /** Of the retained, those still in the scope at the end (the rest moved team or segment). */
  stayedInScope: number;
  groupSize: number;
  employeeIds: string[];
}

/**
 * Retention = people employed in the scope at the start who are still employed at the end
 * ÷ headcount at the start × 100; hires of the period are not in the base. People who moved
 * to another team are retained: they are still with the organisation.
 */
export function retentionRate(roster: readonly RosterPerson[], { start, end }: Period, inScope: ScopePredicate): Retention {
  const opening = dayBefore(start);
  let startHeadcount = 0;
  let retained = 0;
  let stayedInScope = 0;
  const employeeIds: string[] = [];
  for (const p of roster) {
    const span = employmentAt(p, opening);
    if (span === null || !inScope(p, opening)) continue;
    startHeadcount += 1;
    employeeIds.push(p.employeeId);
    if (span.exitDate !== null && span.exitDate <= end) continue;
    retained += 1;
    if (inScope(p, end)) stayedInScope += 1;
  }
  return { percent: percentOf(retained, startHeadcount), startHeadcount, retained, stayedInScope, groupSize: startHeadcount, employeeIds };
}
