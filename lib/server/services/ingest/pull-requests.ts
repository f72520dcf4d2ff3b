import "server-only";
import {
  aiLabelledTeams,
  deletePullRequestCommits,
  deletePullRequestReviews,
  insertPullRequestCommits,
  insertPullRequestReviews,
  mergeBoundsOfTeams,
  storedPullRequestMerges,
  upsertPullRequests,
} from "@/lib/server/data/ingest/pull-requests";
import { finishesListingShas } from "@/lib/server/data/ingest/deployments";
import type { AffectedTeams } from "@/lib/server/services/delivery/affected";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { isAiAssisted, type PullRequestInput } from "@/lib/validation/ingest";
import { fromEpoch, type IngestResult } from "./batch";
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
  const services = await resolveServices(tx, items.map((p, index) => ({ index, service: p.service })), affected);
  const rows = lastPerKey(
    items.map((p, index) => ({ ...p, index, serviceId: (services.get(p.service) as { id: string }).id })),
    (p) => `${p.serviceId}\u0000${p.externalId}`,
  );

  const previous = await storedPullRequestMerges(tx, { ownerIds: rows.map((r) => r.serviceId), externalIds: rows.map((r) => r.externalId) });
  // A team's AI-assisted share exists in every week it merged anything once one of its pull requests carries
  // the label: the teams whose label is given or taken here may start or stop having it.
  const teamOf = new Map([...services.values()].map((s) => [s.id, s.teamId]));
  const labelTeams = [...new Set([
    ...rows.filter((r) => isAiAssisted(r.labels)).map((r) => r.serviceId),
    ...previous.filter((p) => p.aiAssisted).map((p) => p.serviceId),
  ].flatMap((id) => teamOf.get(id) ?? []))];
  const labelledBefore = await aiLabelledTeams(tx, labelTeams);

  const written = await upsertPullRequests(
    tx,
    rows.map((r) => ({
      serviceId: r.serviceId,
      externalId: r.externalId,
      title: r.title ?? null,
      author: r.author,
      createdAt: r.createdAt,
      mergedAt: r.mergedAt ?? null,
      mergeCommitSha: r.mergeCommitSha ?? null,
      firstCommitAt: r.firstCommitAt,
      firstReviewAt: r.firstReviewAt,
      aiAssisted: isAiAssisted(r.labels),
      labels: r.labels ?? [],
    })),
  );

  const idOf = new Map(written.map((w) => [`${w.serviceId}\u0000${w.externalId}`, w.id]));
  const listed = rows.filter((r) => r.commits !== undefined);
  const ids = listed.map((r) => idOf.get(`${r.serviceId}\u0000${r.externalId}`) as string);
  await deletePullRequestCommits(tx, ids);
  await deletePullRequestReviews(tx, ids);
  const commits = listed.flatMap((r) => {
    const prId = idOf.get(`${r.serviceId}\u0000${r.externalId}`) as string;
    // The commit list is keyed by SHA; a client listing one twice means the same commit.
    return [...new Map((r.commits ?? []).map((c) => [c.sha, c])).values()].map((c) => ({ prId, ...c }));
  });
  if (commits.length > 0) await insertPullRequestCommits(tx, commits);
  const reviews = listed.flatMap((r) => {
    const prId = idOf.get(`${r.serviceId}\u0000${r.externalId}`) as string;
    return (r.reviews ?? []).map((v) => ({ prId, ...v }));
  });
  if (reviews.length > 0) await insertPullRequestReviews(tx, reviews);

  const labelledAfter = await aiLabelledTeams(tx, labelTeams);
  const relabelled = labelTeams.filter((t) => labelledBefore.has(t) !== labelledAfter.has(t));
  for (const b of await mergeBoundsOfTeams(tx, relabelled)) affected.addDelivery(b.teamId, [fromEpoch(b.first), fromEpoch(b.last)]);
  for (const r of rows) affected.addDelivery(teamOf.get(r.serviceId) ?? null, [r.mergedAt ? new Date(r.mergedAt) : null]);
  for (const p of previous) affected.addDelivery(teamOf.get(p.serviceId) ?? null, [fromEpoch(p.mergedAt)]);
  // A deployment listing a pull request's merge commit ships it wherever it finished: its week changes too (for
  // the merge commit given now and the one stored before).
  const shas = [...new Set([...rows.flatMap((r) => r.mergeCommitSha ?? []), ...previous.flatMap((p) => p.mergeCommitSha ?? [])])];
  const teams = [...new Set(rows.flatMap((r) => teamOf.get(r.serviceId) ?? []))];
  for (const d of await finishesListingShas(tx, teams, shas)) affected.addDelivery(d.teamId, [fromEpoch(d.finishedAt)]);

  const created = written.filter((w) => w.inserted).length;
  return {
    received: items.length,
    created,
    updated: written.length - created,
    unassignedServices: [...services.entries()].filter(([, s]) => s.teamId === null).map(([name]) => name),
  };
}
