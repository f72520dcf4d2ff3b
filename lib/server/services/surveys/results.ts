import "server-only";
import type { WithholdReason } from "@/lib/domain/anonymity";
import { ENGAGEMENT_EXPLANATIONS } from "@/lib/engagement/explanations";
import type { Answers, SurveyResponse } from "@/lib/engagement/items";
import { ancestorChains, getOrgSettings, listGroups } from "@/lib/server/data/org";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import type { ResultsQuery, StoredItem } from "@/lib/validation/surveys";
import { getRun, type RunDetail } from "./runs";
import { scoreUnit, withOrgComparison, type IndexScore, type UnitScores } from "./unit-score";
import { decideSliceVisibility, decideVisibility, type UnitSpec } from "./visibility";

/**
 * A run's results for the organisation, every group and every team at once, plus an optional filtered
 * slice. Anonymity is decided before any number is computed: a withheld group carries a message and no
 * numbers at all (no score, distribution, comment, respondent or participation count).
 */

export type UnitType = "org" | "group" | "team" | "filter";

interface UnitBase {
  key: string;
  type: UnitType;
  id: string | null;
  name: string;
}

export interface ResultComment {
  id: string;
  itemId: string;
  text: string;
  hidden: boolean;
}

export type ShownUnit = UnitBase & UnitScores & { shown: true; comments: ResultComment[] };
export type WithheldUnit = UnitBase & { shown: false; reason: WithholdReason; message: string };
export type UnitResult = ShownUnit | WithheldUnit;

export interface TrendEntry {
  runId: string;
  title: string;
  closesOn: string;
  shown: boolean;
  message?: string;
  participation?: number | null;
  indexes?: { key: string; score: number | null }[];
}

export interface RunResults {
  run: Omit<RunDetail, "teams" | "items"> & { teams: { id: string; name: string; location: string; sourcing: string }[] };
  threshold: number;
  items: StoredItem[];
  explanations: { participation: string; percentFavourable: string; distribution: string; anonymity: string; teamScore: string };
  org: UnitResult;
  groups: UnitResult[];
  teams: UnitResult[];
  filter: UnitResult | null;
  /** The same survey's runs up to this one, for the filtered slice when given, else the organisation. */
  trend: TrendEntry[];
}

export interface ResultsViewer {
  /** Admins see hidden comments (marked) so they can restore them. */
  canModerateComments: boolean;
}

type Filter = Pick<ResultsQuery, "team" | "group" | "location" | "sourcing">;

export function withheldMessage(reason: WithholdReason, threshold: number): string {
  return reason === "too-few"
    ? `Fewer than ${threshold} responses — hidden to protect anonymity.`
    : `Hidden to protect anonymity: together with the other results shown, it would reveal the answers of fewer than ${threshold} people.`;
}

function hasFilter(f: Filter): boolean {
  return Boolean(f.team || f.group || f.location || f.sourcing);
}

async function loadRun(runId: string, now: Date) {
  const [run, responses, comments] = await Promise.all([
    getRun(runId, now),
    db.surveyResponse.findMany({ where: { runId }, select: { id: true, teamId: true, answers: true }, orderBy: { id: "asc" } }),
    db.surveyComment.findMany({ where: { runId }, select: { id: true, teamId: true, itemId: true, text: true, hidden: true }, orderBy: { id: "asc" } }),
  ]);
  return { run, responses, comments };
}

interface Core {
  run: RunDetail;
  org: UnitResult;
  groups: UnitResult[];
  teams: UnitResult[];
  filter: UnitResult | null;
}

