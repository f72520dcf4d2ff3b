import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatDay, mondayOf, parseDay, weeksBetween } from "@/lib/domain/time";
import type { ExperimentView } from "@/lib/skills/api-types";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { resolveScope, teamIdsInScope } from "@/lib/server/data/org";
import { inTransaction } from "@/lib/server/data/runner";
import { countTeamsWithIds, liveMetricChoices, liveTeams, metricKeysIn } from "@/lib/server/data/skills/catalog";
import {
  deleteExperimentRow, experimentById, experimentSpans, experimentSpansOfTeam, insertExperiment, listExperimentRows, replaceExperiment,
  type ExperimentRow,
} from "@/lib/server/data/skills/experiments";
import { badRequest, forbidden, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { editExperiment, experimentTeamIds, logExperiments } from "@/lib/server/permissions";
import { recordAudit } from "@/lib/server/services/audit";
import type { ExperimentInput } from "@/lib/validation/skills";
import { currentWeek, writeComputedValues, type TeamWeeks } from "./computed-values";
import { experimentsActiveValues } from "@/lib/skills/weekly-values";

/**
 * The experiment log. Admins and leaders log and edit any experiment; managers only experiments
 * whose teams are all teams they manage (before and after the edit). Every change recomputes the
 * experiments_active metric of the teams and weeks it touches.
 */
type Row = ExperimentRow;

export function canEditExperiment(user: SessionUser, teamIds: readonly string[]): boolean {
  return editExperiment(user, teamIds);
}

function expectationsOf(json: Prisma.JsonValue): ExperimentView["expectations"] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((e) => {
    const o = e as { metricKey?: unknown; direction?: unknown };
    return typeof o.metricKey === "string" && (o.direction === "up" || o.direction === "down") ? [{ metricKey: o.metricKey, direction: o.direction }] : [];
  });
}

function view(row: Row, user: SessionUser | null, today: string): ExperimentView {
  const teams = row.teams.map((t) => t.team).sort((a, b) => a.name.localeCompare(b.name));
  const start = formatDay(row.startDate);
  const end = row.endDate ? formatDay(row.endDate) : null;
  return {
    id: row.id, title: row.title, hypothesis: row.hypothesis, owner: row.owner, startDate: start, endDate: end,
    expectations: expectationsOf(row.expectations), outcome: row.outcome, notes: row.notes, teams,
    status: start > today ? "planned" : end !== null && end < today ? "concluded" : "running",
    canEdit: user ? canEditExperiment(user, teams.map((t) => t.id)) : false,
  };
}

export async function listExperiments(user: SessionUser | null, filter: { teamIds?: string[] } = {}, now = new Date()): Promise<ExperimentView[]> {
  const rows = await listExperimentRows(filter.teamIds);
  const t = formatDay(now);
  return rows.map((r) => view(r, user, t));
}

export async function getExperiment(id: string, user: SessionUser | null, now = new Date()): Promise<ExperimentView> {
  const row = await experimentById(id);
  if (!row) throw notFound("Experiment");
  return view(row, user, formatDay(now));
}

async function checkInput(input: ExperimentInput, user: SessionUser): Promise<void> {
  if (!canEditExperiment(user, input.teamIds)) throw forbidden("Managers can log experiments only for the teams they manage.");
  const [teams, metrics] = await Promise.all([
    countTeamsWithIds(input.teamIds),
    metricKeysIn(input.expectations.map((e) => e.metricKey)),
  ]);
  if (teams !== new Set(input.teamIds).size) throw badRequest("teamIds: a team does not exist.");
  const unknown = input.expectations.filter((e) => !metrics.some((m) => m.key === e.metricKey));
  if (unknown.length) throw badRequest(`expectations: unknown metric ${unknown.map((u) => u.metricKey).join(", ")}.`);
}

const dataOf = (input: ExperimentInput) => ({
  title: input.title, hypothesis: input.hypothesis, owner: input.owner, startDate: parseDay(input.startDate),
  endDate: input.endDate ? parseDay(input.endDate) : null, expectations: input.expectations, outcome: input.outcome, notes: input.notes,
});

