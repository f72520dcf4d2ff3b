import "server-only";
import { Gitlab } from "@gitbeaker/rest";
import { createRequesterFn, type RequestHandlerFn } from "@gitbeaker/requester-utils";
import type { z } from "zod";
import { gitlabDeploymentItem, gitlabIncidentItem, gitlabMergeRequestItem } from "@/lib/server/services/ingest/gitlab";
import { providerTime, type WebhookEvent } from "@/lib/server/services/ingest/webhook-events";
import { gitlabApprovals, gitlabCommit, gitlabDeployment, gitlabIssue, gitlabMergeRequest, gitlabNote, type GitlabMergeRequest } from "@/lib/validation/gitlab-api";
import type { PullRequestInput } from "@/lib/validation/ingest";
import { advanceCursor, alreadySynced } from "./cursor";
import { expectOk, retryingFetch } from "./retry";
import type { SyncContext, SyncPage, Syncer } from "./types";

/**
 * GitLab: per project (service = its path, as GitLab webhooks name it), three streams read oldest update first
 * (`updated_after` + `order_by=updated_at&sort=asc`): merge requests with their commits and
 * approvals, deployments to each production environment, and issues carrying the incident label. Every object
 * goes through the webhook's mapping (lib/server/services/ingest/gitlab.ts), so both give the same rows.
 *
 * @gitbeaker/rest builds the calls (it adds `/api/v4` to the instance URL and reads `X-Next-Page`), but its own
 * requester retries only 429 and 502, ten times within a quarter of a second, whatever Retry-After says: its
 * requests go through `retryingFetch` instead, as every connector's do.
 */
const PER_PAGE = 100;

type Api = InstanceType<typeof Gitlab>;
interface Expanded {
  data: unknown[];
  paginationInfo: { next: number | null };
}

/** gitbeaker's request handler, on `retryingFetch`; a refusal is a ProviderError naming the call. */
function requestHandler(call: typeof fetch): RequestHandlerFn {
  return async (endpoint, options) => {
    const { prefixUrl, searchParams, headers, method, signal } = options as { prefixUrl: string; searchParams?: string; headers: Record<string, string>; method: string; signal?: AbortSignal };
    const url = new URL(endpoint, prefixUrl.endsWith("/") ? prefixUrl : `${prefixUrl}/`);
    url.search = searchParams ?? "";
    const response = await expectOk(await call(url, { method, headers, signal }), `GitLab ${method} ${url.pathname}`);
    return { body: (await response.json()) as Record<string, unknown>, headers: Object.fromEntries(response.headers.entries()), status: response.status };
  };
}

function gitlabClient(ctx: SyncContext<"gitlab">): Api {
  const requesterFn = createRequesterFn((_, options) => Promise.resolve(options), requestHandler(retryingFetch(ctx.sleep)));
  // The instance URL; gitbeaker appends /api/v4 itself.
  return new Gitlab({ host: ctx.apiUrl.replace(/\/api\/v4\/?$/, ""), token: ctx.token, requesterFn });
}

interface Updated {
  at: string;
  id: string;
}

/**
 * One stream: each page's items not committed before, mapped, with the cursor after the page (pages come oldest
 * update first, so everything updated up to the cursor has been read). Each request starts again from the cursor
 * (`updated_after`, page 1) rather than asking for the next page number: an item updated while the sync runs moves
 * to the end of the list, and with page numbers the one behind it would slide onto a page already read. Only when
 * a whole page shares the cursor's instant does the next request ask for the next page.
 */
async function* stream<T>(
  ctx: SyncContext<"gitlab">,
  name: string,
  load: (updatedAfter: string, page: number) => Promise<unknown>,
  schema: z.ZodType<T>,
  updated: (item: T) => Updated,
  map: (item: T) => Promise<WebhookEvent>,
): AsyncIterable<SyncPage> {
  let cursor = ctx.cursorOf(name);
  let updatedAfter = cursor?.at ?? ctx.since.toISOString();
  for (let page = 1; ; ) {
    const answer = (await load(updatedAfter, page)) as Expanded;
    const items = answer.data.map((raw) => schema.parse(raw)).filter((item) => !alreadySynced(cursor, updated(item).at, updated(item).id));
    const out: SyncPage = { stream: name, cursor: null, deployments: [], pullRequests: [], incidents: [], skipped: 0 };
    for (const item of items) {
      const event = await map(item);
      if (event.kind === "deployment") out.deployments!.push(event.item);
      else if (event.kind === "pullRequest") out.pullRequests!.push(event.item);
      else if (event.kind === "incident") out.incidents!.push(event.item);
      else out.skipped!++;
    }
    cursor = advanceCursor(cursor, items.map(updated));
    yield { ...out, cursor };
    if (!answer.paginationInfo.next) return;
    if (cursor && Date.parse(cursor.at) > Date.parse(updatedAfter)) [updatedAfter, page] = [cursor.at, 1];
    else page++;
  }
}

