/**
 * GitHub webhook events → our events. Service = the repository's full name (owner/repo).
 * - deployment_status: success → successful deployment, failure/error → failed deployment, finishing
 *   at the status's time; other states (pending, in_progress, queued, inactive) are not final;
 * - pull_request: opened/reopened/edited/synchronize → the PR; closed and merged → the merged PR;
 *   closed unmerged → ignored;
 * - pull_request_review: submitted → a review on the PR (pickup time needs it);
 * - issues carrying the incident label: the incident, resolved when the issue is closed.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import type { DeploymentInput, IncidentInput, PullRequestInput } from "@/lib/validation/ingest";
import {
  githubDeploymentStatusEvent,
  githubIssuesEvent,
  githubPullRequestEvent,
  githubPullRequestReviewEvent,
  type githubDeployment,
  type githubDeploymentStatus,
  type githubIssue,
  type githubPullRequest,
} from "@/lib/validation/webhooks";
import { hasLabel, ignored, kindOf, providerTime, severityOf, type WebhookEvent } from "./webhook-events";

/*
 * One mapping per GitHub object, shared by the webhooks (one object per delivery) and the pull connector
 * (lib/server/services/connectors/github.ts, the same objects as the REST API lists them): same external ids
 * (PR number, deployment id, issue number), same service (the repository's full name), same rules.
 */
export type GithubPullRequest = z.infer<typeof githubPullRequest>;
export type GithubDeployment = z.infer<typeof githubDeployment>;
export type GithubDeploymentStatus = z.infer<typeof githubDeploymentStatus>;
export type GithubIssue = z.infer<typeof githubIssue>;

export const isMerged = (pr: GithubPullRequest) => pr.merged === true || Boolean(pr.merged_at);

/** The pull request with the commits and reviews the caller knows (a webhook: none, or the one it reports). */
export function githubPullRequestItem(
  repo: string,
  pr: GithubPullRequest,
  known: Pick<PullRequestInput, "commits" | "reviews"> = { commits: [], reviews: [] },
): PullRequestInput {
  const merged = isMerged(pr);
  return {
    externalId: String(pr.number),
    service: repo,
    title: pr.title ?? undefined,
    author: pr.user.login,
    createdAt: providerTime(pr.created_at) ?? pr.created_at,
    mergedAt: merged ? providerTime(pr.merged_at) : null,
    mergeCommitSha: merged ? (pr.merge_commit_sha ?? null) : null,
    commits: known.commits,
    reviews: known.reviews,
    labels: (pr.labels ?? []).map((l) => l.name),
  };
}

/** success → success, failure/error → failure; other states (pending, in_progress, queued, inactive) are not final. */
export function githubDeploymentOutcome(state: string): DeploymentInput["status"] | null {
  const s = state.toLowerCase();
  return s === "success" ? "success" : s === "failure" || s === "error" ? "failure" : null;
}

/** The deployment as its status reports it, finishing at the status's time; null while the status is not final. */
export function githubDeploymentItem(
  repo: string,
  deployment: GithubDeployment,
  status: GithubDeploymentStatus,
  environment: string = deployment.environment,
): DeploymentInput | null {
  const outcome = githubDeploymentOutcome(status.state);
  if (!outcome) return null;
  return {
    externalId: String(deployment.id),
    service: repo,
    environment,
    status: outcome,
    startedAt: providerTime(deployment.created_at) ?? undefined,
    finishedAt: providerTime(status.updated_at ?? status.created_at) ?? status.created_at,
    commitSha: deployment.sha,
    kind: kindOf(deployment.task, deployment.description),
  };
}

/** An issue carrying the incident label, resolved when closed; null for other issues. */
export function githubIncidentItem(repo: string, issue: GithubIssue, incidentLabel: string): IncidentInput | null {
  const labels = (issue.labels ?? []).map((l) => l.name);
  if (!hasLabel(labels, incidentLabel)) return null;
  const closed = issue.state ? issue.state === "closed" : Boolean(issue.closed_at);
  return {
    externalId: String(issue.number),
    service: repo,
    title: issue.title ?? undefined,
    severity: severityOf(labels),
    openedAt: providerTime(issue.created_at) ?? issue.created_at,
    resolvedAt: closed ? providerTime(issue.closed_at) : null,
  };
}

export function mapGithubEvent(event: string, payload: unknown, incidentLabel: string): WebhookEvent {
  switch (event) {
    case "deployment_status": {
      const p = githubDeploymentStatusEvent.parse(payload);
      const item = githubDeploymentItem(p.repository.full_name, p.deployment, p.deployment_status);
      return item ? { kind: "deployment", item } : ignored(`deployment status "${p.deployment_status.state.toLowerCase()}" is not final`);
    }
    case "pull_request": {
      const p = githubPullRequestEvent.parse(payload);
      if (p.action === "closed" && !isMerged(p.pull_request)) return ignored("pull request closed without merging");
      if (!["opened", "reopened", "edited", "synchronize", "closed", "labeled", "unlabeled", "ready_for_review"].includes(p.action)) {
        return ignored(`pull_request action "${p.action}"`);
      }
      return { kind: "pullRequest", item: githubPullRequestItem(p.repository.full_name, p.pull_request) };
    }
    case "pull_request_review": {
      const p = githubPullRequestReviewEvent.parse(payload);
      const submittedAt = providerTime(p.review.submitted_at);
      if (p.action !== "submitted" || !submittedAt) return ignored(`pull_request_review action "${p.action}"`);
      const item = githubPullRequestItem(p.repository.full_name, p.pull_request, { commits: [], reviews: [{ author: p.review.user.login, submittedAt }] });
      return { kind: "pullRequest", item };
    }
    case "issues": {
      const p = githubIssuesEvent.parse(payload);
      const item = githubIncidentItem(p.repository.full_name, p.issue, incidentLabel);
      return item ? { kind: "incident", item } : ignored(`issue without the "${incidentLabel}" label`);
    }
    default:
      return ignored(`event "${event}" is not tracked`);
  }
}

/** The object each tracked event reports on, in its payload. */
const SUBJECTS = new Map([
  ["deployment_status", "deployment_status"],
  ["pull_request", "pull_request"],
  ["pull_request_review", "review"],
  ["issues", "issue"],
]);

/**
 * What a delivery is about — the provider's object (a deployment status, a pull request, a review, an issue)
 * and the state it reports — independent of the delivery id. GitHub's "Redeliver" (or a relay replaying its
 * queue) sends the same event under a new delivery id; keyed by this, it is recognised and changes nothing,
 * even when a newer state of the object arrived in between. A new state (another action, a later update) is a
 * new key. Null for events without such an object (they are ignored anyway).
 */
export function githubObjectKey(event: string, payload: unknown): string | null {
  const subject = SUBJECTS.get(event);
  if (!subject || typeof payload !== "object" || payload === null) return null;
  const p = payload as Record<string, unknown>;
  const object = p[subject];
  if (typeof object !== "object" || object === null) return null;
  const { id, number } = object as { id?: unknown; number?: unknown };
  const repository = (p.repository as { full_name?: unknown } | undefined)?.full_name;
  const deployment = event === "deployment_status" ? (p.deployment as { id?: unknown } | undefined)?.id : undefined;
  const state = createHash("sha256")
    .update(JSON.stringify({ action: p.action ?? null, repository: repository ?? null, deployment: deployment ?? null, object }))
    .digest("hex");
  return `${event}:${String(id ?? number ?? "")}:${state}`;
}
