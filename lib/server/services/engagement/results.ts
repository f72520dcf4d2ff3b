import "server-only";
import type { SnapshotRelease } from "@/lib/disclosure/snapshots";
import type { WithheldReason } from "@/lib/disclosure/reasons";
import { formatDay } from "@/lib/domain/time";
import { ENGAGEMENT_EXPLANATIONS } from "@/lib/engagement/explanations";
import type { IndexScore, RunDetail, RunResults, SnapshotInfo, TrendEntry, UnitBase, UnitResult, UnitScores } from "@/lib/engagement/api-types";
import type { Answers, SurveyResponse } from "@/lib/engagement/items";
import { ancestorChains, listGroups } from "@/lib/server/data/org";
import { answeredByTeam as answeredRows, publishedComments, publishedResponses, runSnapshotDates } from "@/lib/server/data/engagement/responses";
import { earlierRunIds, runSurveyAndOpening } from "@/lib/server/data/engagement/runs";
import { disclosureOrg } from "@/lib/server/disclosure/org";
import { publishClosedRuns, runEpochs, surveyRelease } from "@/lib/server/disclosure/surveys";
import { notFound } from "@/lib/server/errors";
import type { ResultsQuery } from "@/lib/validation/surveys";
import { getRun } from "./runs";
import { scoreUnit, withOrgComparison } from "@/lib/engagement/unit-score";

/**
 * A run's results for the organisation, every group and every team at once, plus an optional filtered
 * slice — read only through the run's published snapshots (lib/server/disclosure/surveys.ts): each group is
 * shown as of the latest snapshot the disclosure policy releases it for, or withheld with a message and no
 * numbers at all (no score, distribution, comment, respondent or participation count). Between snapshots
 * nothing here changes; live progress (invited and answered per team) is all that moves.
 */

export interface ResultsViewer {
  /** Admins see hidden comments (marked) so they can restore them. */
  canModerateComments: boolean;
}

type Filter = Pick<ResultsQuery, "team" | "group" | "location" | "sourcing">;

export function withheldMessage(reason: WithheldReason, threshold: number): string {
  switch (reason) {
    case "too-few":
      return `Fewer than ${threshold} responses — hidden to protect anonymity.`;
    case "not-published":
      return "Results appear when the run closes, or when a leader publishes a snapshot.";
    default:
      return `Hidden to protect anonymity: together with the other results shown, it would reveal the answers of fewer than ${threshold} people.`;
  }
}

function hasFilter(f: Filter): boolean {
  return Boolean(f.team || f.group || f.location || f.sourcing);
}

interface Core {
  run: RunDetail;
  snapshot: SnapshotInfo | null;
  progress: RunResults["progress"];
  org: UnitResult;
  groups: UnitResult[];
  teams: UnitResult[];
  filter: UnitResult | null;
}

type Spec = UnitBase & { teamIds: readonly string[] };

async function computeRun(runId: string, filter: Filter, viewer: ResultsViewer, threshold: number, now: Date): Promise<Core> {
  const [run, epochsByRun, responses, comments, snapshots, answered, groups] = await Promise.all([
    getRun(runId, now),
    runEpochs([runId]),
    publishedResponses(runId),
    publishedComments(runId),
    runSnapshotDates(runId),
    answeredRows(runId),
    listGroups(),
  ]);
  const epochs = epochsByRun.get(runId) ?? [];
  const publishedOn = new Map(snapshots.map((s) => [s.epoch, formatDay(s.publishedOn)]));
  const latest = snapshots.at(-1);
  const chains = ancestorChains(groups);
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const invitedByTeam = new Map(run.teams.map((t) => [t.id, t.invited]));
  const answeredByTeam = new Map(answered.map((a) => [a.teamId, a.answered]));

  const orgSpec: Spec = { key: "org", type: "org", id: null, name: "Whole organisation", teamIds: run.teams.map((t) => t.id) };
  const groupIds = [...new Set(run.teams.flatMap((t) => chains.get(t.groupId) ?? []))];
  const groupSpecs = groupIds
    .map((g): Spec => ({ key: `group:${g}`, type: "group", id: g, name: groupNames.get(g) ?? g, teamIds: run.teams.filter((t) => chains.get(t.groupId)?.includes(g)).map((t) => t.id) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const teamSpecs = run.teams.map((t): Spec => ({ key: `team:${t.id}`, type: "team", id: t.id, name: t.name, teamIds: [t.id] }));

  const build = (spec: Spec, release: SnapshotRelease, org: UnitScores | null): UnitResult => {
    const base = { key: spec.key, type: spec.type, id: spec.id, name: spec.name };
    if (!release.released) return { ...base, shown: false, reason: release.reason, message: withheldMessage(release.reason, threshold) };
    const members = new Set(spec.teamIds);
    const asOf = release.asOfEpoch;
    const rs: SurveyResponse[] = responses
      .filter((r) => members.has(r.teamId) && (r.epoch ?? Infinity) <= asOf)
      .map((r) => ({ respondentId: r.id, answers: r.answers as Answers }));
    const invited = spec.teamIds.reduce((n, t) => n + (invitedByTeam.get(t) ?? 0), 0);
    const scores = scoreUnit(run.items, rs, invited);
    const unitComments = comments
      .filter((c) => members.has(c.teamId) && (c.epoch ?? Infinity) <= asOf && (viewer.canModerateComments || !c.hidden))
      .map((c) => ({ id: c.id, itemId: c.itemId, text: c.text, hidden: c.hidden }));
    return { ...base, shown: true, ...(org ? withOrgComparison(scores, org) : scores), comments: unitComments, asOf: { snapshot: asOf, publishedOn: publishedOn.get(asOf) ?? "" } };
  };

  const org = build(orgSpec, surveyRelease(orgSpec.teamIds, epochs), null);
  const orgScores = org.shown ? org : null;
  const of = (spec: Spec) => build(spec, surveyRelease(spec.teamIds, epochs), orgScores);

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
    sliceResult = of({ key: "filter", type: "filter", id: null, name: label, teamIds: sliceTeams.map((t) => t.id) });
  }

  return {
    run,
    snapshot: latest ? { snapshot: latest.epoch, publishedOn: formatDay(latest.publishedOn), final: latest.final } : null,
    progress: run.teams.map((t) => ({ teamId: t.id, name: t.name, invited: t.invited, answered: answeredByTeam.get(t.id) ?? 0 })),
    org,
    groups: groupSpecs.map(of),
    teams: teamSpecs.map(of),
    filter: sliceResult,
  };
}

function trendEntry(core: Core, focus: UnitResult | null): TrendEntry {
  const base = { runId: core.run.id, title: core.run.title, closesOn: core.run.closesOn };
  if (!focus || !focus.shown) return { ...base, shown: false, message: focus && !focus.shown ? focus.message : undefined };
  return { ...base, shown: true, participation: focus.participation, indexes: focus.indexes.map((i: IndexScore) => ({ key: i.key, score: i.score })) };
}

const TREND_RUNS = 12;

export async function getRunResults(runId: string, filter: Filter, viewer: ResultsViewer, now = new Date()): Promise<RunResults> {
  const exists = await runSurveyAndOpening(runId);
  if (!exists) throw notFound("Survey run");
  await publishClosedRuns(now);
  const { threshold } = await disclosureOrg();
  const core = await computeRun(runId, filter, viewer, threshold, now);

  const earlier = await earlierRunIds(exists.surveyId, exists.opensOn, TREND_RUNS - 1);
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
    snapshot: core.snapshot,
    progress: core.progress,
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
