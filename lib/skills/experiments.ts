/**
 * Experiment read-outs (metric spec §5): the teams in an experiment compared with the teams
 * outside it over the same weeks, before and after it started (difference in differences).
 * Pure. The numbers describe what happened, not why; EXPERIMENT_CAVEAT says so in the UI.
 */
import { mean } from "@/lib/domain/stats";

/** Inclusive date range, `YYYY-MM-DD`. */
export interface Period {
  start: string;
  end: string;
}

export const EXPERIMENT_CAVEAT =
  "Correlation, not cause: teams were not assigned at random, and other changes in the same weeks can move these numbers. Treat the net change as a prompt for a conversation, not as proof that the experiment worked.";

export interface Experiment {
  id: string;
  start: string;
  end: string | null;
}

/**
 * Experiments started and concluded within a period, and those running at some point in it
 * (start on or before its end, end empty or on or after its start).
 */
export function experimentsInPeriod(
  experiments: readonly Experiment[],
  { start, end }: Period,
): { started: number; concluded: number; running: number } {
  const within = (d: string | null) => d !== null && d >= start && d <= end;
  return {
    started: experiments.filter((e) => within(e.start)).length,
    concluded: experiments.filter((e) => within(e.end)).length,
    running: experiments.filter((e) => e.start <= end && (e.end === null || e.end >= start)).length,
  };
}

export interface WeeklyTeamValue {
  teamId: string;
  /** Monday of the ISO week. */
  week: string;
  value: number;
}

export interface GroupChange {
  teams: number;
  /** Mean over the group's team-weeks in each window; null when the window has no data. */
  before: number | null;
  after: number | null;
  change: number | null;
}

export interface ExperimentComparison {
  experiment: GroupChange;
  control: GroupChange;
  /** Experiment change − control change. */
  net: number | null;
  caveat: string;
}

function groupChange(values: readonly WeeklyTeamValue[], teamIds: ReadonlySet<string>, before: Period, after: Period): GroupChange {
  const inWindow = (v: WeeklyTeamValue, w: Period) => teamIds.has(v.teamId) && v.week >= w.start && v.week <= w.end;
  const b = mean(values.filter((v) => inWindow(v, before)).map((v) => v.value));
  const a = mean(values.filter((v) => inWindow(v, after)).map((v) => v.value));
  return { teams: teamIds.size, before: b, after: a, change: a === null || b === null ? null : a - b };
}

/**
 * Compares experiment teams with every other team that reported values, over the same
 * before and after windows (week Mondays inclusive). Each team-week weighs the same.
 */
export function compareExperiment(
  values: readonly WeeklyTeamValue[],
  experimentTeamIds: readonly string[],
  before: Period,
  after: Period,
): ExperimentComparison {
  const treated = new Set(experimentTeamIds);
  const control = new Set(values.map((v) => v.teamId).filter((t) => !treated.has(t)));
  const e = groupChange(values, treated, before, after);
  const c = groupChange(values, control, before, after);
  return {
    experiment: e,
    control: c,
    net: e.change === null || c.change === null ? null : e.change - c.change,
    caveat: EXPERIMENT_CAVEAT,
  };
}
