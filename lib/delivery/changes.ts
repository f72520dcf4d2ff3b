/**
 * Change lead time: which deployment shipped each merged pull request, and the per-change spans.
 *
 * What a deployment ships (only successful production deployments ship anything):
 * - when it lists commits, the merged PRs whose merge commit is in that list or is the
 *   deployment's own commit — whatever service the PR belongs to, because a SHA is unambiguous;
 * - when it lists none (null or empty), the merged PRs of its own service merged after the
 *   previous successful production deployment of the same service finished, and at or before
 *   its own finish.
 * The first-ever successful deployment of a service/environment ships no measurable change,
 * even with an explicit list: its "since" is unknown, so its list may be the whole history.
 * When several deployments would ship a PR, the earliest-finishing one wins; so a PR marked
 * `shippedEarlier` (a deployment before the events read shipped it) is shipped by none of them.
 */
import { SuccessChains, compareByFinish, isSuccessfulProduction } from "./deployments";
import { spanMinutes } from "./spans";
import type { DeploymentEvent, PullRequestCommit, PullRequestEvent } from "./types";

export interface ChangeTiming {
  prId: string;
  serviceId: string;
  mergedAt: Date;
  deploymentId: string | null;
  deployedAt: Date | null;
  firstCommitSha: string | null;
  firstCommitAt: Date | null;
  firstReviewAt: Date | null;
  /** First commit authored → PR opened. */
  coding: number | null;
  /** PR opened → first review by someone other than the author. */
  pickup: number | null;
  /** First review → merged. */
  review: number | null;
  /** Merged → shipping deployment finished. */
  deploy: number | null;
  /**
   * Sum of the non-empty spans among coding, opened → merged and deploy (DevLake's
   * `pr_cycle_time`). Known for every merged PR, deployed or not.
   */
  cycleTime: number | null;
  /** The change lead time: `cycleTime` of a deployed change; null while the PR is not deployed. */
  leadTime: number | null;
}

/** A deployment that lists the commits it ships (it then ships the pull requests merged as one of them). */
export function hasCommitList<D extends DeploymentEvent>(d: D): d is D & { commits: string[] } {
  return d.commits !== null && d.commits.length > 0;
}

/** PR id → the deployment that shipped it, for merged PRs that some deployment shipped. */
export function shippingDeployments(
  prs: readonly PullRequestEvent[],
  deployments: readonly DeploymentEvent[],
): Map<string, DeploymentEvent> {
  const merged = prs.filter((pr): pr is PullRequestEvent & { mergedAt: Date } => pr.mergedAt !== null && !pr.shippedEarlier);
  const bySha = new Map<string, PullRequestEvent[]>();
  const byService = new Map<string, (typeof merged)[number][]>();
  for (const pr of merged) {
    if (pr.mergeCommitSha) pushTo(bySha, pr.mergeCommitSha, pr);
    pushTo(byService, pr.serviceId, pr);
  }

  // Sorted by merge time so each deployment finds the PRs merged in its window by binary search.
  for (const list of byService.values()) list.sort((a, b) => a.mergedAt.getTime() - b.mergedAt.getTime());

  const chains = new SuccessChains(deployments);
  const winner = new Map<string, DeploymentEvent>();
  const offer = (pr: PullRequestEvent, d: DeploymentEvent) => {
    const current = winner.get(pr.id);
    if (!current || compareByFinish(d, current) < 0) winner.set(pr.id, d);
  };

  for (const d of deployments) {
    if (!isSuccessfulProduction(d)) continue;
    const previous = chains.previous(d);
    if (!previous) continue;
    if (hasCommitList(d)) {
      for (const sha of new Set([...d.commits, d.commitSha])) {
        for (const pr of bySha.get(sha) ?? []) offer(pr, d);
      }
    } else {
      const after = previous.finishedAt.getTime();
      const upTo = d.finishedAt.getTime();
      const list = byService.get(d.serviceId) ?? [];
      for (let i = firstMergedAfter(list, after); i < list.length && list[i].mergedAt.getTime() <= upTo; i++) offer(list[i], d);
    }
  }
  return winner;
}

/** Index of the first PR (in a list sorted by merge time) merged strictly after `after`. */
function firstMergedAfter(list: readonly { mergedAt: Date }[], after: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].mergedAt.getTime() > after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The earliest-authored commit; on a tie the first listed, so the result never depends on sort stability. */
function earliestCommit(commits: readonly PullRequestCommit[]): PullRequestCommit | null {
  let best: PullRequestCommit | null = null;
  for (const c of commits) if (!best || c.authoredAt.getTime() < best.authoredAt.getTime()) best = c;
  return best;
}

function earliest(dates: readonly Date[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (!best || d.getTime() < best.getTime()) best = d;
  return best;
}

function sumOfKnown(parts: readonly (number | null)[]): number | null {
  const known = parts.filter((p): p is number => p !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

/** Per merged PR (unmerged PRs are not changes), the shipping deployment and the spans in minutes. */
export function attributeChanges(
  prs: readonly PullRequestEvent[],
  deployments: readonly DeploymentEvent[],
): ChangeTiming[] {
  const shipped = shippingDeployments(prs, deployments);
  const out: ChangeTiming[] = [];
  for (const pr of prs) {
    if (pr.mergedAt === null) continue;
    const deployment = shipped.get(pr.id) ?? null;
    const firstCommit = earliestCommit(pr.commits);
    const firstCommitAt = firstCommit?.authoredAt ?? null;
    // The first review is the earliest by anyone but the author, even if its timestamp precedes the
    // PR's creation (then pickup is empty but review is still measured from it, as DevLake does).
    const firstReviewAt = earliest(pr.reviews.filter((r) => r.author !== pr.author).map((r) => r.submittedAt));
    const deployedAt = deployment?.finishedAt ?? null;
    const coding = spanMinutes(firstCommitAt, pr.createdAt);
    const deploy = spanMinutes(pr.mergedAt, deployedAt);
    const cycleTime = sumOfKnown([coding, spanMinutes(pr.createdAt, pr.mergedAt), deploy]);
    out.push({
      prId: pr.id,
      serviceId: pr.serviceId,
      mergedAt: pr.mergedAt,
      deploymentId: deployment?.id ?? null,
      deployedAt,
      firstCommitSha: firstCommit?.sha ?? null,
      firstCommitAt,
      firstReviewAt,
      coding,
      pickup: spanMinutes(pr.createdAt, firstReviewAt),
      review: spanMinutes(firstReviewAt, pr.mergedAt),
      deploy,
      cycleTime,
      leadTime: deployment ? cycleTime : null,
    });
  }
  return out;
}
