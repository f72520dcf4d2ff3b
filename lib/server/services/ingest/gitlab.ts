/**
 * GitLab events → our events, from a webhook or the REST API (the connector, lib/server/services/connectors/gitlab.ts):
 * one mapping per object, so both give the same external ids, services and rules.
 * Service = the project's path with namespace (group/project).
 * - deployment: status success → successful deployment, failed → failed deployment; running, canceled,
 *   created and blocked are not final;
 * - merge request: merged when its state is merged; closed unmerged → ignored; approvals → reviews by the
 *   approver. Authors and reviewers are GitLab user ids, so the author's own approval is told apart;
 * - issue carrying the incident label: the incident, resolved when the issue is closed.
 */
import type { DeploymentInput, PullRequestInput } from "@/lib/validation/ingest";
import { gitlabDeploymentEvent, gitlabIssueEvent, gitlabMergeRequestEvent } from "@/lib/validation/webhooks";
import { hasLabel, ignored, providerTime, severityOf, type WebhookEvent } from "./webhook-events";

const sha = (commitUrl: string | undefined, shortSha: string | undefined) => commitUrl?.split("/").pop() || shortSha || "";

/** A deployment as both sources describe it. */
export interface GitlabDeploymentFacts {
  id: string | number;
  status: string;
  environment: string;
  finishedAt: string | null | undefined;
  sha: string;
}

export function gitlabDeploymentItem(service: string, d: GitlabDeploymentFacts): WebhookEvent {
  const status = d.status === "success" ? "success" : d.status === "failed" ? "failure" : null;
  if (!status) return ignored(`deployment status "${d.status}" is not final`);
  const finishedAt = providerTime(d.finishedAt);
  if (!finishedAt || !d.sha) return ignored("deployment without a time or commit");
  const item: DeploymentInput = { externalId: String(d.id), service, environment: d.environment, status, finishedAt, commitSha: d.sha, kind: "regular" };
  return { kind: "deployment", item };
}

/** What merge requests and issues share, as both sources describe them. */
interface GitlabItemFacts {
  iid: number;
  title: string | null | undefined;
  state: string;
  createdAt: string;
  updatedAt: string | null | undefined;
  labels: string[];
}

/** A merge request; the API adds its commits and every approval. */
export interface GitlabMergeRequestFacts extends GitlabItemFacts {
  authorId: string | number;
  mergedAt: string | null | undefined;
  mergeCommitSha: string | null | undefined;
  commits: PullRequestInput["commits"];
  /** Approvals: the approver's user id and when. */
  reviews: NonNullable<PullRequestInput["reviews"]>;
}

export function gitlabMergeRequestItem(service: string, mr: GitlabMergeRequestFacts): WebhookEvent {
  const createdAt = providerTime(mr.createdAt);
  if (!createdAt) return ignored("merge request without a creation time");
  if (mr.state === "closed") return ignored("merge request closed without merging");
  const merged = mr.state === "merged";
  return {
    kind: "pullRequest",
    item: {
      externalId: String(mr.iid),
      service,
      title: mr.title ?? undefined,
      author: String(mr.authorId),
      createdAt,
      mergedAt: merged ? providerTime(mr.mergedAt ?? mr.updatedAt) : null,
      mergeCommitSha: merged ? (mr.mergeCommitSha ?? null) : null,
      commits: mr.commits,
      reviews: mr.reviews,
      labels: mr.labels,
    },
  };
}

export interface GitlabIssueFacts extends GitlabItemFacts {
  closedAt: string | null | undefined;
}

export function gitlabIncidentItem(service: string, issue: GitlabIssueFacts, incidentLabel: string): WebhookEvent {
  if (!hasLabel(issue.labels, incidentLabel)) return ignored(`issue without the "${incidentLabel}" label`);
  const openedAt = providerTime(issue.createdAt);
  if (!openedAt) return ignored("issue without a creation time");
  return {
    kind: "incident",
    item: {
      externalId: String(issue.iid),
      service,
      title: issue.title ?? undefined,
      severity: severityOf(issue.labels),
      openedAt,
      resolvedAt: issue.state === "closed" ? providerTime(issue.closedAt ?? issue.updatedAt) : null,
    },
  };
}

export function mapGitlabEvent(event: string, payload: unknown, incidentLabel: string): WebhookEvent {
  switch (event) {
    case "Deployment Hook": {
      const p = gitlabDeploymentEvent.parse(payload);
      return gitlabDeploymentItem(p.project.path_with_namespace, {
        id: p.deployment_id, status: p.status, environment: p.environment, finishedAt: p.status_changed_at, sha: sha(p.commit_url, p.short_sha),
      });
    }
    case "Merge Request Hook": {
      const p = gitlabMergeRequestEvent.parse(payload);
      const a = p.object_attributes;
      const approved = a.action === "approved" || a.action === "approval";
      const reviewAt = providerTime(a.updated_at);
      return gitlabMergeRequestItem(p.project.path_with_namespace, {
        iid: a.iid, title: a.title, authorId: a.author_id, state: a.state, createdAt: a.created_at, updatedAt: a.updated_at,
        mergedAt: a.merged_at, mergeCommitSha: a.merge_commit_sha, labels: (p.labels ?? []).map((l) => l.title),
        commits: [],
        // A delivery reports one approval; earlier ones are kept from what is stored (webhooks.ts).
        reviews: approved && reviewAt ? [{ author: String(p.user.id), submittedAt: reviewAt }] : [],
      });
    }
    case "Issue Hook": {
      const p = gitlabIssueEvent.parse(payload);
      const a = p.object_attributes;
      return gitlabIncidentItem(
        p.project.path_with_namespace,
        { iid: a.iid, title: a.title, state: a.state, createdAt: a.created_at, updatedAt: a.updated_at, closedAt: a.closed_at, labels: (p.labels ?? []).map((l) => l.title) },
        incidentLabel,
      );
    }
    default:
      return ignored(`event "${event}" is not tracked`);
  }
}
