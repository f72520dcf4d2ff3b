/**
 * The retention report: people metrics per segment value and period. Pure; the service loads the roster and
 * segments and says, for each segment and period, what the disclosure policy releases (lib/server/disclosure):
 * a withheld row carries its reason and no numbers at all, and a row shown to a reader who may not see how
 * separations are classified has those numbers left out. Median tenure at exit describes only the leavers,
 * so it is also left out when they are fewer than the people floor.
 */
import type { WithheldReason } from "@/lib/disclosure/reasons";
import { addDays, mondayOf, type Granularity } from "@/lib/domain/time";
import { isPeriodComplete } from "@/lib/metrics/periods";
import { addMonths, type Period } from "@/lib/retention/calendar";
import { acquisitionCohortRetention, type CohortCheckpoint } from "@/lib/retention/cohorts";
import { headcountAt } from "@/lib/retention/headcount";
import { internalMobility, promotionRate } from "@/lib/retention/mobility";
import { populationDuring } from "@/lib/retention/population";
import { dayBefore, inTeam, type RosterPerson, type ScopePredicate } from "@/lib/retention/roster";
import { currentTenure, tenureAtExit, timeInLevel, type TenureBucket } from "@/lib/retention/tenure";
import { annualisedTurnover, retentionRate, turnover } from "@/lib/retention/turnover";

export interface SegmentDef {
  key: string;
  label: string;
  inScope: ScopePredicate;
  /** Optional narrowing of the roster to people who can ever be in the segment (speed only). */
  candidates?: (roster: readonly RosterPerson[]) => RosterPerson[];
}

export interface ReportPeriod extends Period {
  label: string;
  /** False for the period still running: its numbers run to the as-of date. */
  complete: boolean;
}

export interface RetentionNumbers {
  people: number;
  headcountStart: number;
  headcountEnd: number;
  averageHeadcount: number;
  hires: number;
  separations: number;
  /** Null where the reader may not see how this group's separations are classified (rule 5). */
  voluntary: number | null;
  involuntary: number | null;
  regretted: number | null;
  turnoverRate: number | null;
  voluntaryRate: number | null;
  involuntaryRate: number | null;
  regrettedRate: number | null;
  /** Complete periods of whole months only (not weeks, not the running period). */
  annualisedTurnover: number | null;
  retentionRate: number | null;
  medianTenureDays: number | null;
  /** Null when no one left, or when the leavers are too few to show. */
  medianTenureAtExitDays: number | null;
  tenureBuckets: { bucket: TenureBucket; count: number }[];
  promotions: number;
  promotionRate: number | null;
  medianTimeInLevelDays: number | null;
  teamMoves: number;
  internalMobility: number | null;
}

export interface RetentionRow {
  segment: string;
  label: string;
  period: string;
  periodLabel: string;
  suppressed: WithheldReason | null;
  /** False when the separations' classification (voluntary, involuntary, regretted) is left out for this reader. */
  classified?: boolean;
  /** Absent when suppressed: no number about a small group leaves the server. */
  metrics?: RetentionNumbers;
}

export const ORG_SEGMENT_KEY = "org";

export function computeNumbers(roster: readonly RosterPerson[], period: ReportPeriod, inScope: ScopePredicate, granularity: Granularity, threshold: number): RetentionNumbers {
  const t = turnover(roster, period, inScope);
  const promo = promotionRate(roster, period, inScope);
  const mobility = internalMobility(roster, period, inScope);
  const exits = tenureAtExit(roster, period, inScope);
  const tenure = currentTenure(roster, period.end, inScope);
  const annualised = granularity !== "week" && period.complete ? annualisedTurnover(roster, period, inScope).percent : null;
  return {
    people: t.groupSize,
    headcountStart: headcountAt(roster, dayBefore(period.start), inScope).length,
    headcountEnd: headcountAt(roster, period.end, inScope).length,
    averageHeadcount: t.averageHeadcount,
    hires: t.hires,
    separations: t.separations,
    voluntary: t.voluntary,
    involuntary: t.involuntary,
    regretted: t.regretted,
    turnoverRate: t.percent,
    voluntaryRate: t.voluntaryPercent,
    involuntaryRate: t.involuntaryPercent,
    regrettedRate: t.regrettedPercent,
    annualisedTurnover: annualised,
    retentionRate: retentionRate(roster, period, inScope).percent,
    medianTenureDays: tenure.medianDays,
    medianTenureAtExitDays: exits.groupSize >= threshold ? exits.medianDays : null,
    tenureBuckets: tenure.buckets,
    promotions: promo.events,
    promotionRate: promo.percent,
    medianTimeInLevelDays: timeInLevel(roster, period.end, inScope).medianDays,
    teamMoves: mobility.events,
    internalMobility: mobility.percent,
  };
}

