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
import {
  githubDeploymentStatusEvent,
  githubIssuesEvent,
  githubPullRequestEvent,
  githubPullRequestReviewEvent,
} from "@/lib/validation/webhooks";
import { hasLabel, ignored, kindOf, providerTime, severityOf, type WebhookEvent } from "./webhook-events";

type PullRequestPayload = z.infer<typeof githubPullRequestEvent>["pull_request"];

function pullRequestItem(repo: string, pr: PullRequestPayload) {
  const merged = pr.merged === true || Boolean(pr.merged_at);
  return {
    externalId: String(pr.number),
    service: repo,
    title: pr.title ?? undefined,
    author: pr.user.login,
    createdAt: providerTime(pr.created_at) ?? pr.created_at,
    mergedAt: merged ? providerTime(pr.merged_at) : null,
    mergeCommitSha: merged ? (pr.merge_commit_sha ?? null) : null,
    commits: [],
    reviews: [],
    labels: (pr.labels ?? []).map((l) => l.name),
  };
}

export function mapGithubEvent(event: string, payload: unknown, incidentLabel: string): WebhookEvent {
  switch (event) {
    case "deployment_status": {
      const p = githubDeploymentStatusEvent.parse(payload);
      const state = p.deployment_status.state.toLowerCase();
      const status = state === "success" ? "success" : state === "failure" || state === "error" ? "failure" : null;
      if (!status) return ignored(`deployment status "${state}" is not final`);
      return {
        kind: "deployment",
        item: {
          externalId: String(p.deployment.id),
          service: p.repository.full_name,
          environment: p.deployment.environment,
          status,
          startedAt: providerTime(p.deployment.created_at) ?? undefined,
          finishedAt: providerTime(p.deployment_status.updated_at ?? p.deployment_status.created_at) ?? p.deployment_status.created_at,
          commitSha: p.deployment.sha,
          kind: kindOf(p.deployment.task, p.deployment.description),
        },
      };
    }
    case "pull_request": {
      const p = githubPullRequestEvent.parse(payload);
      if (p.action === "closed" && !(p.pull_request.merged || p.pull_request.merged_at)) return ignored("pull request closed without merging");
      if (!["opened", "reopened", "edited", "synchronize", "closed", "labeled", "unlabeled", "ready_for_review"].includes(p.action)) {
        return ignored(`pull_request action "${p.action}"`);
      }
      return { kind: "pullRequest", item: pullRequestItem(p.repository.full_name, p.pull_request) };
    }
    case "pull_request_review": {
      const p = githubPullRequestReviewEvent.parse(payload);
      const submittedAt = providerTime(p.review.submitted_at);
      if (p.action !== "submitted" || !submittedAt) return ignored(`pull_request_review action "${p.action}"`);
      const item = pullRequestItem(p.repository.full_name, p.pull_request);
      return { kind: "pullRequest", item: { ...item, reviews: [{ author: p.review.user.login, submittedAt }] } };
    }
    case "issues": {
      const p = githubIssuesEvent.parse(payload);
      const labels = (p.issue.labels ?? []).map((l) => l.name);
      if (!hasLabel(labels, incidentLabel)) return ignored(`issue without the "${incidentLabel}" label`);
      const closed = p.issue.state ? p.issue.state === "closed" : Boolean(p.issue.closed_at);
      return {
        kind: "incident",
        item: {
          externalId: String(p.issue.number),
          service: p.repository.full_name,
          title: p.issue.title ?? undefined,
          severity: severityOf(labels),
          openedAt: providerTime(p.issue.created_at) ?? p.issue.created_at,
          resolvedAt: closed ? providerTime(p.issue.closed_at) : null,
        },
      };
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
