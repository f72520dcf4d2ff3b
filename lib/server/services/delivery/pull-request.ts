import "server-only";
import type { PullRequestBreakdown } from "@/lib/delivery/api-types";
import { attributeChanges, type ChangeTiming } from "@/lib/delivery/changes";
import { firstListingOf, previousSuccessBefore } from "@/lib/server/data/delivery/chain";
import { loadDeliveryRows } from "@/lib/server/data/events";
import { serviceIdsOfTeams, serviceNamesOf } from "@/lib/server/data/delivery/services";
import { pullRequestWithHistory } from "@/lib/server/data/delivery/pull-requests";
import { openSql } from "@/lib/server/data/runner";
import { notFound } from "@/lib/server/errors";

async function serviceNameOf(serviceId: string): Promise<string | null> {
  return (await serviceNamesOf([serviceId]))[0]?.name ?? null;
}

/**
 * One change: its commits and reviews as received, its coding / pickup / review / deploy breakdown and
 * the deployment that shipped it, computed by the same attribution as the lead-time metric.
 */
export async function getPullRequestBreakdown(externalId: string, serviceName: string): Promise<PullRequestBreakdown> {
  const pr = await pullRequestWithHistory(externalId, serviceName);
  if (!pr) throw notFound("Pull request");

  let change: ChangeTiming | null = null;
  let deployment: PullRequestBreakdown["deployment"] = null;
  if (pr.mergedAt) {
    const runner = await openSql();
    // The weekly figures attribute a team's pull requests over all its services' deployments, the earliest
    // shipping one winning; a deployment listing the merge commit may have finished before the merge (clock
    // skew). So the read keeps from the earlier of the merge and that listing, and starts at the deployment
    // before it, so the first shipping candidate knows its predecessor: what the whole history gives.
    const serviceIds = pr.service.teamId ? await serviceIdsOfTeams([pr.service.teamId]) : [pr.serviceId];
    const listed = pr.mergeCommitSha ? await firstListingOf(runner, serviceIds, pr.mergeCommitSha) : null;
    const keptFrom = listed && listed < pr.mergedAt ? listed : pr.mergedAt;
    const from = (await previousSuccessBefore(runner, serviceIds, keptFrom)) ?? keptFrom;
    const rows = await loadDeliveryRows(runner, serviceIds, from, keptFrom);
    const full = { ...pr, shippedEarlier: false };
    const others = rows.prs.filter((p) => p.id !== pr.id);
    change = attributeChanges([full, ...others], rows.deployments).find((c) => c.prId === pr.id) ?? null;
    const shipped = change?.deploymentId ? rows.deployments.find((d) => d.id === change?.deploymentId) : undefined;
    deployment = shipped
      ? { externalId: shipped.externalId, service: shipped.serviceId === pr.serviceId ? pr.service.name : await serviceNameOf(shipped.serviceId), environment: shipped.environment, status: shipped.status, kind: shipped.kind, finishedAt: shipped.finishedAt, commitSha: shipped.commitSha }
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
