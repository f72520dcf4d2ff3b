/**
 * The delivery events the DORA computations read. Plain data with Date objects, as stored and as
 * received from the ingestion API; every function in lib/delivery is pure over these shapes.
 */

export type DeploymentStatus = "success" | "failure";

/** `hotfix` and `rollback` are unplanned deployments made to fix a production problem (rework). */
export type DeploymentKind = "regular" | "hotfix" | "rollback";

export interface DeploymentEvent {
  id: string;
  serviceId: string;
  /** Free text from the client; compared case-insensitively, so "PRODUCTION" and "production" match. */
  environment: string;
  status: DeploymentStatus;
  kind: DeploymentKind;
  startedAt: Date | null;
  finishedAt: Date;
  /** The commit the deployment put in place. */
  commitSha: string;
  /** Explicit SHAs the deployment ships, when the client knows them; null = attribute by merge time. */
  commits: string[] | null;
}

export interface PullRequestCommit {
  sha: string;
  authoredAt: Date;
}

export interface PullRequestReview {
  author: string;
  submittedAt: Date;
}

export interface PullRequestEvent {
  id: string;
  serviceId: string;
  author: string;
  createdAt: Date;
  mergedAt: Date | null;
  mergeCommitSha: string | null;
  commits: PullRequestCommit[];
  reviews: PullRequestReview[];
  /**
   * A deployment before the events read already shipped it (a read of part of the history marks these): no
   * deployment read ships it again.
   */
  shippedEarlier?: boolean;
}

export interface IncidentEvent {
  id: string;
  serviceId: string;
  severity: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  /** The deployment the client says caused the incident; overrides the time-based link. */
  causedByDeploymentId: string | null;
}
