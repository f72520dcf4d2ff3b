/**
 * Tenure and time in level (metric spec §4). Pure. Tenure runs from the hire date of the
 * current (or ending) employment span: a rehire starts again, as payroll systems count it.
 */
import { median } from "@/lib/domain/stats";
import { daysBetween } from "@/lib/domain/time";
import { completedYears, type Period } from "./calendar";
import { employmentAt, sortedBy, type RosterPerson, type ScopePredicate } from "./roster";
import { separationsIn } from "./turnover";

export type TenureBucket = "<1y" | "1–2y" | "2–4y" | "4y+";
export const TENURE_BUCKETS: readonly TenureBucket[] = ["<1y", "1–2y", "2–4y", "4y+"];

/** Bucket by anniversaries passed: 1–2y means the first anniversary is past and the second is not. */
export function tenureBucket(hireDate: string, asOf: string): TenureBucket {
  const years = completedYears(hireDate, asOf);
  if (years < 1) return "<1y";
  if (years < 2) return "1–2y";
  if (years < 4) return "2–4y";
  return "4y+";
}

export interface TenureSummary {
  /** Median tenure in days (the catalog's unit); null for an empty group. */
  medianDays: number | null;
  buckets: { bucket: TenureBucket; count: number }[];
  groupSize: number;
  employeeIds: string[];
}

function summarise(spans: { employeeId: string; from: string; to: string }[]): TenureSummary {
  const counts = new Map<TenureBucket, number>(TENURE_BUCKETS.map((b) => [b, 0]));
  for (const s of spans) {
    const b = tenureBucket(s.from, s.to);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  return {
    medianDays: median(spans.map((s) => daysBetween(s.from, s.to))),
    buckets: TENURE_BUCKETS.map((bucket) => ({ bucket, count: counts.get(bucket) ?? 0 })),
    groupSize: spans.length,
    employeeIds: spans.map((s) => s.employeeId),
  };
}

/** Tenure of the people in the scope at the close of `asOf`. */
export function currentTenure(roster: readonly RosterPerson[], asOf: string, inScope: ScopePredicate): TenureSummary {
  const spans: { employeeId: string; from: string; to: string }[] = [];
  for (const p of roster) {
    const e = employmentAt(p, asOf);
    if (e !== null && inScope(p, asOf)) spans.push({ employeeId: p.employeeId, from: e.hireDate, to: asOf });
  }
  return summarise(spans);
}

/** Tenure at exit (exit date − hire date) of the period's leavers from the scope. */
export function tenureAtExit(roster: readonly RosterPerson[], period: Period, inScope: ScopePredicate): TenureSummary {
  return summarise(separationsIn(roster, period, inScope).map((s) => ({ employeeId: s.employeeId, from: s.hireDate, to: s.exitDate })));
}

export interface TimeInLevel {
  /** Median days in the current level; null for an empty group. */
  medianDays: number | null;
  groupSize: number;
  employeeIds: string[];
}

/**
 * Median time in the current level for people in the scope at `asOf`: since their latest
 * promotion within the current employment, or since its hire date when not promoted in it.
 */
export function timeInLevel(roster: readonly RosterPerson[], asOf: string, inScope: ScopePredicate): TimeInLevel {
  const days: number[] = [];
  const employeeIds: string[] = [];
  for (const p of roster) {
    const e = employmentAt(p, asOf);
    if (e === null || !inScope(p, asOf)) continue;
    const promotions = sortedBy(p.promotions, (x) => x.date).filter((x) => x.date > e.hireDate && x.date <= asOf);
    const since = promotions.length > 0 ? promotions[promotions.length - 1].date : e.hireDate;
    days.push(daysBetween(since, asOf));
    employeeIds.push(p.employeeId);
  }
  return { medianDays: median(days), groupSize: days.length, employeeIds };
}
