import "server-only";
import { formatQuantity } from "@/lib/format";
import { formatDay, localDate } from "@/lib/domain/time";
import type { RunDetail } from "@/lib/engagement/api-types";
import { getOrgSettings, listTeams, teamIdsInScope } from "@/lib/server/data/org";
import { groupNameById, insertRun, runDetailById, runIdOpeningOn, updateRunDates } from "@/lib/server/data/engagement/runs";
import { activeSurveyTitle } from "@/lib/server/data/engagement/surveys";
import { inTransaction } from "@/lib/server/data/runner";
import { badRequest, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import { REPEATS, type CreateRunInput, type Repeat } from "@/lib/validation/surveys";
import { readItems } from "@/lib/engagement/compose";
import { closedDates, nextRunDates, runState } from "@/lib/engagement/dates";
import { publishRunResults } from "./publish";

/**
 * Survey runs (campaigns): which teams, when open, whether they repeat. A repeating run creates its
 * successor when it is closed here ("Close now") or with "Create next run"; a run that simply reaches its
 * closing day waits for one of those actions (there is no scheduler).
 */

export async function todayInOrg(now: Date): Promise<string> {
  return localDate(now, (await getOrgSettings()).timeZone);
}

function asRepeat(value: string): Repeat {
  return (REPEATS as readonly string[]).includes(value) ? (value as Repeat) : "none";
}

/** Teams chosen directly plus every active team of the chosen groups (sub-groups included). */
async function expandTeams(teamIds: readonly string[], groupIds: readonly string[]): Promise<string[]> {
  const active = new Set((await listTeams()).map((t) => t.id));
  const unknownTeams = teamIds.filter((t) => !active.has(t));
  if (unknownTeams.length) throw badRequest(`Unknown or archived team: ${unknownTeams.join(", ")}`);
  const out = new Set(teamIds);
  for (const id of groupIds) {
    const group = await groupNameById(id);
    if (!group) throw badRequest(`Unknown group: ${id}`);
    for (const t of await teamIdsInScope({ type: "GROUP", id: group.id, name: group.name })) out.add(t);
  }
  if (out.size === 0) throw badRequest("The chosen groups have no active teams.");
  return [...out];
}

export async function createRun(actor: Actor, surveyId: string, input: CreateRunInput): Promise<{ id: string; teamIds: string[] }> {
  const survey = await activeSurveyTitle(surveyId);
  if (!survey) throw notFound("Survey");
  const teamIds = await expandTeams(input.teamIds, input.groupIds);
  const title = input.title || `${survey.title} · ${input.opensOn}`;
  return inTransaction(async (tx) => {
    const run = await insertRun(
      {
        surveyId,
        title,
        opensOn: new Date(input.opensOn),
        closesOn: new Date(input.closesOn),
        repeat: input.repeat,
        createdById: actor.userId,
        teamIds,
      },
      tx,
    );
    await recordAudit(actor, { action: "create", entityType: "SurveyRun", entityId: run.id, summary: `Opened run "${title}" for ${formatQuantity(teamIds.length, "team")}`, after: { ...input, teamIds } }, tx);
    return { id: run.id, teamIds };
  });
}

export async function getRun(runId: string, now = new Date()): Promise<RunDetail> {
  const run = await runDetailById(runId);
  if (!run) throw notFound("Survey run");
  const opensOn = formatDay(run.opensOn);
  const closesOn = formatDay(run.closesOn);
  return {
    id: run.id,
    title: run.title,
    surveyId: run.survey.id,
    surveyTitle: run.survey.title,
    opensOn,
    closesOn,
    repeat: asRepeat(run.repeat),
    state: runState(opensOn, closesOn, await todayInOrg(now)),
    items: readItems(run.survey.items),
    teams: run.teams
      .map((t) => ({ ...t.team, sourcing: String(t.team.sourcing), invited: t.invited }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The successor of a repeating run: same survey and teams, dates one period later. */
export async function createNextRun(actor: Actor, runId: string): Promise<{ id: string }> {
  return openSuccessor(actor, await getRun(runId));
}

async function openSuccessor(actor: Actor, run: RunDetail): Promise<{ id: string }> {
  const dates = nextRunDates(run.opensOn, run.closesOn, run.repeat);
  if (!dates) throw badRequest("This run does not repeat.");
  const existing = await runIdOpeningOn(run.surveyId, new Date(dates.opensOn));
  if (existing) return existing;
  const title = run.title.includes(run.opensOn) ? run.title.replace(run.opensOn, dates.opensOn) : `${run.surveyTitle} · ${dates.opensOn}`;
  return createRun(actor, run.surveyId, { title, ...dates, repeat: run.repeat, teamIds: run.teams.map((t) => t.id), groupIds: [] });
}

/**
 * Ends a run now (its closing day becomes yesterday, so no link answers any more), publishes its final snapshot
 * (results and dashboard values), and opens the next run when it repeats.
 */
export async function closeRun(actor: Actor, runId: string, now = new Date()): Promise<{ nextRunId: string | null }> {
  const run = await getRun(runId, now);
  if (run.state !== "closed") {
    const dates = closedDates(run.opensOn, await todayInOrg(now));
    await inTransaction(async (tx) => {
      await updateRunDates(runId, { opensOn: new Date(dates.opensOn), closesOn: new Date(dates.closesOn) }, tx);
      await recordAudit(actor, { action: "update", entityType: "SurveyRun", entityId: runId, summary: `Closed run "${run.title}"`, before: { closesOn: run.closesOn }, after: dates }, tx);
    });
  }
  await publishRunResults(actor, runId, now);
  if (run.repeat === "none") return { nextRunId: null };
  // The successor follows the planned dates, not the early close.
  return { nextRunId: (await openSuccessor(actor, run)).id };
}
