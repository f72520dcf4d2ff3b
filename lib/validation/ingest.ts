/**
 * The ingestion API's request bodies: deployments, pull requests, incidents and work items. Each
 * endpoint takes one object or an array of up to 1,000; a single object is treated as a batch of
 * one, so error paths always start with the item index (`3.finishedAt`). Timestamps are ISO 8601
 * with an offset (`2026-03-02T10:15:00Z`); they stay strings here so the same schemas describe the
 * API in the OpenAPI document, and the ingest service turns them into dates.
 */
import { z } from "zod";

export const MAX_BATCH = 1000;

const instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with a time zone, e.g. 2026-03-02T10:15:00Z" });
const externalId = z.string().trim().min(1, "is required").max(200);
const serviceName = z.string().trim().min(1, "is required").max(200).describe("The service or repository (e.g. org/repo).");
const teamSlug = z.string().trim().regex(/^[a-z0-9][a-z0-9-]*$/, "must be a team slug (lower-case letters, digits, dashes)");
const sha = z.string().trim().min(1, "is required").max(100);

export const deploymentInput = z.object({
  externalId,
  service: serviceName,
  team: teamSlug.optional().describe("Team slug; attaches the service to this team when the service is new or unassigned."),
  environment: z.string().trim().min(1, "is required").max(64).describe("e.g. production; only production deployments count in DORA metrics."),
  status: z.enum(["success", "failure"]),
  startedAt: instant.optional(),
  finishedAt: instant,
  commitSha: sha.describe("The commit the deployment put in place."),
  commits: z.array(sha).max(10_000).optional().describe("The SHAs this deployment ships, when the client knows them."),
  kind: z.enum(["regular", "hotfix", "rollback"]).default("regular"),
});

export const pullRequestInput = z.object({
  externalId,
  service: serviceName,
  title: z.string().max(500).optional(),
  author: z.string().trim().min(1, "is required").max(200),
  createdAt: instant,
  mergedAt: instant.nullish(),
  mergeCommitSha: sha.nullish(),
  commits: z.array(z.object({ sha, authoredAt: instant })).max(10_000),
  reviews: z.array(z.object({ author: z.string().trim().min(1, "is required").max(200), submittedAt: instant })).max(10_000).optional(),
  labels: z.array(z.string().trim().min(1).max(100)).max(100).optional().describe('Labels; "ai-assisted" marks an AI-assisted change.'),
});

export const incidentInput = z.object({
  externalId,
  service: serviceName,
  title: z.string().max(500).optional(),
  severity: z.string().trim().min(1).max(50).optional(),
  openedAt: instant,
  resolvedAt: instant.nullish(),
  causedByDeployment: externalId.optional().describe("The externalId of the deployment (same service) that caused it."),
});

export const workItemInput = z.object({
  externalId,
  team: teamSlug,
  type: z.enum(["feature", "defect", "risk", "debt"]),
  title: z.string().max(500).optional(),
  createdAt: instant,
  transitions: z.array(z.object({ status: z.string().trim().min(1, "is required").max(100), at: instant })).max(1000),
});

export type DeploymentInput = z.infer<typeof deploymentInput>;
export type PullRequestInput = z.infer<typeof pullRequestInput>;
export type IncidentInput = z.infer<typeof incidentInput>;
export type WorkItemInput = z.infer<typeof workItemInput>;

/** One object or an array of 1–1,000; always parsed to an array so issue paths carry the index. */
export function batchOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (Array.isArray(value) ? value : [value]),
    z.array(item).min(1, "send at least one item").max(MAX_BATCH, `send at most ${MAX_BATCH} items per request`),
  );
}

export const deploymentBatch = batchOf(deploymentInput);
export const pullRequestBatch = batchOf(pullRequestInput);
export const incidentBatch = batchOf(incidentInput);
export const workItemBatch = batchOf(workItemInput);

/** Labels that mark a pull request as AI-assisted (compared case-insensitively). */
export const AI_ASSISTED_LABELS: readonly string[] = ["ai-assisted", "ai assisted", "ai"];

export function isAiAssisted(labels: readonly string[] | undefined): boolean {
  return (labels ?? []).some((l) => AI_ASSISTED_LABELS.includes(l.trim().toLowerCase()));
}
