/**
 * Acquisition cohorts: how many of the people who came with an acquisition are still here
 * 6, 12, 18 and 24 months later. Pure.
 */
import { ratio } from "@/lib/domain/stats";
import { addMonths } from "./calendar";
import { employmentAt, type RosterPerson, type ScopePredicate } from "./roster";

export const COHORT_CHECKPOINT_MONTHS: readonly number[] = [6, 12, 18, 24];

export interface CohortCheckpoint {
  months: number;
  date: string;
  /** Null while the checkpoint is after `asOf`. */
  retained: number | null;
  percent: number | null;
}

export interface CohortRetention {
  cohortSize: number;
  checkpoints: CohortCheckpoint[];
  groupSize: number;
  employeeIds: string[];
}

/**
 * The cohort is everyone employed in the acquired scope (e.g. the acquired teams) at the
 * close of the acquisition date. A member is retained at a checkpoint while the employment
 * they held on that date continues past the checkpoint day; leaving and being rehired later
 * does not count as retained, matching retentionRate. Moving team inside the organisation
 * keeps them retained.
 */
export function acquisitionCohortRetention(
  roster: readonly RosterPerson[],
  acquisitionDate: string,
  inAcquired: ScopePredicate,
  asOf: string,
  checkpointMonths: readonly number[] = COHORT_CHECKPOINT_MONTHS,
): CohortRetention {
  const members: { id: string; exitDate: string | null }[] = [];
  for (const p of roster) {
    const span = employmentAt(p, acquisitionDate);
    if (span !== null && inAcquired(p, acquisitionDate)) members.push({ id: p.employeeId, exitDate: span.exitDate });
  }
  const checkpoints = checkpointMonths.map((months) => {
    const date = addMonths(acquisitionDate, months);
    if (date > asOf) return { months, date, retained: null, percent: null };
    const retained = members.filter((m) => m.exitDate === null || m.exitDate > date).length;
    const r = ratio(retained, members.length);
    return { months, date, retained, percent: r === null ? null : r * 100 };
  });
  return { cohortSize: members.length, checkpoints, groupSize: members.length, employeeIds: members.map((m) => m.id) };
}
