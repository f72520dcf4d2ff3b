import "server-only";
import { addDays, formatDay, mondayOf, parseDay } from "@/lib/domain/time";
import type { MetricUnit } from "@/lib/metrics/catalog";
import type { ExperimentReadout, MetricReadout } from "@/lib/skills/api-types";
import { compareExperiment, EXPERIMENT_CAVEAT, type Period, type WeeklyTeamValue } from "@/lib/skills/experiments";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { expectedMetrics, liveTeamValuesBetween } from "@/lib/server/data/skills/experiments";
import { metricDisclosure } from "@/lib/server/disclosure/metrics";
import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { currentWeek } from "./computed-values";
import { getExperiment } from "./experiments";

/**
 * Before vs during/after read-outs of an experiment's expected metrics: its teams against every
 * other team over the same weeks (lib/skills/experiments.ts compareExperiment). The "during/after"
 * window runs from the start week to the end week (this week while it runs); "before" is as many
 * weeks just before the start, at most 13. Team-weeks an anonymity rule would hide are left out:
 * survey values under the threshold, people values of teams under five people.
 */
export const MAX_BEFORE_WEEKS = 13;

export function experimentWindows(startDate: string, endDate: string | null, thisWeek: string): { before: Period; after: Period } | null {
  const startWeek = mondayOf(startDate);
  if (startWeek > thisWeek) return null;
  const endWeek = endDate === null || mondayOf(endDate) > thisWeek ? thisWeek : mondayOf(endDate);
  const weeks = Math.round((parseDay(endWeek).getTime() - parseDay(startWeek).getTime()) / (7 * 86_400_000)) + 1;
  const beforeWeeks = Math.min(weeks, MAX_BEFORE_WEEKS);
  return {
    before: { start: addDays(startWeek, -7 * beforeWeeks), end: addDays(startWeek, -7) },
    after: { start: startWeek, end: endWeek },
  };
}

export async function experimentReadout(id: string, user: SessionUser | null, now = new Date()): Promise<ExperimentReadout> {
  const experiment = await getExperiment(id, user, now);
  const windows = experimentWindows(experiment.startDate, experiment.endDate, await currentWeek(now));
  const teamIds = experiment.teams.map((t) => t.id);
  const keys = experiment.expectations.map((e) => e.metricKey);
  const metrics = await expectedMetrics(keys);
  if (!windows) {
    return { experimentId: id, before: null, after: null, caveat: EXPERIMENT_CAVEAT, metrics: [] };
  }
  // Only team-weeks the disclosure policy releases on their own take part (a read-out must not reveal what a
  // team's chart hides).
  const disclosure = await metricDisclosure(disclosureViewer(user), now, { metrics, fromWeek: windows.before.start, toWeek: windows.after.end });
  const out: MetricReadout[] = [];
  for (const expectation of experiment.expectations) {
    const metric = metrics.find((m) => m.key === expectation.metricKey);
    if (!metric) continue;
    const rows = await liveTeamValuesBetween(metric.id, windows.before.start, windows.after.end);
    const values: WeeklyTeamValue[] = rows.flatMap((r) => {
      const week = formatDay(r.weekStart);
      if (metric.sensitivity !== "NONE" && !disclosure.point(metric, [r.teamId], [week]).released) return [];
      return [{ teamId: r.teamId, week, value: r.value }];
    });
    const comparison = compareExperiment(values, teamIds, windows.before, windows.after);
    const net = comparison.net;
    out.push({
      metricKey: metric.key, name: metric.name, unit: metric.unit as MetricUnit, howComputed: metric.howComputed, expected: expectation.direction, comparison,
      asExpected: net === null || net === 0 ? null : (net > 0) === (expectation.direction === "up"),
    });
  }
  return { experimentId: id, before: windows.before, after: windows.after, metrics: out, caveat: EXPERIMENT_CAVEAT };
}
