import "server-only";
import { successfulProduction } from "@/lib/server/data/delivery/predicates";
import { randomUUID } from "node:crypto";
import type { SqlRunner } from "@/lib/server/data/runner";
import { epochMs, utcTimestamp, type EventKeys } from "./sql";

/** The merge of the stored pull requests with these (service, externalId) keys, in epoch milliseconds, its commit and AI label. */
export async function storedPullRequestMerges(runner: SqlRunner, keys: EventKeys): Promise<{ serviceId: string; mergedAt: number | null; mergeCommitSha: string | null; aiAssisted: boolean }[]> {
  return runner.query<{ serviceId: string; mergedAt: number | null; mergeCommitSha: string | null; aiAssisted: boolean }>(
    `SELECT p."serviceId", ${epochMs(`p."mergedAt"`)} AS "mergedAt", p."mergeCommitSha", p."aiAssisted"
     FROM "PullRequest" p JOIN unnest($1::text[], $2::text[]) AS k(s, e) ON p."serviceId" = k.s AND p."externalId" = k.e`,
    [keys.ownerIds, keys.externalIds],
  );
}

/**
 * Merge instants of the teams' pull requests merged as one of `shas`: a deployment listing them ships them, so
 * writing it moves what they count in.
 */
export async function mergesOfShas(runner: SqlRunner, teamIds: readonly string[], shas: readonly string[]): Promise<{ teamId: string; mergedAt: number | null }[]> {
  if (teamIds.length === 0 || shas.length === 0) return [];
  return runner.query<{ teamId: string; mergedAt: number | null }>(
    `SELECT s."teamId", ${epochMs(`p."mergedAt"`)} AS "mergedAt"
     FROM "Service" s JOIN "PullRequest" p ON p."serviceId" = s."id"
     WHERE s."teamId" = ANY($1::text[]) AND p."mergeCommitSha" = ANY($2::text[])`,
    [teamIds, shas],
  );
}

/** The teams among `teamIds` with a pull request, of any week, labelled AI-assisted. */
export async function aiLabelledTeams(runner: SqlRunner, teamIds: readonly string[]): Promise<Set<string>> {
  if (teamIds.length === 0) return new Set();
  const rows = await runner.query<{ teamId: string }>(
    `SELECT DISTINCT s."teamId" FROM "Service" s
     WHERE s."teamId" = ANY($1::text[]) AND EXISTS (SELECT 1 FROM "PullRequest" p WHERE p."serviceId" = s."id" AND p."aiAssisted")`,
    [teamIds],
  );
  return new Set(rows.map((r) => r.teamId));
}

/** Per team, the first and last merge of its services' pull requests, in epoch milliseconds. */
export async function mergeBoundsOfTeams(runner: SqlRunner, teamIds: readonly string[]): Promise<{ teamId: string; first: number; last: number }[]> {
  if (teamIds.length === 0) return [];
  return runner.query<{ teamId: string; first: number; last: number }>(
    `SELECT s."teamId", ${epochMs(`min(p."mergedAt")`)} AS "first", ${epochMs(`max(p."mergedAt")`)} AS "last"
     FROM "Service" s JOIN "PullRequest" p ON p."serviceId" = s."id"
     WHERE s."teamId" = ANY($1::text[]) AND p."mergedAt" IS NOT NULL GROUP BY 1`,
    [teamIds],
  );
}

/**
 * Merge commits of the pull requests a deployment finishing at one of these instants (of its service) can
 * ship by its window: those of the service merged after its previous successful production deployment and
 * up to the next one. Writing or moving that deployment can hand them to another deployment, one listing them
 * anywhere in time.
 */
export async function shasMergedAround(runner: SqlRunner, at: readonly { serviceId: string; instant: number }[]): Promise<string[]> {
  if (at.length === 0) return [];
  // Through the partial index of successful production deployments: one index entry per bound.
  const success = (d: string) => `${d}."serviceId" = x.s AND ${successfulProduction(d)}`;
  const rows = await runner.query<{ sha: string }>(
    `SELECT DISTINCT p."mergeCommitSha" AS sha
     FROM (SELECT DISTINCT s, (t AT TIME ZONE 'UTC') AS t FROM unnest($1::text[], $2::timestamptz[]) AS u(s, t)) x
     JOIN "PullRequest" p ON p."serviceId" = x.s
       AND p."mergedAt" > coalesce((SELECT max(d."finishedAt") FROM "Deployment" d WHERE ${success("d")} AND d."finishedAt" < x.t), '-infinity')
       AND p."mergedAt" <= coalesce((SELECT min(d."finishedAt") FROM "Deployment" d WHERE ${success("d")} AND d."finishedAt" > x.t), 'infinity')
     WHERE p."mergeCommitSha" <> ''`,
    [at.map((a) => a.serviceId), at.map((a) => new Date(a.instant).toISOString())],
  );
  return rows.map((r) => r.sha);
}

export interface PullRequestUpsert {
  serviceId: string;
  externalId: string;
  title: string | null;
  author: string;
  /** ISO instants. */
  createdAt: string;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  firstCommitAt: string | null;
  firstReviewAt: string | null;
  aiAssisted: boolean;
  labels: readonly string[];
}