async function computeRun(runId: string, filter: Filter, viewer: ResultsViewer, threshold: number, now: Date): Promise<Core> {
  const { run, responses, comments } = await loadRun(runId, now);
  const chains = ancestorChains(await listGroups());
  const groupNames = new Map((await listGroups()).map((g) => [g.id, g.name]));
  const teamIds = run.teams.map((t) => t.id);

  const byTeam = new Map<string, SurveyResponse[]>();
  for (const r of responses) {
    const list = byTeam.get(r.teamId) ?? [];
    list.push({ respondentId: r.id, answers: r.answers as Answers });
    byTeam.set(r.teamId, list);
  }
  const respondentsByTeam = new Map([...byTeam].map(([t, list]) => [t, list.length]));
  const invitedByTeam = new Map(run.teams.map((t) => [t.id, t.invited]));

  const orgSpec: UnitSpec & UnitBase = { key: "org", type: "org", id: null, name: "Whole organisation", teamIds };
  const groupIds = [...new Set(run.teams.flatMap((t) => chains.get(t.groupId) ?? []))];
  const groupSpecs = groupIds
    .map((g): UnitSpec & UnitBase => ({
      key: `group:${g}`, type: "group", id: g, name: groupNames.get(g) ?? g,
      teamIds: run.teams.filter((t) => chains.get(t.groupId)?.includes(g)).map((t) => t.id),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const teamSpecs = run.teams.map((t): UnitSpec & UnitBase => ({ key: `team:${t.id}`, type: "team", id: t.id, name: t.name, teamIds: [t.id] }));
  const units = [orgSpec, ...groupSpecs, ...teamSpecs];
  const verdicts = decideVisibility(units, respondentsByTeam, threshold);

  const build = (spec: UnitSpec & UnitBase, shown: boolean, reason: WithholdReason | null, org: UnitScores | null): UnitResult => {
    const base = { key: spec.key, type: spec.type, id: spec.id, name: spec.name };
    if (!shown) return { ...base, shown: false, reason: reason ?? "too-few", message: withheldMessage(reason ?? "too-few", threshold) };
    const members = new Set(spec.teamIds);
    const rs = spec.teamIds.flatMap((t) => byTeam.get(t) ?? []);
    const invited = spec.teamIds.reduce((n, t) => n + (invitedByTeam.get(t) ?? 0), 0);
    const scores = scoreUnit(run.items, rs, invited);
    const unitComments = comments
      .filter((c) => members.has(c.teamId) && (viewer.canModerateComments || !c.hidden))
      .map((c) => ({ id: c.id, itemId: c.itemId, text: c.text, hidden: c.hidden }));
    return { ...base, shown: true, ...(org ? withOrgComparison(scores, org) : scores), comments: unitComments };
  };

  const orgVerdict = verdicts.get("org");
  const org = build(orgSpec, orgVerdict?.shown ?? false, orgVerdict?.reason ?? null, null);
  const orgScores = org.shown ? org : null;
  const of = (spec: UnitSpec & UnitBase) => {
    const v = verdicts.get(spec.key);
    return build(spec, v?.shown ?? false, v?.reason ?? null, orgScores);
  };

  let sliceResult: UnitResult | null = null;
  if (hasFilter(filter)) {
    const sliceTeams = run.teams.filter(
      (t) =>
        (!filter.team || t.id === filter.team) &&
        (!filter.group || chains.get(t.groupId)?.includes(filter.group)) &&
        (!filter.location || t.location === filter.location) &&
        (!filter.sourcing || t.sourcing === filter.sourcing),
    );
    const label = [
      filter.team ? `Team: ${run.teams.find((t) => t.id === filter.team)?.name ?? "not in this run"}` : null,
      filter.group ? `Group: ${groupNames.get(filter.group) ?? "unknown"}` : null,
      filter.location ? `Location: ${filter.location}` : null,
      filter.sourcing ? `Sourcing: ${filter.sourcing.toLowerCase()}` : null,
    ].filter(Boolean).join(" · ");
    const slice: UnitSpec & UnitBase = { key: "filter", type: "filter", id: null, name: label, teamIds: sliceTeams.map((t) => t.id) };
    const v = decideSliceVisibility(slice, units, verdicts, respondentsByTeam, threshold);
    sliceResult = build(slice, v.shown, v.reason, orgScores);
  }

  return { run, org, groups: groupSpecs.map(of), teams: teamSpecs.map(of), filter: sliceResult };
}

function trendEntry(core: Core, focus: UnitResult | null): TrendEntry {
  const base = { runId: core.run.id, title: core.run.title, closesOn: core.run.closesOn };
  if (!focus || !focus.shown) return { ...base, shown: false, message: focus && !focus.shown ? focus.message : undefined };
  return { ...base, shown: true, participation: focus.participation, indexes: focus.indexes.map((i: IndexScore) => ({ key: i.key, score: i.score })) };
}

const TREND_RUNS = 12;

export async function getRunResults(runId: string, filter: Filter, viewer: ResultsViewer, now = new Date()): Promise<RunResults> {
  const exists = await db.surveyRun.findUnique({ where: { id: runId }, select: { surveyId: true, opensOn: true } });
  if (!exists) throw notFound("Survey run");
  const threshold = (await getOrgSettings()).anonymityThreshold;
  const core = await computeRun(runId, filter, viewer, threshold, now);

  const earlier = await db.surveyRun.findMany({
    where: { surveyId: exists.surveyId, opensOn: { lt: exists.opensOn } },
    select: { id: true },
    orderBy: { opensOn: "desc" },
    take: TREND_RUNS - 1,
  });
  const trend: TrendEntry[] = [];
  for (const r of earlier.reverse()) {
    const c = await computeRun(r.id, filter, viewer, threshold, now);
    trend.push(trendEntry(c, hasFilter(filter) ? c.filter : c.org));
  }
  trend.push(trendEntry(core, hasFilter(filter) ? core.filter : core.org));

  const { teams, items, ...runInfo } = core.run;
  return {
    run: { ...runInfo, teams: teams.map((t) => ({ id: t.id, name: t.name, location: t.location, sourcing: t.sourcing })) },
    threshold,
    items,
    explanations: {
      participation: ENGAGEMENT_EXPLANATIONS.participation,
      percentFavourable: ENGAGEMENT_EXPLANATIONS.percent_favourable,
      distribution: ENGAGEMENT_EXPLANATIONS.distribution,
      anonymity: ENGAGEMENT_EXPLANATIONS.anonymity,
      teamScore: ENGAGEMENT_EXPLANATIONS.team_score,
    },
    org: core.org,
    groups: core.groups,
    teams: core.teams,
    filter: core.filter,
    trend,
  };
}
