/**
 * GitLab webhook events → our events. Service = the project's path with namespace (group/project).
 * - Deployment Hook: status success → successful deployment, failed → failed deployment; running,
 *   canceled and created are not final;
 * - Merge Request Hook: the merge request (merged when its state is merged); approvals → a review by
 *   the approver. Authors and reviewers are GitLab user ids, so the author's own approval is told apart;
 * - Issue Hook carrying the incident label: the incident, resolved when the issue is closed.
 */
import { gitlabDeploymentEvent, gitlabIssueEvent, gitlabMergeRequestEvent } from "@/lib/validation/webhooks";
import { hasLabel, ignored, providerTime, severityOf, type WebhookEvent } from "./webhook-events";

const sha = (commitUrl: string | undefined, shortSha: string | undefined) => commitUrl?.split("/").pop() || shortSha || "";

export function mapGitlabEvent(event: string, payload: unknown, incidentLabel: string): WebhookEvent {
  switch (event) {
    case "Deployment Hook": {
      const p = gitlabDeploymentEvent.parse(payload);
      const status = p.status === "success" ? "success" : p.status === "failed" ? "failure" : null;
      if (!status) return ignored(`deployment status "${p.status}" is not final`);
      const finishedAt = providerTime(p.status_changed_at);
      const commitSha = sha(p.commit_url, p.short_sha);
      if (!finishedAt || !commitSha) return ignored("deployment without a time or commit");
      return {
        kind: "deployment",
        item: { externalId: String(p.deployment_id), service: p.project.path_with_namespace, environment: p.environment, status, finishedAt, commitSha, kind: "regular" },
      };
    }
    case "Merge Request Hook": {
      const p = gitlabMergeRequestEvent.parse(payload);
      const a = p.object_attributes;
      const createdAt = providerTime(a.created_at);
      if (!createdAt) return ignored("merge request without a creation time");
      if (a.state === "closed") return ignored("merge request closed without merging");
      const merged = a.state === "merged";
      const approved = a.action === "approved" || a.action === "approval";
      const reviewAt = providerTime(a.updated_at);
      return {
        kind: "pullRequest",
        item: {
          externalId: String(a.iid),
          service: p.project.path_with_namespace,
          title: a.title ?? undefined,
          author: String(a.author_id),
          createdAt,
          mergedAt: merged ? providerTime(a.merged_at ?? a.updated_at) : null,
          mergeCommitSha: merged ? (a.merge_commit_sha ?? null) : null,
          commits: [],
          reviews: approved && reviewAt ? [{ author: String(p.user.id), submittedAt: reviewAt }] : [],
          labels: (p.labels ?? []).map((l) => l.title),
        },
      };
    }
    case "Issue Hook": {
      const p = gitlabIssueEvent.parse(payload);
      const labels = (p.labels ?? []).map((l) => l.title);
      if (!hasLabel(labels, incidentLabel)) return ignored(`issue without the "${incidentLabel}" label`);
      const a = p.object_attributes;
      const openedAt = providerTime(a.created_at);
      if (!openedAt) return ignored("issue without a creation time");
      return {
        kind: "incident",
        item: {
          externalId: String(a.iid),
          service: p.project.path_with_namespace,
          title: a.title ?? undefined,
          severity: severityOf(labels),
          openedAt,
          resolvedAt: a.state === "closed" ? providerTime(a.closed_at ?? a.updated_at) : null,
        },
      };
    }
    default:
      return ignored(`event "${event}" is not tracked`);
  }
}
