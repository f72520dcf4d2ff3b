import "server-only";
import { randomUUID } from "node:crypto";
import type { AffectedTeams } from "@/lib/server/services/delivery/affected";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { isAiAssisted, type PullRequestInput } from "@/lib/validation/ingest";
import { epochMs, fromEpoch, utcTimestamp, type IngestResult } from "./batch";
import { lastPerKey, resolveServices } from "./services";

function earliest(times: readonly string[]): string | null {
  let best: string | null = null;
  let bestMs = Number.POSITIVE_INFINITY;
  for (const t of times) {
    const ms = Date.parse(t);
    if (ms < bestMs) {
      best = t;
      bestMs = ms;
    }
  }
  return best;
}

/**
 * A pull request as stored: the first commit and the first review by someone other than the author
 * are on the row, so lead-time computation never reads the child tables. Without `commits` (a CSV
 * import gives only those instants) the stored commit and review lists are left as they are.
 */
export type PullRequestRow = Omit<PullRequestInput, "commits" | "reviews"> & {
  firstCommitAt: string | null;
  firstReviewAt: string | null;
  commits?: PullRequestInput["commits"];
  reviews?: PullRequestInput["reviews"];
};

export function pullRequestRow(input: PullRequestInput): PullRequestRow {
  return {
    ...input,
    firstCommitAt: earliest(input.commits.map((c) => c.authoredAt)),
    firstReviewAt: earliest((input.reviews ?? []).filter((v) => v.author !== input.author).map((v) => v.submittedAt)),
  };
}

/**
 * Upserts pull requests keyed by (service, externalId) and replaces their commits and reviews (a
 * resend carries the whole current list).
 */
export const writePullRequests = (tx: SqlRunner, items: readonly PullRequestInput[], affected: AffectedTeams): Promise<IngestResult> =>
  writePullRequestRows(tx, items.map(pullRequestRow), affected);

export async function writePullRequestRows(tx: SqlRunner, items: readonly PullRequestRow[], affected: AffectedTeams): Promise<IngestResult> {
  const services = await resolveServices(tx, items.map((p, index) => ({ index, service: p.service })));
  const rows = lastPerKey(
    items.map((p, index) => ({ ...p, index, serviceId: (services.get(p.service) as { id: string }).id })),
    (p) => `${p.serviceId}\u0000${p.externalId}`,
  );

  const previous = await tx.query<{ serviceId: string; mergedAt: number | null }>(
    `SELECT p."serviceId", ${epochMs(`p."mergedAt"`)} AS "mergedAt"
     FROM "PullRequest" p JOIN unnest($1::text[], $2::text[]) AS k(s, e) ON p."serviceId" = k.s AND p."externalId" = k.e`,
    [rows.map((r) => r.serviceId), rows.map((r) => r.externalId)],
  );

  const written = await tx.query<{ id: string; serviceId: string; externalId: string; inserted: boolean }>(
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
      rows.map((r) => r.title ?? null),
      rows.map((r) => r.author),
      rows.map((r) => r.createdAt),
      rows.map((r) => r.mergedAt ?? null),
      rows.map((r) => r.mergeCommitSha ?? null),
      rows.map((r) => r.firstCommitAt),
      rows.map((r) => r.firstReviewAt),
      rows.map((r) => isAiAssisted(r.labels)),
      rows.map((r) => JSON.stringify(r.labels ?? [])),
    ],
  );

  const idOf = new Map(written.map((w) => [`${w.serviceId}\u0000${w.externalId}`, w.id]));
  const listed = rows.filter((r) => r.commits !== undefined);
  const ids = listed.map((r) => idOf.get(`${r.serviceId}\u0000${r.externalId}`) as string);
  await tx.query(`DELETE FROM "PullRequestCommit" WHERE "pullRequestId" = ANY($1::text[])`, [ids]);
  await tx.query(`DELETE FROM "PullRequestReview" WHERE "pullRequestId" = ANY($1::text[])`, [ids]);
  const commits = listed.flatMap((r) => {
    const prId = idOf.get(`${r.serviceId}\u0000${r.externalId}`) as string;
    // The commit list is keyed by SHA; a client listing one twice means the same commit.
    return [...new Map((r.commits ?? []).map((c) => [c.sha, c])).values()].map((c) => ({ prId, ...c }));
  });
  if (commits.length > 0) {
    await tx.query(
      `INSERT INTO "PullRequestCommit" ("pullRequestId", "sha", "authoredAt")
       SELECT p, s, ${utcTimestamp("a")} FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS x(p, s, a)`,
      [commits.map((c) => c.prId), commits.map((c) => c.sha), commits.map((c) => c.authoredAt)],
    );
  }
  const reviews = listed.flatMap((r) => {
    const prId = idOf.get(`${r.serviceId}\u0000${r.externalId}`) as string;
    return (r.reviews ?? []).map((v) => ({ prId, ...v }));
  });
  if (reviews.length > 0) {
    await tx.query(
      `INSERT INTO "PullRequestReview" ("pullRequestId", "author", "submittedAt")
       SELECT p, a, ${utcTimestamp("t")} FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS x(p, a, t)`,
      [reviews.map((v) => v.prId), reviews.map((v) => v.author), reviews.map((v) => v.submittedAt)],
    );
  }

  const teamOf = new Map([...services.values()].map((s) => [s.id, s.teamId]));
  for (const r of rows) affected.addDelivery(teamOf.get(r.serviceId) ?? null, [r.mergedAt ? new Date(r.mergedAt) : null]);
  for (const p of previous) affected.addDelivery(teamOf.get(p.serviceId) ?? null, [fromEpoch(p.mergedAt)]);

  const created = written.filter((w) => w.inserted).length;
  return {
    received: items.length,
    created,
    updated: written.length - created,
    unassignedServices: [...services.entries()].filter(([, s]) => s.teamId === null).map(([name]) => name),
  };
}
