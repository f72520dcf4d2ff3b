import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseDay } from "@/lib/domain/time";
import { client, type Tx } from "@/lib/server/data/runner";

/** Learning records and budgets. */

/** A team's records between two days, for the weekly learning values. */
export async function teamLearningBetween(teamId: string, fromDay: string, toDay: string, tx: Tx = client) {
  return tx.learningRecord.findMany({
    where: { teamId, date: { gte: parseDay(fromDay), lte: parseDay(toDay) } },
    select: { date: true, hours: true, spend: true },
  });
}

/** The records with one of the external ids. */
export async function learningRecordsByExternalIds(externalIds: string[], tx: Tx = client) {
  return tx.learningRecord.findMany({
    where: { externalId: { in: externalIds } },
    select: { id: true, externalId: true, teamId: true, date: true, hours: true, spend: true, category: true, employeeId: true, title: true },
  });
}

export async function updateLearningRecord(id: string, data: Prisma.LearningRecordUncheckedUpdateInput, tx: Tx = client): Promise<void> {
  await tx.learningRecord.update({ where: { id }, data });
}

export async function insertLearningRecord(data: Prisma.LearningRecordUncheckedCreateInput, tx: Tx = client) {
  return tx.learningRecord.create({ data });
}

/** Records of one team or all, between optional days, newest first (at most 500). */
export async function listLearningRecordRows(filter: { team?: string; from?: string; to?: string }, tx: Tx = client) {
  return tx.learningRecord.findMany({
    where: {
      ...(filter.team ? { teamId: filter.team } : {}),
      ...(filter.from || filter.to ? { date: { ...(filter.from ? { gte: parseDay(filter.from) } : {}), ...(filter.to ? { lte: parseDay(filter.to) } : {}) } } : {}),
    },
    select: { id: true, teamId: true, team: { select: { name: true } }, employeeId: true, date: true, hours: true, spend: true, category: true, title: true, externalId: true },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    take: 500,
  });
}

export async function learningRecordById(id: string, tx: Tx = client) {
  return tx.learningRecord.findUnique({ where: { id } });
}

export async function deleteLearningRecordRow(id: string, tx: Tx = client): Promise<void> {
  await tx.learningRecord.delete({ where: { id } });
}

/** Sets a team's budget for a year; returns the row as it was (null when new) and as it is. */
export async function upsertLearningBudget(input: { teamId: string; year: number; amount: number }, tx: Tx = client) {
  const key = { teamId_year: { teamId: input.teamId, year: input.year } };
  const before = await tx.learningBudget.findUnique({ where: key });
  const row = await tx.learningBudget.upsert({ where: key, create: input, update: { amount: input.amount } });
  return { before, row };
}

/** Every record between two days, for the learning report. */
export async function learningRecordsBetween(fromDay: string, toDay: string, tx: Tx = client) {
  return tx.learningRecord.findMany({
    where: { date: { gte: parseDay(fromDay), lte: parseDay(toDay) } },
    select: { teamId: true, employeeId: true, date: true, hours: true, spend: true },
  });
}

export async function learningBudgetsOfYear(year: number, tx: Tx = client) {
  return tx.learningBudget.findMany({ where: { year } });
}

/** Every team's values of a metric (by key) between two weeks; none when the metric is missing. */
export async function metricValuesBetween(metricKey: string, fromWeek: string, toWeek: string, tx: Tx = client): Promise<{ teamId: string; weekStart: Date; value: number }[]> {
  const metric = await tx.metricDefinition.findUnique({ where: { key: metricKey }, select: { id: true } });
  if (!metric) return [];
  return tx.metricValue.findMany({
    where: { metricId: metric.id, weekStart: { gte: parseDay(fromWeek), lte: parseDay(toWeek) } },
    select: { teamId: true, weekStart: true, value: true },
  });
}
