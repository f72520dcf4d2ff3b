import "server-only";
import { githubIncidentItem, githubPullRequestItem, isMerged, type GithubPullRequest } from "@/lib/server/services/ingest/github";
import { providerTime } from "@/lib/server/services/ingest/webhook-events";
import type { IncidentInput, PullRequestInput } from "@/lib/validation/ingest";
import { githubIssue, githubPullRequest } from "@/lib/validation/webhooks";
import { advanceCursor, alreadySynced, type StreamCursor } from "./cursor";
import { githubClient, repoParams, type GithubClient } from "./github-client";
import { deploymentPages } from "./github-deployments";
import type { SyncContext, SyncPage, Syncer } from "./types";

/**
 * The GitHub pull connector. Per repository (service = owner/repo, as with webhooks), three streams, each with
 * its own cursor: pull requests (with their commits and submitted reviews), deployments (with their statuses;
 * or, opt-in, published releases for a repository without deployments) and issues carrying the incident label.
 * Every object goes through the webhook's mapping (ingest/github.ts), so a PR, deployment or issue a webhook
 * already delivered is updated, never counted twice.
 *
 * Pull requests have no `since` filter: they are listed newest update first, and the listing stops at the first
 * one updated before the cursor (or the backfill window), so a sync reads the pages of what changed rather than
 * the repository's whole history. What it found is then written oldest first, a listed page at a time (the last
 * page first), each page with its cursor, so a sync that fails part-way resumes after the last page it wrote.
 * A pull request closed without merging is skipped, as the webhook ignores it; an open one (a draft too) is
 * stored as the webhook's "opened" stores it.
 */
type Ctx = SyncContext<"github">;

async function listAll(gh: GithubClient, route: string, params: Record<string, unknown>, what: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const page of gh.pages(route, params, what)) out.push(...page);
  return out;
}

interface RestCommit {
  sha?: string;
  commit?: { author?: { date?: string | null } | null };
}
interface RestReview {
  user?: { login?: string } | null;
  state?: string;
  submitted_at?: string | null;
}

/** The PR's commits (authored time) and its submitted reviews (a pending review has no submission time). */
async function commitsAndReviews(gh: GithubClient, repo: string, number: number): Promise<Pick<PullRequestInput, "commits" | "reviews">> {
  const params = { ...repoParams(repo), pull_number: number };
  const commits = (await listAll(gh, "GET /repos/{owner}/{repo}/pulls/{pull_number}/commits", params, `commits of ${repo}#${number}`)) as RestCommit[];
  const reviews = (await listAll(gh, "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", params, `reviews of ${repo}#${number}`)) as RestReview[];
  return {
    commits: commits.flatMap((c) => {
      const authoredAt = providerTime(c.commit?.author?.date);
      return c.sha && authoredAt ? [{ sha: c.sha, authoredAt }] : [];
    }),
    reviews: reviews.flatMap((r) => {
      const submittedAt = providerTime(r.submitted_at);
      return r.user?.login && submittedAt && r.state !== "PENDING" ? [{ author: r.user.login, submittedAt }] : [];
    }),
  };
}

interface Updated {
  updated_at?: string;
  number?: number;
}

/** A pull request the listing found changed: when, and what the webhook's mapping reads (null: not a pull request it stores). */
interface Changed {
  at: string;
  number: number;
  pr: GithubPullRequest | null;
}

/** What the mapping reads of a listed pull request: a listing item carries its repositories too, tens of kilobytes. */
function compact(pr: GithubPullRequest): GithubPullRequest {
  const { number, title, user, created_at, merged, merged_at, merge_commit_sha, labels } = pr;
  return { number, title, user: { login: user.login }, created_at, merged, merged_at, merge_commit_sha, labels: labels?.map((l) => ({ name: l.name })) };
}

/**
 * The listing, newest update first, up to the first pull request updated before the cursor or the window: the
 * changed ones, page by page as listed. A pull request updated while the listing runs moves to its head, so a
 * page may repeat one already read (kept once) and the moved one is left to the next sync, whose cursor is older.
 */
