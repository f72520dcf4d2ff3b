import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/** Surveys (the composed questionnaires) and the summary of their runs. */

const runSelect = { id: true, title: true, opensOn: true, closesOn: true, repeat: true, _count: { select: { teams: true } } } as const;
const surveySelect = { id: true, title: true, description: true, items: true, createdAt: true, runs: { select: runSelect, orderBy: { opensOn: "desc" } } } as const;

export interface SurveyRunRow {
  id: string;
  title: string;
  opensOn: Date;
  closesOn: Date;
  repeat: string;
  _count: { teams: number };
}

export interface SurveyRow {
  id: string;
  title: string;
  description: string | null;
  items: Prisma.JsonValue;
  createdAt: Date;
  runs: SurveyRunRow[];
}

/** Surveys not archived, newest first, with their runs (latest opening first). */
export async function listActiveSurveys(tx: Tx = client): Promise<SurveyRow[]> {
  return tx.survey.findMany({ where: { archivedAt: null }, select: surveySelect, orderBy: { createdAt: "desc" } });
}

/** One survey not archived, with its runs; null when there is none. */
export async function activeSurveyById(id: string, tx: Tx = client): Promise<SurveyRow | null> {
  return tx.survey.findFirst({ where: { id, archivedAt: null }, select: surveySelect });
}

/** A survey's id and title when it exists and is not archived. */
export async function activeSurveyTitle(id: string, tx: Tx = client): Promise<{ id: string; title: string } | null> {
  return tx.survey.findFirst({ where: { id, archivedAt: null }, select: { id: true, title: true } });
}

export async function insertSurvey(
  data: { title: string; description: string | null; items: Prisma.InputJsonValue; createdById: string | null },
  tx: Tx = client,
): Promise<{ id: string }> {
  return tx.survey.create({ data, select: { id: true } });
}
