import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/** Survey runs (campaigns): their teams, dates and repetition. */

export async function groupNameById(id: string, tx: Tx = client): Promise<{ id: string; name: string } | null> {
  return tx.group.findUnique({ where: { id }, select: { id: true, name: true } });
}

export interface NewRun {
  surveyId: string;
  title: string;
  opensOn: Date;
  closesOn: Date;
  repeat: string;
  createdById: string | null;
  teamIds: readonly string[];
}

/** A run with one row per team (invited 0). */
export async function insertRun(run: NewRun, tx: Tx = client): Promise<{ id: string }> {
  const { teamIds, ...data } = run;
  return tx.surveyRun.create({
    data: { ...data, teams: { create: teamIds.map((teamId) => ({ teamId })) } },
    select: { id: true },
  });
}

export interface RunDetailRow {
  id: string;
  title: string;
  opensOn: Date;
  closesOn: Date;
  repeat: string;
  survey: { id: string; title: string; items: Prisma.JsonValue };
  teams: { invited: number; team: { id: string; name: string; groupId: string; location: string; sourcing: string } }[];
}

export async function runDetailById(runId: string, tx: Tx = client): Promise<RunDetailRow | null> {
  return tx.surveyRun.findUnique({
    where: { id: runId },
    select: {
      id: true, title: true, opensOn: true, closesOn: true, repeat: true,
      survey: { select: { id: true, title: true, items: true } },
      teams: { select: { invited: true, team: { select: { id: true, name: true, groupId: true, location: true, sourcing: true } } } },
    },
  });
}

/** The survey's run opening on that day, if any. */
export async function runIdOpeningOn(surveyId: string, opensOn: Date, tx: Tx = client): Promise<{ id: string } | null> {
  return tx.surveyRun.findFirst({ where: { surveyId, opensOn }, select: { id: true } });
}

export async function updateRunDates(runId: string, dates: { opensOn: Date; closesOn: Date }, tx: Tx = client): Promise<void> {
  await tx.surveyRun.update({ where: { id: runId }, data: { opensOn: dates.opensOn, closesOn: dates.closesOn } });
}

export async function runClosingDay(runId: string, tx: Tx = client): Promise<{ closesOn: Date } | null> {
  return tx.surveyRun.findUnique({ where: { id: runId }, select: { closesOn: true } });
}

export async function runSurveyAndOpening(runId: string, tx: Tx = client): Promise<{ surveyId: string; opensOn: Date } | null> {
  return tx.surveyRun.findUnique({ where: { id: runId }, select: { surveyId: true, opensOn: true } });
}

/** The survey's runs that opened before `opensOn`, latest first, at most `take`. */
export async function earlierRunIds(surveyId: string, opensOn: Date, take: number, tx: Tx = client): Promise<{ id: string }[]> {
  return tx.surveyRun.findMany({
    where: { surveyId, opensOn: { lt: opensOn } },
    select: { id: true },
    orderBy: { opensOn: "desc" },
    take,
  });
}
