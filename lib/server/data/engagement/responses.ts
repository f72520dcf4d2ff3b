import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/**
 * Responses and comments of survey runs. A response row holds its run, its team and the answers, nothing
 * else (no invitation, user or time); comments are stored apart.
 */

export async function insertResponse(row: { runId: string; teamId: string; answers: Prisma.InputJsonValue }, tx: Tx = client): Promise<void> {
  await tx.surveyResponse.create({ data: row, select: { id: true } });
}

export async function insertComments(rows: readonly { runId: string; teamId: string; itemId: string; text: string }[], tx: Tx = client): Promise<void> {
  await tx.surveyComment.createMany({ data: [...rows] });
}

export async function commentById(id: string, tx: Tx = client): Promise<{ id: string; hidden: boolean; runId: string } | null> {
  return tx.surveyComment.findUnique({ where: { id }, select: { id: true, hidden: true, runId: true } });
}

export async function updateCommentHidden(id: string, hidden: boolean, tx: Tx = client): Promise<void> {
  await tx.surveyComment.update({ where: { id }, data: { hidden } });
}

/** A run's responses published in a snapshot (epoch set), in id order. */
export async function publishedResponses(runId: string, tx: Tx = client): Promise<{ id: string; teamId: string; answers: Prisma.JsonValue; epoch: number | null }[]> {
  return tx.surveyResponse.findMany({ where: { runId, epoch: { not: null } }, select: { id: true, teamId: true, answers: true, epoch: true }, orderBy: { id: "asc" } });
}

/** A run's comments published in a snapshot (epoch set), in id order, hidden ones included. */
export async function publishedComments(
  runId: string,
  tx: Tx = client,
): Promise<{ id: string; teamId: string; itemId: string; text: string; hidden: boolean; epoch: number | null }[]> {
  return tx.surveyComment.findMany({ where: { runId, epoch: { not: null } }, select: { id: true, teamId: true, itemId: true, text: true, hidden: true, epoch: true }, orderBy: { id: "asc" } });
}

/** A run's snapshots, in epoch order. */
export async function runSnapshotDates(runId: string, tx: Tx = client): Promise<{ epoch: number; publishedOn: Date; final: boolean }[]> {
  return tx.surveySnapshot.findMany({ where: { runId }, select: { epoch: true, publishedOn: true, final: true }, orderBy: { epoch: "asc" } });
}

/** How many responses each team of a run has given (published or not); teams without any are absent. */
export async function answeredByTeam(runId: string, tx: Tx = client): Promise<{ teamId: string; answered: number }[]> {
  const rows = await tx.surveyResponse.groupBy({ by: ["teamId"], where: { runId }, _count: { _all: true } });
  return rows.map((r) => ({ teamId: r.teamId, answered: r._count._all }));
}
