/**
 * Learning time and spend per engineer (metric spec §5), per quarter. Pure.
 */
import { ratio, sum } from "@/lib/domain/stats";
import { periodStart } from "@/lib/domain/time";

export interface LearningRecord {
  personId: string;
  date: string;
  hours: number;
  spend: number;
}

export interface LearningSummary {
  engineers: number;
  totalHours: number;
  totalSpend: number;
  /** Null when there are no engineers to divide by. */
  hoursPerEngineer: number | null;
  spendPerEngineer: number | null;
  /** Engineers with any learning hours. */
  engineersWithLearning: number;
  percentWithLearning: number | null;
}

/**
 * Per-engineer figures for one period's records. `engineers` is the engineering headcount
 * the caller divides by (e.g. the period's average headcount), so people who logged
 * nothing still count in the denominator.
 */
export function learningSummary(records: readonly LearningRecord[], engineers: number): LearningSummary {
  const totalHours = sum(records.map((r) => r.hours));
  const totalSpend = sum(records.map((r) => r.spend));
  const learners = new Set(records.filter((r) => r.hours > 0).map((r) => r.personId)).size;
  const share = ratio(learners, engineers);
  return {
    engineers,
    totalHours,
    totalSpend,
    hoursPerEngineer: ratio(totalHours, engineers),
    spendPerEngineer: ratio(totalSpend, engineers),
    engineersWithLearning: learners,
    percentWithLearning: share === null ? null : share * 100,
  };
}

/** One summary per calendar quarter present in the records or in `engineersByQuarter` (keyed by quarter start). */
export function learningByQuarter(
  records: readonly LearningRecord[],
  engineersByQuarter: Readonly<Record<string, number>>,
): ({ quarter: string } & LearningSummary)[] {
  const byQuarter = new Map<string, LearningRecord[]>();
  for (const q of Object.keys(engineersByQuarter)) byQuarter.set(q, []);
  for (const r of records) {
    const q = periodStart(r.date, "quarter");
    byQuarter.set(q, [...(byQuarter.get(q) ?? []), r]);
  }
  return [...byQuarter.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarter, rs]) => ({ quarter, ...learningSummary(rs, engineersByQuarter[quarter] ?? 0) }));
}
