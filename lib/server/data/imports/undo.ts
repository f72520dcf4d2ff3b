import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/**
 * The reads and writes of undoing an import (services/imports/undo.ts): the rows it created or changed, as
 * they are now, and putting them back. Run inside the undo's one transaction.
 */

/** The metric values in the cross product of the metrics, teams and weeks (a superset of the cells asked for). */
export async function metricValuesInCells(cells: { metricIds: string[]; teamIds: string[]; weeks: Date[] }, tx: Tx = client) {
  return tx.metricValue.findMany({
    where: { metricId: { in: cells.metricIds }, teamId: { in: cells.teamIds }, weekStart: { in: cells.weeks } },
    select: { id: true, metricId: true, teamId: true, weekStart: true, version: true, importId: true },
  });
}

export async function countMetricValuesOfTeam(teamId: string, tx: Tx = client): Promise<number> {
  return tx.metricValue.count({ where: { teamId } });
}

export async function countMetricValuesOfMetric(metricId: string, tx: Tx = client): Promise<number> {
  return tx.metricValue.count({ where: { metricId } });
}

export async function countPeopleOfTeam(teamId: string, tx: Tx = client): Promise<number> {
  return tx.person.count({ where: { teamId } });
}

export async function teamChangeState(id: string, tx: Tx = client): Promise<{ updatedAt: Date; name: string } | null> {
  return tx.team.findUnique({ where: { id }, select: { updatedAt: true, name: true } });
}

export async function deleteTeamById(id: string, tx: Tx = client): Promise<void> {
  await tx.team.delete({ where: { id } });
}

export async function restoreTeam(id: string, data: Prisma.TeamUncheckedUpdateInput, tx: Tx = client): Promise<void> {
  await tx.team.update({ where: { id }, data });
}

export async function groupChangeState(id: string, tx: Tx = client): Promise<{ updatedAt: Date; name: string } | null> {
  return tx.group.findUnique({ where: { id }, select: { updatedAt: true, name: true } });
}

export async function countTeamsInGroup(groupId: string, tx: Tx = client): Promise<number> {
  return tx.team.count({ where: { groupId } });
}

export async function countChildGroups(parentId: string, tx: Tx = client): Promise<number> {
  return tx.group.count({ where: { parentId } });
}

export async function deleteGroupById(id: string, tx: Tx = client): Promise<void> {
  await tx.group.delete({ where: { id } });
}

export async function restoreGroup(id: string, data: Prisma.GroupUncheckedUpdateInput, tx: Tx = client): Promise<void> {
  await tx.group.update({ where: { id }, data });
}

export async function metricDefinitionName(id: string, tx: Tx = client): Promise<{ name: string } | null> {
  return tx.metricDefinition.findUnique({ where: { id }, select: { name: true } });
}

export async function deleteMetricDefinitionById(id: string, tx: Tx = client): Promise<void> {
  await tx.metricDefinition.delete({ where: { id } });
}

/** How many rows went (0 when it was already gone). */
export async function deleteAiUsageById(id: string, tx: Tx = client): Promise<number> {
  return (await tx.aiUsage.deleteMany({ where: { id } })).count;
}

export async function restoreAiUsage(id: string, data: Prisma.AiUsageUncheckedUpdateInput, tx: Tx = client): Promise<void> {
  await tx.aiUsage.update({ where: { id }, data });
}

/** How many rows went (0 when it was already gone). */
export async function deleteLearningRecordById(id: string, tx: Tx = client): Promise<number> {
  return (await tx.learningRecord.deleteMany({ where: { id } })).count;
}

export async function restoreLearningRecord(id: string, data: Prisma.LearningRecordUncheckedUpdateInput, tx: Tx = client): Promise<void> {
  await tx.learningRecord.update({ where: { id }, data });
}

/** A people record by employee id, with how many skill entries it has. */
export async function personChangeState(employeeId: string, tx: Tx = client) {
  return tx.person.findUnique({ where: { employeeId }, select: { id: true, updatedAt: true, _count: { select: { skills: true } } } });
}

export async function deletePersonById(id: string, tx: Tx = client): Promise<void> {
  await tx.person.delete({ where: { id } });
}
