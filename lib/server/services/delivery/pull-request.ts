import "server-only";
import { attributeChanges, type ChangeTiming } from "@/lib/delivery/changes";
import { loadDeliveryRows, previousSuccessBefore } from "@/lib/server/data/events";
import { pullRequestWithHistory } from "@/lib/server/data/delivery/pull-requests";
import { openSql } from "@/lib/server/data/runner";
import { notFound } from "@/lib/server/errors";

/**
 * One change: its commits and reviews as received, its coding / pickup / review / deploy breakdown and
 * the deployment that shipped it, computed by the same attribution as the lead-time metric.
 */
export async function getPullRequestBreakdown(externalId: string, serviceName: string) {
  const pr = await pullRequestWithHistory(externalId, serviceName);
  if (!pr) throw notFound("Pull request");

  let change: ChangeTiming | null = null;
  let deployment: Record<string, unknown> | null = null;
  if (pr.mergedAt) {
    const runner = await openSql();
    // What ships a PR depends on the service's successful deployment just before its merge.
    const from = (await previousSuccessBefore(runner, [pr.serviceId], pr.mergedAt)) ?? pr.mergedAt;
    const rows = await loadDeliveryRows(runner, [pr.serviceId], from);
    const full = { ...pr, commits: pr.commits, reviews: pr.reviews };
    const others = rows.prs.filter((p) => p.id !== pr.id);
    change = attributeChanges([full, ...others], rows.deployments).find((c) => c.prId === pr.id) ?? null;
    const shipped = change?.deploymentId ? rows.deployments.find((d) => d.id === change?.deploymentId) : undefined;
    deployment = shipped
      ? { externalId: shipped.externalId, environment: shipped.environment, status: shipped.status, kind: shipped.kind, finishedAt: shipped.finishedAt, commitSha: shipped.commitSha }
      : null;
  }
  return {
    externalId: pr.externalId,
    service: pr.service.name,
    team: pr.service.team,
    title: pr.title,
    author: pr.author,
    createdAt: pr.createdAt,
    mergedAt: pr.mergedAt,
    mergeCommitSha: pr.mergeCommitSha,
    aiAssisted: pr.aiAssisted,
    labels: pr.labels,
    commits: pr.commits,
    reviews: pr.reviews,
    breakdown: change
      ? { firstCommitAt: change.firstCommitAt, firstReviewAt: change.firstReviewAt, coding: change.coding, pickup: change.pickup, review: change.review, deploy: change.deploy, leadTime: change.leadTime }
      : null,
    deployment,
  };
}
