import "server-only";
import type { Blocks } from "@/lib/disclosure/blocks";
import { epochBlocks, snapshotRelease, type Epoch, type SnapshotRelease } from "@/lib/disclosure/snapshots";
import { formatDay, localDate, mondayOf } from "@/lib/domain/time";
import type { Answers, SurveyResponse } from "@/lib/engagement/items";
import { cachedByDisclosureVersion } from "@/lib/server/cache";
import { writeComputed, type ComputedValue } from "@/lib/server/data/metric-value-writer/computed";
import {
  insertSnapshot,
  lockRunForPublishing,
  metricUnits,
  pendingAnswersByTeam,
  publishedRunWeeks,
  runSnapshots,
  runsDueFinalSnapshot,
  runTeamRows,
  runToPublish,
  snapshotAnswers,
  snapshotEpochs,
  stampComments,
  stampResponses,
  surveyMetricIds,
  unpublishedCount,
  type RunToPublish,
} from "@/lib/server/data/disclosure/surveys";
import { inTransaction, transactionRunner, type Tx } from "@/lib/server/data/runner";
import { badRequest, notFound } from "@/lib/server/errors";
import { SYSTEM_ACTOR, type Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import { refreshRollups } from "@/lib/server/services/rollups";
import { readItems } from "@/lib/engagement/compose";
import { teamMetricValues } from "@/lib/engagement/unit-score";
import { disclosureOrg } from "./org";

/**
 * Survey runs as published snapshots (disclosure.md rule 3). Answers are stored as they arrive but read only
 * through snapshots: publishing one stamps the answers since the last snapshot with its epoch, pools them into
 * blocks (lib/disclosure/snapshots.ts) and stores the run's team values for the dashboards. Results pages,
 * CSV, heatmaps and dashboards then show each group as of the latest snapshot it may be shown for — nothing
 * changes between snapshots.
 */

interface StoredSnapshot {
  epoch: number;
  counts: unknown;
  blocks: unknown;
}

function toEpoch(row: StoredSnapshot, floor: number): Epoch {
  const counts = new Map(Object.entries((row.counts ?? {}) as Record<string, number>));
  const cells = ((row.blocks ?? []) as string[][]).map((teamIds) => ({ cells: [...teamIds].sort(), count: teamIds.reduce((n, t) => n + (counts.get(t) ?? 0), 0) }));
  const blockOf = new Map<string, number>();
  cells.forEach((b, i) => b.cells.forEach((c) => blockOf.set(c, i)));
  // Blocks are kept as published; the current threshold applies (raising it withholds more, never less).
  const blocks: Blocks = { floor, blockOf, blocks: cells };
  return { epoch: row.epoch, counts, blocks };
}

/** Each run's published epochs in order (runs without a snapshot: none). */
export async function runEpochs(runIds: readonly string[]): Promise<Map<string, Epoch[]>> {
  const { threshold } = await disclosureOrg();
  const rows = await snapshotEpochs(runIds);
  const out = new Map<string, Epoch[]>(runIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.runId)?.push(toEpoch(r, threshold));
  return out;
}

export function surveyRelease(teamIds: readonly string[], epochs: readonly Epoch[]): SnapshotRelease {
  return snapshotRelease(teamIds, epochs);
}

export interface PublishedSnapshot {
  epoch: number;
  week: string;
  final: boolean;
  /** Answers this snapshot published. */
  newRespondents: number;
  /** Answers left for a later snapshot (teams with fewer than k new answers, in an interim snapshot). */
  waiting: number;
}

/**
 * Publishes a snapshot of a run: an interim one (a leader's publish action, while it is open) or the final one
 * (when it closes). Idempotent for the final snapshot. An interim snapshot publishes the new answers of teams
 * with at least k of them, so a team that answers slowly is not pooled (and frozen) early: its answers wait.
 */
export async function publishSnapshot(actor: Actor, runId: string, options: { final: boolean; now: Date }): Promise<PublishedSnapshot> {
  const run = await runToPublish(runId);
  if (!run) throw notFound("Survey run");
  const org = await disclosureOrg();
  const week = mondayOf(formatDay(run.closesOn));
  const publishedOn = new Date(localDate(options.now, org.timeZone));

  const published = await inTransaction(async (tx) => {
    // One publisher at a time per run (several instances may try to take the same final snapshot).
    await lockRunForPublishing(runId, tx);
    const earlierRows = await runSnapshots(runId, tx);
    const finalRow = earlierRows.find((r) => r.final);
    if (finalRow) return { epoch: finalRow.epoch, week: formatDay(finalRow.week), final: true, newRespondents: 0, waiting: 0, wrote: false };
    const epoch = (earlierRows.at(-1)?.epoch ?? 0) + 1;
    // An interim snapshot publishes a team's new answers only once there are at least k of them; the rest wait
    // for a later snapshot (the final one publishes everything, pooling what is small).
    let teams: string[] | undefined;
    if (!options.final) {
      const pending = await pendingAnswersByTeam(runId, tx);
      teams = pending.filter((p) => p.count >= org.threshold).map((p) => p.teamId);
      if (teams.length === 0) {
        throw badRequest(`No team has ${org.threshold} or more new answers since the last snapshot, so nothing can be published yet without singling someone out.`);
      }
    }
    // Stamp first, then count what was stamped: an answer arriving meanwhile waits for the next snapshot.
    const stamped = await stampResponses(runId, teams, epoch, tx);
    await stampComments(runId, teams, epoch, tx);
    const counts = new Map<string, number>();
    for (const r of stamped) counts.set(r.teamId, (counts.get(r.teamId) ?? 0) + 1);
    const earlier = earlierRows.map((r) => toEpoch(r, org.threshold));
    const blocks = epochBlocks(counts, earlier, org.family, org.threshold);
    await insertSnapshot({
      runId, epoch, week: new Date(week), final: options.final, publishedOn, publishedById: actor.userId,
      counts: Object.fromEntries(counts), blocks: blocks.blocks.map((b) => b.cells),
    }, tx);
    await writeRunValues(tx, run, week);
    await recordAudit(actor, {
      action: "update", entityType: "SurveyRun", entityId: runId,
      summary: `Published ${options.final ? "the final" : "an interim"} snapshot (${epoch}) of "${run.title}": ${stamped.length} new answer(s)`,
    }, tx);
    const waiting = await unpublishedCount(runId, tx);
    return { epoch, week, final: options.final, newRespondents: stamped.length, waiting, wrote: true };
  });
  if (published.wrote) {
    const metricIds = await surveyMetricIds();
    await refreshRollups({ metricIds, weeks: [published.week] });
  }
  const { wrote: _wrote, ...out } = published;
  return out;
}

type RunForValues = Pick<RunToPublish, "id" | "title" | "teams"> & { survey: { items: unknown } };

/**
 * Stores a run's published answers as engagement metric values, one per team and metric in the week the run
 * closes. Every team is stored whatever its respondents: the dashboards release a group of teams only as its
 * snapshots allow, so storing is not showing.
 */
async function writeRunValues(tx: Tx, run: RunForValues, week: string): Promise<void> {
  const items = readItems(run.survey.items);
  const responses = await snapshotAnswers(run.id, tx);
  const metrics = new Map((await metricUnits(tx)).map((m) => [m.key, m]));
  const values: ComputedValue[] = [];
  for (const { teamId, invited } of run.teams) {
    const rs: SurveyResponse[] = responses.filter((r) => r.teamId === teamId).map((r) => ({ respondentId: r.id, answers: r.answers as Answers }));
    for (const v of teamMetricValues(items, rs, invited)) {
      const metric = metrics.get(v.metricKey);
      if (!metric) continue;
      const value = (v.numerator / v.denominator) * (metric.unit === "percent" ? 100 : 1);
      values.push({ metricId: metric.id, teamId, week, value, numerator: v.numerator, denominator: v.denominator });
    }
  }
  // Through the one computed-value writer: a score a person imported for that team and week stands.
  await writeComputed(transactionRunner(tx), values, { kind: "values" });
}

/** Takes the final snapshot of every run whose closing day has passed without one (no scheduler needed). */
export async function publishClosedRuns(now: Date): Promise<void> {
  const { timeZone } = await disclosureOrg();
  const today = new Date(localDate(now, timeZone));
  const due = await runsDueFinalSnapshot(today);
  for (const run of due) await publishSnapshot(SYSTEM_ACTOR, run.id, { final: true, now });
}

export type SurveyVerdict = { released: true } | { released: false; reason: "too-few" | "differencing" | "not-published" };

interface WeekSources {
  /** Per week: the runs published in it, their teams and epochs. */
  runsByWeek: Map<string, { teams: Set<string>; epochs: Epoch[] }[]>;
}

async function loadWeekSources(): Promise<WeekSources> {
  const snapshots = await publishedRunWeeks();
  const runIds = snapshots.map((s) => s.runId);
  const [epochs, teams] = await Promise.all([
    runEpochs(runIds),
    runTeamRows(runIds),
  ]);
  const runsByWeek = new Map<string, { teams: Set<string>; epochs: Epoch[] }[]>();
  for (const s of snapshots) {
    const week = formatDay(s.week);
    const list = runsByWeek.get(week) ?? [];
    list.push({ teams: new Set(teams.filter((t) => t.runId === s.runId).map((t) => t.teamId)), epochs: epochs.get(s.runId) ?? [] });
    runsByWeek.set(week, list);
  }
  return { runsByWeek };
}

/**
 * Survey values on dashboards come from runs' snapshots. A group of teams is released for a week when, for every
 * run published in that week, the group's teams in the run may be shown as of the run's latest snapshot.
 */
export interface SurveyWeekDisclosure {
  /** Runs published in a week (empty: the week's values were entered or imported). */
  runsIn(week: string): { teams: Set<string>; epochs: Epoch[] }[];
  fromRuns(teamIds: readonly string[], week: string): SurveyVerdict;
}

export async function surveyWeekDisclosure(): Promise<SurveyWeekDisclosure> {
  const sources = await cachedByDisclosureVersion("disclosure:survey-weeks", loadWeekSources);
  return {
    runsIn: (week) => sources.runsByWeek.get(week) ?? [],
    fromRuns(teamIds, week) {
      for (const run of sources.runsByWeek.get(week) ?? []) {
        const inRun = teamIds.filter((t) => run.teams.has(t));
        if (inRun.length === 0) continue;
        const r = snapshotRelease(inRun, run.epochs);
        if (!r.released) return r;
        if (r.asOfEpoch !== run.epochs[run.epochs.length - 1]?.epoch) return { released: false, reason: "differencing" };
      }
      return { released: true };
    },
  };
}