export async function createExperiment(input: ExperimentInput, user: SessionUser, actor: Actor, now = new Date()): Promise<ExperimentView> {
  await checkInput(input, user);
  const row = await inTransaction(async (tx) => {
    const created = await insertExperiment(dataOf(input), user.id, [...new Set(input.teamIds)], tx);
    await recordAudit(actor, { action: "create", entityType: "Experiment", entityId: created.id, summary: created.title, after: input }, tx);
    return created;
  });
  await recomputeExperimentsActive(input.teamIds, [{ start: input.startDate, end: input.endDate }]);
  return view(row, user, formatDay(now));
}

export async function updateExperiment(id: string, input: ExperimentInput, user: SessionUser, actor: Actor, now = new Date()): Promise<ExperimentView> {
  const before = await getExperiment(id, user);
  if (!before.canEdit) throw forbidden("Managers can edit experiments only when all of its teams are theirs.");
  await checkInput(input, user);
  const row = await inTransaction(async (tx) => {
    const updated = await replaceExperiment(id, dataOf(input), [...new Set(input.teamIds)], tx);
    await recordAudit(actor, { action: "update", entityType: "Experiment", entityId: id, summary: updated.title, before, after: input }, tx);
    return updated;
  });
  await recomputeExperimentsActive(
    [...new Set([...before.teams.map((t) => t.id), ...input.teamIds])],
    [{ start: before.startDate, end: before.endDate }, { start: input.startDate, end: input.endDate }],
  );
  return view(row, user, formatDay(now));
}

export async function deleteExperiment(id: string, user: SessionUser, actor: Actor): Promise<void> {
  const before = await getExperiment(id, user);
  if (!before.canEdit) throw forbidden("Managers can delete experiments only when all of its teams are theirs.");
  await inTransaction(async (tx) => {
    await deleteExperimentRow(id, tx);
    await recordAudit(actor, { action: "delete", entityType: "Experiment", entityId: id, summary: before.title, before }, tx);
  });
  await recomputeExperimentsActive(before.teams.map((t) => t.id), [{ start: before.startDate, end: before.endDate }]);
}

/** Rewrites experiments_active for the teams over the weeks the spans cover (up to this week). */
async function recomputeExperimentsActive(teamIds: readonly string[], spans: { start: string; end: string | null }[]): Promise<void> {
  const thisWeek = await currentWeek();
  const from = mondayOf(spans.map((s) => s.start).sort()[0]);
  const ends = spans.map((s) => (s.end === null ? thisWeek : mondayOf(s.end)));
  const lastEnd = ends.sort().at(-1) as string;
  const to = lastEnd > thisWeek ? thisWeek : lastEnd;
  if (from > to) return;
  const weeks = weeksBetween(from, to);
  const work: TeamWeeks[] = [];
  for (const teamId of teamIds) {
    const exps = await experimentSpansOfTeam(teamId);
    const spansOfTeam = exps.map((e) => ({ startDate: formatDay(e.startDate), endDate: e.endDate ? formatDay(e.endDate) : null }));
    work.push({ teamId, keys: ["experiments_active"], weeks, values: experimentsActiveValues(spansOfTeam, weeks) });
  }
  await writeComputedValues(work);
}

export interface ChartMarkerView {
  date: string;
  label: string;
}

/** Start (and end, once reached) markers of the experiments touching any team in the scope. */
export async function experimentMarkers(scopeParam: string, now = new Date()): Promise<ChartMarkerView[]> {
  const scope = await resolveScope(scopeParam);
  const teamIds = scope.type === "ORG" ? undefined : await teamIdsInScope(scope);
  const rows = await experimentSpans(teamIds);
  const t = formatDay(now);
  return rows.flatMap((r) => {
    const out: ChartMarkerView[] = [{ date: formatDay(r.startDate), label: `▶ ${r.title}` }];
    if (r.endDate && formatDay(r.endDate) <= t) out.push({ date: formatDay(r.endDate), label: `■ ${r.title}` });
    return out;
  });
}

/** Choices for the experiment form: the teams the user may log for, and every metric that can be expected to move. */
export async function experimentFormOptions(user: SessionUser) {
  const only = experimentTeamIds(user);
  const [teams, metrics] = await Promise.all([
    liveTeams(only ?? null),
    liveMetricChoices(),
  ]);
  return {
    canLog: logExperiments(user) && teams.length > 0,
    teams: teams.map((t) => ({ value: t.id, label: t.name })),
    metrics: metrics.map((m) => ({ value: m.key, label: m.name })),
  };
}
