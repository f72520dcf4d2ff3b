/**
 * The retention report: people metrics per segment value and period, with the small-group rules
 * applied across everything shown together. Pure; the service loads the roster and segments.
 *
 * Suppression (metric spec §4): a segment value whose people in the period (everyone in it on at
 * least one day) number fewer than the threshold shows no numbers ("too-few"); one that could be
 * derived by subtracting shown groups from each other or from the organisation total is
 * withheld too ("differencing"), via lib/domain/anonymity.ts over the employee ids. Median tenure
 * at exit describes only the leavers, so it is also left out when they are fewer than the threshold.
 */
import { applyAnonymity, type WithholdReason } from "@/lib/domain/anonymity";
import { addDays, type Granularity } from "@/lib/domain/time";
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
  voluntary: number;
  involuntary: number;
  regretted: number;
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
  suppressed: WithholdReason | null;
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
    out.push({ start, end: fullEnd > asOf ? asOf : fullEnd, label: labelOf(start), complete: fullEnd <= asOf });
  }
  return out;
}

export interface ReportInput {
  roster: readonly RosterPerson[];
  segments: readonly SegmentDef[];
  periods: readonly ReportPeriod[];
  granularity: Granularity;
  threshold: number;
  /** A filtered report: who the total row covers instead of the whole organisation, and its label. */
  total?: { label: string; inScope: ScopePredicate; candidates?: SegmentDef["candidates"] };
  /**
   * Groups a viewer sees elsewhere (the whole organisation, each filter alone), checked for
   * differencing but not shown in this report.
   */
  context?: readonly SegmentDef[];
}

/** The last day of the period on which the person worked (their exit day when they left in it). */
export function lastDayEmployed(person: RosterPerson, { start, end }: Period): string | null {
  let last: string | null = null;
  for (const e of person.employments) {
    if (e.hireDate > end || (e.exitDate !== null && e.exitDate < start)) continue;
    const day = e.exitDate !== null && e.exitDate < end ? e.exitDate : end;
    if (last === null || day > last) last = day;
  }
  return last;
}

/**
 * For the differencing rule, each person counts in the segment value they were in on their last
 * working day of the period. Someone who moved team mid-period is then in one team's set, not
 * both, so "organisation minus every other team" is recognised as revealing a small team; the
 * too-few rule still uses everyone who was in the segment during the period.
 */
function attributed(population: readonly string[], segment: SegmentDef, lastDays: ReadonlyMap<string, string | null>, roster: readonly RosterPerson[]): string[] {
  if (segment.key === ORG_SEGMENT_KEY) return [...population];
  const byId = new Map(roster.map((p) => [p.employeeId, p]));
  return population.filter((id) => {
    const day = lastDays.get(id);
    const person = byId.get(id);
    return day != null && person !== undefined && segment.inScope(person, day);
  });
}

/** One row per (segment value, period) plus the organisation total per period, suppression applied. */
export function buildRetentionRows({ roster, segments, periods, granularity, threshold, total, context = [] }: ReportInput): RetentionRow[] {
  const all: SegmentDef[] = [{ key: ORG_SEGMENT_KEY, label: "Whole organisation", inScope: () => true, ...total }, ...segments];
  const checked = [...all, ...context];
  const pools = new Map(checked.map((s) => [s.key, s.candidates ? s.candidates(roster) : roster]));
  const rows: RetentionRow[] = [];
  for (const period of periods) {
    const lastDays = new Map(roster.map((p) => [p.employeeId, lastDayEmployed(p, period)]));
    const groups = checked.map((s) => {
      const population = populationDuring(pools.get(s.key) ?? roster, period, s.inScope);
      return { key: s.key, memberIds: attributed(population, s, lastDays, roster), count: population.length };
    });
    const verdicts = new Map(applyAnonymity(groups, threshold).map((v) => [v.key, v]));
    all.forEach((s, i) => {
      if (groups[i].count === 0 && s.key !== ORG_SEGMENT_KEY) return; // nobody in it: no row at all
      const verdict = verdicts.get(s.key);
      const base = { segment: s.key, label: s.label, period: period.start, periodLabel: period.label };
      if (!verdict || !verdict.shown) {
        rows.push({ ...base, suppressed: verdict?.reason ?? "too-few" });
        return;
      }
      rows.push({ ...base, suppressed: null, metrics: computeNumbers(pools.get(s.key) ?? roster, period, s.inScope, granularity, threshold) });
    });
  }
  return rows;
}

export interface CohortRow {
  teamId: string;
  team: string;
  acquisitionName: string | null;
  acquisitionDate: string;
  suppressed: WithholdReason | null;
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

/** What a suppressed cell says, on the page, in the API's consumers and in exports. */
export const SUPPRESSED_TEXT: Record<WithholdReason, string> = {
  "too-few": "Too few people to show",
  differencing: "Withheld to protect anonymity",
};
