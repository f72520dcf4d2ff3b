import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseDay } from "@/lib/domain/time";
import { client, type Tx } from "@/lib/server/data/runner";

/** The experiment log. */

export const EXPERIMENT_SELECT = {
  id: true, title: true, hypothesis: true, owner: true, startDate: true, endDate: true, expectations: true, outcome: true, notes: true,
  teams: { select: { team: { select: { id: true, name: true } } } },
} satisfies Prisma.ExperimentSelect;
export type ExperimentRow = Prisma.ExperimentGetPayload<{ select: typeof EXPERIMENT_SELECT }>;

export interface ExperimentData {
  title: string;
  hypothesis: string;
  owner: string;
  startDate: Date;
  endDate: Date | null;
  expectations: Prisma.InputJsonValue;
  outcome: string | null | undefined;
  notes: string | null | undefined;
}

/** Experiments (all, or those touching one of the teams), newest first. */
export async function listExperimentRows(teamIds: string[] | undefined, tx: Tx = client): Promise<ExperimentRow[]> {
  return tx.experiment.findMany({
    where: teamIds ? { teams: { some: { teamId: { in: teamIds } } } } : {},
    select: EXPERIMENT_SELECT,
    orderBy: [{ startDate: "desc" }, { title: "asc" }],
  });
}

export async function experimentById(id: string, tx: Tx = client): Promise<ExperimentRow | null> {
  return tx.experiment.findUnique({ where: { id }, select: EXPERIMENT_SELECT });
}

export async function insertExperiment(data: ExperimentData, createdById: string, teamIds: string[], tx: Tx = client): Promise<ExperimentRow> {
  return tx.experiment.create({
    data: { ...data, createdById, teams: { create: teamIds.map((teamId) => ({ teamId })) } },
    select: EXPERIMENT_SELECT,
  });
}

/** Replaces an experiment's fields and teams. */
export async function replaceExperiment(id: string, data: ExperimentData, teamIds: string[], tx: Tx = client): Promise<ExperimentRow> {
  await tx.experimentTeam.deleteMany({ where: { experimentId: id } });
  return tx.experiment.update({
    where: { id },
    data: { ...data, teams: { create: teamIds.map((teamId) => ({ teamId })) } },
    select: EXPERIMENT_SELECT,
  });
}

export async function deleteExperimentRow(id: string, tx: Tx = client): Promise<void> {
  await tx.experiment.delete({ where: { id } });
}

/** Start and end of every experiment of a team. */
export async function experimentSpansOfTeam(teamId: string, tx: Tx = client): Promise<{ startDate: Date; endDate: Date | null }[]> {
  return tx.experiment.findMany({ where: { teams: { some: { teamId } } }, select: { startDate: true, endDate: true } });
}

/** Titles and spans of the experiments (all, or touching one of the teams), oldest first. */
export async function experimentSpans(teamIds: string[] | undefined, tx: Tx = client): Promise<{ title: string; startDate: Date; endDate: Date | null }[]> {
  return tx.experiment.findMany({
    where: teamIds ? { teams: { some: { teamId: { in: teamIds } } } } : {},
    select: { title: true, startDate: true, endDate: true },
    orderBy: { startDate: "asc" },
  });
}

/** The definitions of the metrics an experiment expects to move. */
export async function expectedMetrics(keys: string[], tx: Tx = client) {
  return tx.metricDefinition.findMany({
    where: { key: { in: keys } },
    select: { id: true, key: true, name: true, unit: true, howComputed: true, sensitivity: true, direction: true },
  });
}

/** Every live team's values of a metric between two weeks. */
export async function liveTeamValuesBetween(metricId: string, fromWeek: string, toWeek: string, tx: Tx = client) {
  return tx.metricValue.findMany({
    where: { metricId, weekStart: { gte: parseDay(fromWeek), lte: parseDay(toWeek) }, team: { archivedAt: null } },
    select: { teamId: true, weekStart: true, value: true, denominator: true },
  });
}