/** The periods of `granularity` covering `from`..`to`, the last one cut at `asOf` when still running. */
export function reportPeriods(from: string, to: string, granularity: Granularity, asOf: string, periodStartOf: (day: string) => string, labelOf: (start: string) => string): ReportPeriod[] {
  const next = (start: string) => {
    if (granularity === "week") return addDays(start, 7);
    return addMonths(start, granularity === "month" ? 1 : granularity === "quarter" ? 3 : 12);
  };
  const out: ReportPeriod[] = [];
  for (let start = periodStartOf(from); start <= to && start <= asOf; start = next(start)) {
    const fullEnd = addDays(next(start), -1);
    // Complete as the dashboards and the people disclosure count it: once the week holding its last day is over.
    out.push({ start, end: fullEnd > asOf ? asOf : fullEnd, label: labelOf(start), complete: isPeriodComplete(start, granularity, mondayOf(asOf)) });
  }
  return out;
}

/** What the disclosure policy says about one row: withheld (and why), or shown with or without classifications. */
export type RowRelease = { released: false; reason: WithheldReason } | { released: true; classified: boolean };

export interface ReportInput {
  roster: readonly RosterPerson[];
  segments: readonly SegmentDef[];
  periods: readonly ReportPeriod[];
  granularity: Granularity;
  /** The people floor (median tenure at exit needs that many leavers). */
  threshold: number;
  /** A filtered report: who the total row covers instead of the whole organisation, and its label. */
  total?: { label: string; inScope: ScopePredicate; candidates?: SegmentDef["candidates"] };
  release: (segmentKey: string, period: ReportPeriod) => RowRelease;
}

const CLASSIFICATIONS = ["voluntary", "involuntary", "regretted", "voluntaryRate", "involuntaryRate", "regrettedRate"] as const;

/** One row per (segment value, period) plus the organisation total per period, as the policy releases them. */
export function buildRetentionRows({ roster, segments, periods, granularity, threshold, total, release }: ReportInput): RetentionRow[] {
  const all: SegmentDef[] = [{ key: ORG_SEGMENT_KEY, label: "Whole organisation", inScope: () => true, ...total }, ...segments];
  const pools = new Map(all.map((s) => [s.key, s.candidates ? s.candidates(roster) : roster]));
  const rows: RetentionRow[] = [];
  for (const period of periods) {
    for (const s of all) {
      const pool = pools.get(s.key) ?? roster;
      if (s.key !== ORG_SEGMENT_KEY && populationDuring(pool, period, s.inScope).length === 0) continue; // nobody in it: no row
      const base = { segment: s.key, label: s.label, period: period.start, periodLabel: period.label };
      const verdict = release(s.key, period);
      if (!verdict.released) {
        rows.push({ ...base, suppressed: verdict.reason });
        continue;
      }
      const metrics = computeNumbers(pool, period, s.inScope, granularity, threshold);
      if (!verdict.classified) for (const k of CLASSIFICATIONS) metrics[k] = null;
      rows.push({ ...base, suppressed: null, classified: verdict.classified, metrics });
    }
  }
  return rows;
}

export interface CohortRow {
  teamId: string;
  team: string;
  acquisitionName: string | null;
  acquisitionDate: string;
  suppressed: WithheldReason | null;
  cohortSize?: number;
  checkpoints?: CohortCheckpoint[];
}

/** Retention of each acquired team's people at 6/12/18/24 months; a cohort under the threshold shows nothing. */
export function buildCohortRows(
  roster: readonly RosterPerson[],
  acquired: readonly { id: string; name: string; acquisitionName: string | null; acquisitionDate: string }[],
  asOf: string,
  threshold: number,
): CohortRow[] {
  return acquired.map((team) => {
    const cohort = acquisitionCohortRetention(roster, team.acquisitionDate, inTeam(team.id), asOf);
    const base = { teamId: team.id, team: team.name, acquisitionName: team.acquisitionName, acquisitionDate: team.acquisitionDate };
    if (cohort.cohortSize < threshold) return { ...base, suppressed: "too-few" };
    return { ...base, suppressed: null, cohortSize: cohort.cohortSize, checkpoints: cohort.checkpoints };
  });
}
