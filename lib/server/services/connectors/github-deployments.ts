import "server-only";
import { githubDeploymentItem } from "@/lib/server/services/ingest/github";
import { kindOf, providerTime } from "@/lib/server/services/ingest/webhook-events";
import type { DeploymentInput } from "@/lib/validation/ingest";
import { githubDeployment, githubDeploymentStatus } from "@/lib/validation/webhooks";
import { advanceCursor, alreadySynced, type StreamCursor } from "./cursor";
import { PER_PAGE, repoParams, type GithubClient } from "./github-client";
import { ProviderError } from "./retry";
import type { SyncContext, SyncPage } from "./types";

/**
 * Deployments and, for a repository without any, its releases (opt-in). Both are listed newest first with no
 * `since` filter, so the stream is read back to where it stands — the backfill window, or a day before the
 * cursor (a deployment still pending at one sync gets its final status within that day) — and then yielded
 * oldest first, each chunk with the cursor up to it. An item's instant is its latest status (a deployment) or
 * its publication (a release), so a deployment that was pending and has since finished is read again.
 *
 * - A deployment to one of the connector's production environments counts by its latest status: success →
 *   success, failure/error → failure (the webhook's rule), pending/in_progress/queued/inactive → skipped. It is
 *   stored under the environment "production", which is what the DORA metrics count. Other environments are
 *   skipped without reading their statuses.
 * - A published release (not a draft, not a prerelease) is a successful production deployment at its
 *   publication, of the commit its tag points at: the tag is resolved through the git refs API (following an
 *   annotated tag to its commit), because `target_commitish` only names the branch the tag was cut from when
 *   GitHub created it, and that branch moves on. A release whose tag no longer exists is skipped.
 */
type Ctx = SyncContext<"github">;
const LOOKBACK_MS = 24 * 3_600_000;

interface Entry {
  at: string;
  id: string;
  item: DeploymentInput | null;
}

/** Where a newest-first listing can stop: items created before this were read by an earlier sync (or are too old). */
function floorOf(ctx: Ctx, cursor: StreamCursor | null): number {
  const since = ctx.since.getTime();
  return cursor ? Math.max(since, Date.parse(cursor.at) - LOOKBACK_MS) : since;
}

/** The entries not committed before, oldest first, in pages of PER_PAGE with the cursor after each. */
function* chunks(stream: string, cursor: StreamCursor | null, entries: Entry[]): Generator<SyncPage> {
  const fresh = entries.filter((e) => !alreadySynced(cursor, e.at, e.id)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));
  for (let i = 0; i < fresh.length; i += PER_PAGE) {
    const chunk = fresh.slice(i, i + PER_PAGE);
    cursor = advanceCursor(cursor, chunk);
    const deployments = chunk.flatMap((e) => (e.item ? [e.item] : []));
    yield { stream, cursor, deployments, skipped: chunk.length - deployments.length };
  }
}

interface Timed {
  created_at?: string;
  updated_at?: string | null;
}
const latest = <T extends Timed>(list: T[]): T | undefined => list.reduce<T | undefined>((a, b) => (!a || Date.parse(b.created_at ?? "") > Date.parse(a.created_at ?? "") ? b : a), undefined);

/** The repository's deployments since the floor, each with its latest status; whether it has any deployment at all. */
async function deploymentEntries(ctx: Ctx, gh: GithubClient, repo: string, floor: number): Promise<{ entries: Entry[]; hasDeployments: boolean }> {
  const production = new Set(ctx.options.productionEnvironments.map((e) => e.trim().toLowerCase()));
  const entries: Entry[] = [];
  let hasDeployments = false;
  listing: for await (const page of gh.pages("GET /repos/{owner}/{repo}/deployments", repoParams(repo), `deployments of ${repo}`)) {
    for (const raw of page as Timed[]) {
      hasDeployments = true;
      const parsed = githubDeployment.safeParse(raw);
      if (!parsed.success) continue;
      const d = parsed.data;
      if (Date.parse(d.created_at) < floor) break listing;
      const id = String(d.id);
      if (!production.has(d.environment.trim().toLowerCase())) {
        entries.push({ at: providerTime(raw.updated_at) ?? d.created_at, id, item: null });
        continue;
      }
      const statuses = [];
      for await (const list of gh.pages("GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", { ...repoParams(repo), deployment_id: d.id }, `statuses of deployment ${id} of ${repo}`)) {
        statuses.push(...(list as Timed[]).flatMap((s) => {
          const status = githubDeploymentStatus.safeParse(s);
          return status.success ? [status.data] : [];
        }));
      }
      const status = latest(statuses);
      const at = providerTime(status ? (status.updated_at ?? status.created_at) : (raw.updated_at ?? d.created_at)) ?? d.created_at;
      entries.push({ at, id, item: status ? githubDeploymentItem(repo, d, status, "production") : null });
    }
  }
  return { entries, hasDeployments };
}

interface RestRelease {
  id: number;
  tag_name: string;
  name?: string | null;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
  published_at: string | null;
}
interface RestRef {
  object: { type: string; sha: string };
}

/** The commit a tag points at; null when the tag is gone. */
async function tagCommit(gh: GithubClient, repo: string, tag: string): Promise<string | null> {
  let ref: RestRef;
  try {
    ref = (await gh.get("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...repoParams(repo), ref: `tags/${tag}` }, `tag ${tag} of ${repo}`)) as RestRef;
  } catch (error) {
    if (error instanceof ProviderError && error.status === 404) return null;
    throw error;
  }
  let object = ref.object;
  // An annotated tag points at a tag object, which points at the commit.
  for (let depth = 0; object.type === "tag" && depth < 5; depth++) {
    object = ((await gh.get("GET /repos/{owner}/{repo}/git/tags/{tag_sha}", { ...repoParams(repo), tag_sha: object.sha }, `tag ${tag} of ${repo}`)) as RestRef).object;
  }
  return object.type === "commit" ? object.sha : null;
}

async function releaseEntries(gh: GithubClient, repo: string, floor: number): Promise<Entry[]> {
  const entries: Entry[] = [];
  listing: for await (const page of gh.pages("GET /repos/{owner}/{repo}/releases", repoParams(repo), `releases of ${repo}`)) {
    for (const release of page as RestRelease[]) {
      if (Date.parse(release.created_at) < floor) break listing;
      const id = `release:${release.id}`;
      const publishedAt = providerTime(release.published_at);
      if (release.draft || release.prerelease || !publishedAt) {
        entries.push({ at: providerTime(release.created_at) ?? release.created_at, id, item: null });
        continue;
      }
      const commitSha = await tagCommit(gh, repo, release.tag_name);
      const item: DeploymentInput | null = commitSha
        ? { externalId: id, service: repo, environment: "production", status: "success", finishedAt: publishedAt, commitSha, kind: kindOf(release.name, release.tag_name) }
        : null;
      entries.push({ at: publishedAt, id, item });
    }
  }
  return entries;
}

export async function* deploymentPages(ctx: Ctx, gh: GithubClient, repo: string): AsyncGenerator<SyncPage> {
  const stream = `${repo}:deployments`;
  const cursor = ctx.cursorOf(stream);
  const { entries, hasDeployments } = await deploymentEntries(ctx, gh, repo, floorOf(ctx, cursor));
  yield* chunks(stream, cursor, entries);
  if (hasDeployments || !ctx.options.releasesAsDeployments) return;
  const releases = `${repo}:releases`;
  const releaseCursor = ctx.cursorOf(releases);
  yield* chunks(releases, releaseCursor, await releaseEntries(gh, repo, floorOf(ctx, releaseCursor)));
}
