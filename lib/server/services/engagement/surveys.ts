import "server-only";
import { SURVEY_TEMPLATES } from "@/lib/engagement/templates";
import type { RunSummary, SurveyDetail, SurveySummary, TemplateSummary } from "@/lib/engagement/api-types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { activeSurveyById, insertSurvey, listActiveSurveys } from "@/lib/server/data/engagement/surveys";
import { inTransaction } from "@/lib/server/data/runner";
import { notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import type { CreateSurveyInput, StoredItem } from "@/lib/validation/surveys";
import { composeItems, indexesOf, readItems } from "@/lib/engagement/compose";
import { runState } from "@/lib/engagement/dates";
import { todayInOrg } from "./runs";

/** Surveys: composing one from templates and own items, listing them with their runs. */

export function listTemplates(): TemplateSummary[] {
  return SURVEY_TEMPLATES.map((t) => ({ key: t.key, name: t.name, source: t.source, items: composeItems({ templates: [t.key as CreateSurveyInput["templates"][number]], items: [], excludeItems: [] }) }));
}

function runSummary(r: { id: string; title: string; opensOn: Date; closesOn: Date; repeat: string; _count: { teams: number } }, today: string): RunSummary {
  const opensOn = r.opensOn.toISOString().slice(0, 10);
  const closesOn = r.closesOn.toISOString().slice(0, 10);
  return { id: r.id, title: r.title, opensOn, closesOn, repeat: r.repeat, state: runState(opensOn, closesOn, today), teams: r._count.teams };
}

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
  const rows = await listActiveSurveys();
  return rows.map((s) => surveySummary(s, readItems(s.items), today));
}

export async function getSurvey(id: string, now = new Date()): Promise<SurveyDetail> {
  const today = await todayInOrg(now);
  const s = await activeSurveyById(id);
  if (!s) throw notFound("Survey");
  const items = readItems(s.items);
  return { ...surveySummary(s, items, today), items };
}

export async function createSurvey(actor: Actor, input: CreateSurveyInput): Promise<{ id: string; items: StoredItem[] }> {
  const items = composeItems(input);
  return inTransaction(async (tx) => {
    const survey = await insertSurvey({ title: input.title, description: input.description || null, items: items as unknown as Prisma.InputJsonValue, createdById: actor.userId }, tx);
    await recordAudit(actor, { action: "create", entityType: "Survey", entityId: survey.id, summary: `Created survey "${input.title}"`, after: { title: input.title, items: items.map((i) => i.id) } }, tx);
    return { id: survey.id, items };
  });
}