/** A merge request with its commits and approvals, fetched only when it counts (not closed unmerged). */
async function mergeRequestEvent(api: Api, project: string, mr: GitlabMergeRequest): Promise<WebhookEvent> {
  const event = gitlabMergeRequestItem(project, {
    iid: mr.iid, title: mr.title, authorId: mr.author.id, state: mr.state, createdAt: mr.created_at, updatedAt: mr.updated_at, mergedAt: mr.merged_at,
    // Squashed and fast-forward merges have no merge commit: what landed is the squash commit or the head.
    mergeCommitSha: mr.merge_commit_sha ?? mr.squash_commit_sha ?? mr.sha, labels: mr.labels ?? [], commits: [], reviews: [],
  });
  if (event.kind !== "pullRequest") return event;
  const [commits, approvals] = await Promise.all([
    api.MergeRequests.allCommits(project, mr.iid, { perPage: PER_PAGE }),
    api.MergeRequestApprovals.showConfiguration(project, { mergerequestIId: mr.iid }),
  ]);
  const item: PullRequestInput = {
    ...event.item,
    commits: (commits as unknown[]).map((c) => gitlabCommit.parse(c)).flatMap((c) => {
      const authoredAt = providerTime(c.authored_date ?? c.created_at);
      return authoredAt ? [{ sha: c.id, authoredAt }] : [];
    }),
    reviews: await approvalReviews(api, project, mr.iid, approvals),
  };
  return { kind: "pullRequest", item };
}

/**
 * Each approval as a review by the approver. Newer GitLab versions answer `approved_at`; an older instance's
 * approvals take their time from the system note GitLab wrote ("approved this merge request", the last per approver).
 */
async function approvalReviews(api: Api, project: string, iid: number, approvals: unknown): Promise<NonNullable<PullRequestInput["reviews"]>> {
  const approvedBy = gitlabApprovals.parse(approvals).approved_by ?? [];
  let noted: Map<string, string> | null = null;
  if (approvedBy.some((a) => !a.approved_at)) {
    const notes = (await api.MergeRequestNotes.all(project, iid, { sort: "asc", orderBy: "created_at", perPage: PER_PAGE })) as unknown[];
    noted = new Map(
      notes.map((n) => gitlabNote.parse(n)).filter((n) => n.system && /^approved this merge request/i.test(n.body.trim())).map((n) => [String(n.author.id), n.created_at]),
    );
  }
  return approvedBy.flatMap((a) => {
    const submittedAt = providerTime(a.approved_at ?? noted?.get(String(a.user.id)));
    return submittedAt ? [{ author: String(a.user.id), submittedAt }] : [];
  });
}

const expanded = { orderBy: "updated_at", sort: "asc", perPage: PER_PAGE, showExpanded: true } as const;

async function* projectStreams(ctx: SyncContext<"gitlab">, api: Api, project: string): AsyncIterable<SyncPage> {
  yield* stream(
    ctx,
    `${project}:merge_requests`,
    (updatedAfter, page) => api.MergeRequests.all({ projectId: project, scope: "all", updatedAfter, page, ...expanded }),
    gitlabMergeRequest,
    (mr) => ({ at: mr.updated_at, id: String(mr.id) }),
    (mr) => mergeRequestEvent(api, project, mr),
  );
  for (const environment of ctx.options.productionEnvironments) {
    yield* stream(
      ctx,
      `${project}:deployments:${environment}`,
      (updatedAfter, page) => api.Deployments.all(project, { environment, updatedAfter, page, ...expanded }),
      gitlabDeployment,
      (d) => ({ at: d.updated_at, id: String(d.id) }),
      async (d) =>
        d.environment.name !== environment
          ? { kind: "ignored", reason: "another environment" }
          : gitlabDeploymentItem(project, { id: d.id, status: d.status, environment, finishedAt: d.finished_at ?? d.deployable?.finished_at ?? d.updated_at, sha: d.sha ?? "" }),
    );
  }
  yield* stream(
    ctx,
    `${project}:incidents`,
    (updatedAfter, page) => api.Issues.all({ projectId: project, labels: ctx.incidentLabel, scope: "all", updatedAfter, page, ...expanded }),
    gitlabIssue,
    (issue) => ({ at: issue.updated_at, id: String(issue.id) }),
    async (issue) =>
      gitlabIncidentItem(
        project,
        { iid: issue.iid, title: issue.title, state: issue.state, createdAt: issue.created_at, updatedAt: issue.updated_at, closedAt: issue.closed_at, labels: issue.labels ?? [] },
        ctx.incidentLabel,
      ),
  );
}

export const syncGitlab: Syncer<"gitlab"> = async function* (ctx) {
  const api = gitlabClient(ctx);
  for (const [done, project] of ctx.options.projects.entries()) {
    yield* projectStreams(ctx, api, project);
    await ctx.progress(done + 1, ctx.options.projects.length);
  }
};
