import "server-only";
import { SURVEY_TEMPLATES } from "@/lib/engagement/templates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import type { CreateSurveyInput, StoredItem } from "@/lib/validation/surveys";
import { composeItems, indexesOf, readItems } from "./compose";
import { runState, type RunState } from "./dates";
import { todayInOrg } from "./runs";

/** Surveys: composing one from templates and own items, listing them with their runs. */

export interface TemplateSummary {
  key: string;
  name: string;
  source: string;
  items: StoredItem[];
}

export function listTemplates(): TemplateSummary[] {
  return SURVEY_TEMPLATES.map((t) => ({ key: t.key, name: t.name, source: t.source, items: composeItems({ templates: [t.key as CreateSurveyInput["templates"][number]], items: [], excludeItems: [] }) }));
}

export interface RunSummary {
  id: string;
  title: string;
  opensOn: string;
  closesOn: string;
  repeat: string;
  state: RunState;
  teams: number;
}

export interface SurveySummary {
  id: string;
  title: string;
  description: string | null;
  itemCount: number;
  indexes: string[];
  createdAt: string;
  runs: RunSummary[];
}

export interface SurveyDetail extends SurveySummary {
  items: StoredItem[];
}

const runSelect = { id: true, title: true, opensOn: true, closesOn: true, repeat: true, _count: { select: { teams: true } } } as const;

function runSummary(r: { id: string; title: string; opensOn: Date; closesOn: Date; repeat: string; _count: { teams: number } }, today: string): RunSummary {
  const opensOn = r.opensOn.toISOString().slice(0, 10);
  const closesOn = r.closesOn.toISOString().slice(0, 10);
  return { id: r.id, title: r.title, opensOn, closesOn, repeat: r.repeat, state: runState(opensOn, closesOn, today), teams: r._count.teams };
}

const surveySelect = { id: true, title: true, description: true, items: true, createdAt: true, runs: { select: runSelect, orderBy: { opensOn: "desc" } } } as const;

interface SurveyRow {
  id: string;
  title: string;
  description: string | null;
  createdAt: Date;
  runs: Parameters<typeof runSummary>[0][];
}

function surveySummary(s: SurveyRow, items: StoredItem[], today: string): SurveySummary {
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    itemCount: items.length,
    indexes: indexesOf(items),
    createdAt: s.createdAt.toISOString(),
    runs: s.runs.map((r) => runSummary(r, today)),
  };
}

export async function listSurveys(now = new Date()): Promise<SurveySummary[]> {
  const today = await todayInOrg(now);
  const rows = await db.survey.findMany({
    where: { archivedAt: null },
    select: surveySelect,
    orderBy: { createdAt: "desc" },
  });
  return rows.map((s) => surveySummary(s, readItems(s.items), today));
}

export async function getSurvey(id: string, now = new Date()): Promise<SurveyDetail> {
  const today = await todayInOrg(now);
  const s = await db.survey.findFirst({
    where: { id, archivedAt: null },
    select: surveySelect,
  });
  if (!s) throw notFound("Survey");
  const items = readItems(s.items);
  return { ...surveySummary(s, items, today), items };
}

export async function createSurvey(actor: Actor, input: CreateSurveyInput): Promise<{ id: string; items: StoredItem[] }> {
  const items = composeItems(input);
  return db.$transaction(async (tx) => {
    const survey = await tx.survey.create({
      data: { title: input.title, description: input.description || null, items: items as unknown as Prisma.InputJsonValue, createdById: actor.userId },
      select: { id: true },
    });
    await recordAudit(actor, { action: "create", entityType: "Survey", entityId: survey.id, summary: `Created survey "${input.title}"`, after: { title: input.title, items: items.map((i) => i.id) } }, tx);
    return { id: survey.id, items };
  });
}
