/** Terse builders for hand-worked delivery test cases. Test-only; not imported by product code. */
import type { DeploymentEvent, IncidentEvent, PullRequestEvent } from "./types";

export const at = (iso: string): Date => new Date(iso);

export function deployment(id: string, finishedAt: string, fields: Partial<DeploymentEvent> = {}): DeploymentEvent {
  return {
    id,
    serviceId: "api",
    environment: "production",
    status: "success",
    kind: "regular",
    startedAt: null,
    finishedAt: at(finishedAt),
    commitSha: `sha-${id}`,
    commits: null,
    ...fields,
  };
}

export function pullRequest(
  id: string,
  times: { firstCommit?: string; created: string; merged: string | null; review?: string },
  fields: Partial<PullRequestEvent> = {},
): PullRequestEvent {
  return {
    id,
    serviceId: "api",
    author: "alice",
    createdAt: at(times.created),
    mergedAt: times.merged ? at(times.merged) : null,
    mergeCommitSha: `merge-${id}`,
    commits: times.firstCommit ? [{ sha: `first-${id}`, authoredAt: at(times.firstCommit) }] : [],
    reviews: times.review ? [{ author: "bob", submittedAt: at(times.review) }] : [],
    ...fields,
  };
}

export function incident(
  id: string,
  openedAt: string,
  resolvedAt: string | null,
  fields: Partial<IncidentEvent> = {},
): IncidentEvent {
  return {
    id,
    serviceId: "api",
    severity: null,
    openedAt: at(openedAt),
    resolvedAt: resolvedAt ? at(resolvedAt) : null,
    causedByDeploymentId: null,
    ...fields,
  };
}
