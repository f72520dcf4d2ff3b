import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/**
 * Survey snapshots (disclosure.md rule 3): the stored snapshots of runs, and the statements that publish one —
 * stamping a run's answers with the snapshot's epoch and storing its blocks.
 */

export interface SnapshotEpochRow {
  runId: string;
  epoch: number;
  counts: Prisma.JsonValue;
  blocks: Prisma.JsonValue;
}

/** The snapshots of these runs, by run then epoch. */
export async function snapshotEpochs(runIds: readonly string[], tx: Tx = client): Promise<SnapshotEpochRow[]> {
  return tx.surveySnapshot.findMany({ where: { runId: { in: [...runIds] } }, select: { runId: true, epoch: true, counts: true, blocks: true }, orderBy: [{ runId: "asc" }, { epoch: "asc" }] });
}

export interface RunToPublish {
  id: string;
  title: string;
  closesOn: Date;
  survey: { items: Prisma.JsonValue };
  teams: { teamId: string; invited: number }[];
}

export async function runToPublish(runId: string, tx: Tx = client): Promise<RunToPublish | null> {
  return tx.surveyRun.findUnique({
    where: { id: runId },
    select: { id: true, title: true, closesOn: true, survey: { select: { items: true } }, teams: { select: { teamId: true, invited: true } } },
  });
}

/** Locks the run's row until the transaction ends: one publisher at a time per run. */
export async function lockRunForPublishing(runId: string, tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "SurveyRun" WHERE "id" = ${runId} FOR UPDATE`;
}

export interface StoredSnapshotRow {
  epoch: number;
  counts: Prisma.JsonValue;
  blocks: Prisma.JsonValue;
  final: boolean;
  week: Date;
}

/** A run's snapshots so far, in epoch order. */
export async function runSnapshots(runId: string, tx: Tx = client): Promise<StoredSnapshotRow[]> {
  return tx.surveySnapshot.findMany({ where: { runId }, select: { epoch: true, counts: true, blocks: true, final: true, week: true }, orderBy: { epoch: "asc" } });
}

/** Answers not yet in a snapshot, per team (teams without any are absent). */
export async function pendingAnswersByTeam(runId: string, tx: Tx = client): Promise<{ teamId: string; count: number }[]> {
  const rows = await tx.surveyResponse.groupBy({ by: ["teamId"], where: { runId, epoch: null }, _count: { _all: true } });
  return rows.map((r) => ({ teamId: r.teamId, count: r._count._all }));
}

function unstamped(runId: string, teams: readonly string[] | undefined) {
  return { runId, epoch: null, ...(teams ? { teamId: { in: [...teams] } } : {}) };
}

/** Stamps the run's unpublished answers (of `teams`, else all) with `epoch`; returns the team of each one stamped. */
export async function stampResponses(runId: string, teams: readonly string[] | undefined, epoch: number, tx: Tx = client): Promise<{ teamId: string }[]> {
  return tx.surveyResponse.updateManyAndReturn({ where: unstamped(runId, teams), data: { epoch }, select: { teamId: true } });
}

/** Stamps the run's unpublished comments (of `teams`, else all) with `epoch`. */
export async function stampComments(runId: string, teams: readonly string[] | undefined, epoch: number, tx: Tx = client): Promise<void> {
  await tx.surveyComment.updateMany({ where: unstamped(runId, teams), data: { epoch } });
}

export interface NewSnapshot {
  runId: string;
  epoch: number;
  week: Date;
  final: boolean;
  publishedOn: Date;
  publishedById: string | null;
  counts: Prisma.InputJsonValue;
  blocks: Prisma.InputJsonValue;
}

export async function insertSnapshot(snapshot: NewSnapshot, tx: Tx = client): Promise<void> {
  await tx.surveySnapshot.create({ data: snapshot });
}

/** How many of the run's answers are in no snapshot yet. */
export async function unpublishedCount(runId: string, tx: Tx = client): Promise<number> {
  return tx.surveyResponse.count({ where: { runId, epoch: null } });
}

/** Ids of the metrics that hold survey values. */
export async function surveyMetricIds(tx: Tx = client): Promise<string[]> {
  return (await tx.metricDefinition.findMany({ where: { sensitivity: "SURVEY" }, select: { id: true } })).map((m) => m.id);
}

/** A run's answers that are in a snapshot. */
export async function snapshotAnswers(runId: string, tx: Tx = client): Promise<{ id: string; teamId: string; answers: Prisma.JsonValue }[]> {
  return tx.surveyResponse.findMany({ where: { runId, epoch: { not: null } }, select: { id: true, teamId: true, answers: true } });
}

/** Every metric definition's id, key and unit. */
export async function metricUnits(tx: Tx = client): Promise<{ id: string; key: string; unit: string }[]> {
  return tx.metricDefinition.findMany({ select: { id: true, key: true, unit: true } });
}

/** Runs that closed before `today` and have no final snapshot, earliest closing first. */
export async function runsDueFinalSnapshot(today: Date, tx: Tx = client): Promise<{ id: string }[]> {
  return tx.surveyRun.findMany({ where: { closesOn: { lt: today }, snapshots: { none: { final: true } } }, select: { id: true }, orderBy: { closesOn: "asc" } });
}

/** One snapshot per run that has any: its run and week. */
export async function publishedRunWeeks(tx: Tx = client): Promise<{ runId: string; week: Date }[]> {
  return tx.surveySnapshot.findMany({ select: { runId: true, week: true }, distinct: ["runId"] });
}

/** The teams of these runs. */
export async function runTeamRows(runIds: readonly string[], tx: Tx = client): Promise<{ runId: string; teamId: string }[]> {
  return tx.surveyRunTeam.findMany({ where: { runId: { in: [...runIds] } }, select: { runId: true, teamId: true } });
}