async function changedPullRequests(ctx: Ctx, gh: GithubClient, repo: string, cursor: StreamCursor | null): Promise<Changed[][]> {
  const since = ctx.since.getTime();
  const params = { ...repoParams(repo), state: "all", sort: "updated", direction: "desc" };
  const pages: Changed[][] = [];
  const seen = new Set<number>();
  for await (const page of gh.pages("GET /repos/{owner}/{repo}/pulls", params, `pull requests of ${repo}`)) {
    const changed: Changed[] = [];
    let older = false;
    for (const raw of page as Updated[]) {
      if (!raw.updated_at || typeof raw.number !== "number") continue;
      const at = Date.parse(raw.updated_at);
      if (at < since || (cursor && at < Date.parse(cursor.at))) {
        older = true;
        break;
      }
      if (alreadySynced(cursor, raw.updated_at, String(raw.number)) || seen.has(raw.number)) continue;
      seen.add(raw.number);
      const pr = githubPullRequest.safeParse(raw);
      changed.push({ at: raw.updated_at, number: raw.number, pr: pr.success && !(pr.data.state === "closed" && !isMerged(pr.data)) ? compact(pr.data) : null });
    }
    if (changed.length > 0) pages.push(changed);
    if (older) break;
  }
  return pages;
}

async function* pullRequestPages(ctx: Ctx, gh: GithubClient, repo: string): AsyncGenerator<SyncPage> {
  const stream = `${repo}:pulls`;
  let cursor = ctx.cursorOf(stream);
  const pages = await changedPullRequests(ctx, gh, repo, cursor);
  for (const page of pages.reverse()) {
    const fresh = page.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.number - b.number);
    const pullRequests: PullRequestInput[] = [];
    let skipped = 0;
    for (const { pr } of fresh) {
      if (pr) pullRequests.push(githubPullRequestItem(repo, pr, await commitsAndReviews(gh, repo, pr.number)));
      else skipped++;
    }
    cursor = advanceCursor(cursor, fresh.map((p) => ({ at: p.at, id: String(p.number) })));
    yield { stream, cursor, pullRequests, skipped };
  }
}

/** Issues with the incident label, updated since the cursor; pull requests (which the issues list includes) are skipped. */
async function* incidentPages(ctx: Ctx, gh: GithubClient, repo: string): AsyncGenerator<SyncPage> {
  const stream = `${repo}:incidents`;
  let cursor = ctx.cursorOf(stream);
  const params = { ...repoParams(repo), state: "all", labels: ctx.incidentLabel, since: cursor?.at ?? ctx.since.toISOString(), sort: "updated", direction: "asc" };
  for await (const page of gh.pages("GET /repos/{owner}/{repo}/issues", params, `issues of ${repo}`)) {
    const fresh = (page as Updated[]).filter((i) => i.updated_at && !alreadySynced(cursor, i.updated_at, String(i.number)));
    if (fresh.length === 0) continue;
    const incidents: IncidentInput[] = [];
    let skipped = 0;
    for (const raw of fresh) {
      const issue = "pull_request" in raw ? null : githubIssue.safeParse(raw);
      const item = issue?.success ? githubIncidentItem(repo, issue.data, ctx.incidentLabel) : null;
      if (item) incidents.push(item);
      else skipped++;
    }
    cursor = advanceCursor(cursor, fresh.map((i) => ({ at: i.updated_at as string, id: String(i.number) })));
    yield { stream, cursor, incidents, skipped };
  }
}

export const syncGithub: Syncer<"github"> = async function* (ctx) {
  const gh = githubClient(ctx);
  const repos = ctx.options.repos;
  await ctx.progress(0, repos.length);
  for (const [index, repo] of repos.entries()) {
    yield* pullRequestPages(ctx, gh, repo);
    yield* deploymentPages(ctx, gh, repo);
    yield* incidentPages(ctx, gh, repo);
    await ctx.progress(index + 1, repos.length);
  }
};