/** Inserts or updates pull requests keyed by (service, externalId), in one statement; each written row's id and whether it was inserted. */
export async function upsertPullRequests(
  runner: SqlRunner,
  rows: readonly PullRequestUpsert[],
): Promise<{ id: string; serviceId: string; externalId: string; inserted: boolean }[]> {
  return runner.query<{ id: string; serviceId: string; externalId: string; inserted: boolean }>(
    `INSERT INTO "PullRequest" ("id", "serviceId", "externalId", "title", "author", "createdAt", "mergedAt", "mergeCommitSha",
                                "firstCommitAt", "firstReviewAt", "aiAssisted", "labels", "updatedAt")
     SELECT id, s, e, t, a, ${utcTimestamp("ca")}, ${utcTimestamp("ma")}, sha, ${utcTimestamp("fc")}, ${utcTimestamp("fr")}, ai,
            ARRAY(SELECT jsonb_array_elements_text(l::jsonb)), CURRENT_TIMESTAMP
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::text[],
                 $9::timestamptz[], $10::timestamptz[], $11::boolean[], $12::text[])
       AS x(id, s, e, t, a, ca, ma, sha, fc, fr, ai, l)
     ON CONFLICT ("serviceId", "externalId") DO UPDATE SET
       "title" = EXCLUDED."title", "author" = EXCLUDED."author", "createdAt" = EXCLUDED."createdAt",
       "mergedAt" = EXCLUDED."mergedAt", "mergeCommitSha" = EXCLUDED."mergeCommitSha", "firstCommitAt" = EXCLUDED."firstCommitAt",
       "firstReviewAt" = EXCLUDED."firstReviewAt", "aiAssisted" = EXCLUDED."aiAssisted", "labels" = EXCLUDED."labels",
       "updatedAt" = CURRENT_TIMESTAMP
     RETURNING "id", "serviceId", "externalId", (xmax = 0) AS inserted`,
    [
      rows.map(() => randomUUID()),
      rows.map((r) => r.serviceId),
      rows.map((r) => r.externalId),
      rows.map((r) => r.title),
      rows.map((r) => r.author),
      rows.map((r) => r.createdAt),
      rows.map((r) => r.mergedAt),
      rows.map((r) => r.mergeCommitSha),
      rows.map((r) => r.firstCommitAt),
      rows.map((r) => r.firstReviewAt),
      rows.map((r) => r.aiAssisted),
      rows.map((r) => JSON.stringify(r.labels)),
    ],
  );
}

/** Deletes the stored commits of the given pull requests. */
export async function deletePullRequestCommits(runner: SqlRunner, pullRequestIds: readonly string[]): Promise<void> {
  await runner.query(`DELETE FROM "PullRequestCommit" WHERE "pullRequestId" = ANY($1::text[])`, [pullRequestIds]);
}

/** Deletes the stored reviews of the given pull requests. */
export async function deletePullRequestReviews(runner: SqlRunner, pullRequestIds: readonly string[]): Promise<void> {
  await runner.query(`DELETE FROM "PullRequestReview" WHERE "pullRequestId" = ANY($1::text[])`, [pullRequestIds]);
}

export async function insertPullRequestCommits(runner: SqlRunner, commits: readonly { prId: string; sha: string; authoredAt: string }[]): Promise<void> {
  await runner.query(
    `INSERT INTO "PullRequestCommit" ("pullRequestId", "sha", "authoredAt")
     SELECT p, s, ${utcTimestamp("a")} FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS x(p, s, a)`,
    [commits.map((c) => c.prId), commits.map((c) => c.sha), commits.map((c) => c.authoredAt)],
  );
}

export async function insertPullRequestReviews(runner: SqlRunner, reviews: readonly { prId: string; author: string; submittedAt: string }[]): Promise<void> {
  await runner.query(
    `INSERT INTO "PullRequestReview" ("pullRequestId", "author", "submittedAt")
     SELECT p, a, ${utcTimestamp("t")} FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS x(p, a, t)`,
    [reviews.map((v) => v.prId), reviews.map((v) => v.author), reviews.map((v) => v.submittedAt)],
  );
}

const OF_PULL_REQUEST = `JOIN "PullRequest" p ON p."id" = x."pullRequestId" JOIN "Service" s ON s."id" = p."serviceId" WHERE s."name" = $1 AND p."externalId" = $2`;

/** A stored pull request's merge (epoch milliseconds) and merge commit, by service name and externalId. */
export async function storedPullRequestMerge(
  runner: SqlRunner,
  serviceName: string,
  externalId: string,
): Promise<{ mergedAt: number | null; mergeCommitSha: string | null } | undefined> {
  const [stored] = await runner.query<{ mergedAt: number | null; mergeCommitSha: string | null }>(
    `SELECT ${epochMs(`p."mergedAt"`)} AS "mergedAt", p."mergeCommitSha" FROM "PullRequest" p JOIN "Service" s ON s."id" = p."serviceId" WHERE s."name" = $1 AND p."externalId" = $2`,
    [serviceName, externalId],
  );
  return stored;
}

/** A stored pull request's commits (authored at, epoch milliseconds). */
export async function storedPullRequestCommits(runner: SqlRunner, serviceName: string, externalId: string): Promise<{ sha: string; at: number }[]> {
  return runner.query<{ sha: string; at: number }>(`SELECT x."sha", ${epochMs(`x."authoredAt"`)} AS "at" FROM "PullRequestCommit" x ${OF_PULL_REQUEST}`, [serviceName, externalId]);
}

/** A stored pull request's reviews (submitted at, epoch milliseconds). */
export async function storedPullRequestReviews(runner: SqlRunner, serviceName: string, externalId: string): Promise<{ author: string; at: number }[]> {
  return runner.query<{ author: string; at: number }>(`SELECT x."author", ${epochMs(`x."submittedAt"`)} AS "at" FROM "PullRequestReview" x ${OF_PULL_REQUEST}`, [serviceName, externalId]);
}
