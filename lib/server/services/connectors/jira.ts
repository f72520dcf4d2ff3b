import "server-only";
import { jiraStreams, jqlMinute, type JiraStream as Stream } from "@/lib/connectors/jira-query";
import { fieldText, jiraInstant, statusLabel, statusTransitions, workTypeOf } from "@/lib/connectors/jira-work-item";
import { resolveStatusMapping, type StatusMapping } from "@/lib/flow/status-mapping";
import { teamsWithStatusMap } from "@/lib/server/data/delivery/teams";
import { listTeams } from "@/lib/server/data/org";
import { teamStatusMap } from "@/lib/server/services/ingest/work-items";
import type { ProviderOptions } from "@/lib/validation/connectors";
import type { WorkItemInput } from "@/lib/validation/ingest";
import { advanceCursor, alreadySynced, type StreamCursor } from "./cursor";
import { jiraApi, type JiraApi, type JiraIssue } from "./jira-api";
import type { Syncer } from "./types";

/**
 * Jira issues as work items. One stream per project (`jira:PAY`) and one for the JQL query (`jira:jql:<hash>`,
 * without the listed projects, so an issue is read once), each searched oldest update first from its cursor:
 * `… AND updated >= "yyyy/MM/dd HH:mm" ORDER BY updated ASC, key ASC`. JQL dates are minute-precise, inclusive
 * and read in the account's time zone (asked of Jira), so the cursor's ids skip what was committed. After a page
 * whose newest update is in a later minute, the search restarts from it (keyset paging): an issue updated while
 * the sync pages moves to the end of the order and is still read, never skipped by a shifted offset.
 */
type JiraOptions = ProviderOptions["jira"];

type TeamOf = (issue: JiraIssue) => { slug: string; mapping: StatusMapping } | { why: string };

/** The issue's team: its team field (a team's slug or name), else its project's team, else the connector's default. */
async function teamResolver(options: JiraOptions, defaultSlug: string | null): Promise<TeamOf> {
  const teams = await listTeams();
  const maps = await teamsWithStatusMap(teams.map((t) => t.id));
  const mappingOf = new Map(maps.map((t) => [t.id, resolveStatusMapping(teamStatusMap(t.statusMap))]));
  const byText = new Map<string, { slug: string; mapping: StatusMapping }>();
  // Names first, so a slug equal to another team's name still means that slug.
  for (const key of ["name", "slug"] as const) for (const t of teams) byText.set(t[key].toLowerCase(), { slug: t.slug, mapping: mappingOf.get(t.id) ?? resolveStatusMapping() });
  const find = (text: string | null | undefined) => (text ? byText.get(text.toLowerCase()) : undefined);

  return (issue) => {
    const project = issue.fields.project?.key ?? issue.key.replace(/-\d+$/, "");
    const fieldValue = options.teamField ? fieldText(issue.fields[options.teamField]) : null;
    const team = find(fieldValue) ?? find(options.projectTeams[project]) ?? find(defaultSlug);
    if (team) return team;
    const reasons = [
      ...(options.teamField ? [fieldValue ? `its ${options.teamField} “${fieldValue}” names no team` : `its ${options.teamField} is empty`] : []),
      options.projectTeams[project] ? `project ${project}'s team “${options.projectTeams[project]}” does not exist` : `project ${project} has no team in Project → team`,
      defaultSlug ? `the default team “${defaultSlug}” does not exist` : "the connector has no default team",
    ];
    return { why: reasons.join(", ") };
  };
}

async function historiesOf(api: JiraApi, issue: JiraIssue) {
  const embedded = issue.changelog?.histories ?? [];
  // Search embeds a limited number of changelog entries; the issue's changelog endpoint has them all.
  return (issue.changelog?.total ?? 0) > embedded.length ? api.changelog(issue.key) : embedded;
}

/** The issue as a work item, or why it is left out (a problem only when someone must act). */
async function workItemOf(
  issue: JiraIssue,
  { api, options, teamOf, categories }: { api: JiraApi; options: JiraOptions; teamOf: TeamOf; categories: Map<string, string> },
): Promise<{ workItem: WorkItemInput } | { problem: string | null }> {
  const status = issue.fields.status;
  if (status?.id && status.statusCategory?.key) categories.set(status.id, status.statusCategory.key);
  const type = workTypeOf(issue.fields.issuetype, options.typeMapping);
  if (!type) return { problem: null };
  const team = teamOf(issue);
  if ("why" in team) return { problem: `Jira issue ${issue.key} has no team: ${team.why}` };
  const histories = await historiesOf(api, issue);
  return {
    workItem: {
      externalId: issue.key,
      team: team.slug,
      type,
      title: issue.fields.summary?.slice(0, 500),
      createdAt: jiraInstant(issue.fields.created),
      transitions: statusTransitions({ created: issue.fields.created, status }, histories, (s) => statusLabel(s, team.mapping, categories)),
    },
  };
}

export const syncJira: Syncer<"jira"> = async function* (ctx) {
  const { options } = ctx;
  const api = jiraApi(ctx.apiUrl, ctx.token, options.email, ctx.sleep);
  const [timeZone, categories, teamOf] = await Promise.all([api.timeZone(), api.statusCategories(), teamResolver(options, ctx.defaultTeamSlug)]);
  const fields = ["summary", "issuetype", "project", "status", "created", "updated", ...(options.teamField ? [options.teamField] : [])];
  const query = (stream: Stream, from: Date) => `${stream.jql} AND updated >= "${jqlMinute(from, timeZone)}" ORDER BY updated ASC, key ASC`;
  const fromOf = (cursor: StreamCursor | null) => (cursor ? new Date(cursor.at) : ctx.since);

  const streams = jiraStreams(options).map((s) => ({ ...s, cursor: ctx.cursorOf(s.name) }));
  const counts = await Promise.all(streams.map((s) => api.count(query(s, fromOf(s.cursor)))));
  let total = counts.reduce<number>((sum, n) => sum + (n ?? 0), 0);
  let done = 0;
  await ctx.progress(0, total);

  for (const stream of streams) {
    let cursor = stream.cursor;
    let from = fromOf(cursor);
    let page: string | null = null;
    for (;;) {
      const result = await api.search(query(stream, from), fields, page);
      const fresh = result.issues.filter((i) => !alreadySynced(cursor, jiraInstant(i.fields.updated), i.key));
      if (fresh.length > 0) {
        const out = { stream: stream.name, workItems: [] as WorkItemInput[], skipped: 0, problems: [] as string[] };
        for (const issue of fresh) {
          const read = await workItemOf(issue, { api, options, teamOf, categories });
          if ("workItem" in read) out.workItems.push(read.workItem);
          else {
            out.skipped++;
            if (read.problem) out.problems.push(read.problem);
          }
        }
        cursor = advanceCursor(cursor, fresh.map((i) => ({ at: jiraInstant(i.fields.updated), id: i.key })));
        yield { ...out, cursor };
        done += fresh.length;
        total = Math.max(total, done);
        await ctx.progress(done, total);
      }
      if (!result.next) break;
      // Restart from the newest minute committed (see above); within one minute, follow Jira's own paging.
      const newest = cursor ? new Date(cursor.at) : from;
      if (jqlMinute(newest, timeZone) !== jqlMinute(from, timeZone) && newest > from) {
        from = newest;
        page = null;
      } else page = result.next;
    }
  }
};
