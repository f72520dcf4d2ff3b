import "server-only";
import { openSql } from "@/lib/server/data/runner";
import type { Actor } from "@/lib/server/http/actor";
import { afterCommit, enqueueJob } from "@/lib/server/jobs/queue";
import { AffectedTeams, affectedToPayload } from "@/lib/server/services/delivery/affected";
import type { SqlRunner } from "@/lib/server/sql-runner";
import type { DeploymentInput, IncidentInput, PullRequestInput, WorkItemInput } from "@/lib/validation/ingest";
import { auditBatch, type IngestResult } from "./batch";
import { writeDeployments } from "./deployments";
import { writeIncidents } from "./incidents";
import { writePullRequests } from "./pull-requests";
import { writeWorkItems } from "./work-items";

/**
 * The ingestion API's services: one transaction per batch (a rejected batch stores nothing), in which the
 * recompute of the weeks it touched is enqueued as a background job (lib/server/jobs). The answer comes
 * right after the commit, with the job: `recomputing: true` and its id, which a client that must read its
 * own writes waits on (`GET /api/v1/jobs/{id}?wait=30`). Batches arriving while a recompute is queued join
 * it, so a burst of batches costs one recompute.
 */
export interface IngestResponse extends IngestResult {
  /** The batch's events are stored; the figures they change are being recomputed. */
  recomputing: boolean;
  /** The recompute job, null when the batch changed no team's figures. */
  job: { id: string; url: string } | null;
}

type Writer<T> = (tx: SqlRunner, items: readonly T[], affected: AffectedTeams) => Promise<IngestResult>;

/**
 * Runs `work` in one transaction and enqueues, in it, the recompute of what it touched. Webhooks use it to
 * write events together with their delivery id.
 */
export async function inIngestTransaction<R>(work: (tx: SqlRunner, affected: AffectedTeams) => Promise<R>, now: Date = new Date()): Promise<{ result: R; jobId: string | null }> {
  const runner = await openSql();
  const outcome = await runner.transaction(async (tx) => {
    const affected = new AffectedTeams();
    const result = await work(tx, affected);
    const jobId = affected.isEmpty ? null : await enqueueJob(tx, "delivery.recompute", affectedToPayload(affected), now);
    return { result, jobId };
  });
  if (outcome.jobId) afterCommit();
  return outcome;
}

export const jobLink = (id: string | null) => (id ? { id, url: `/api/v1/jobs/${id}` } : null);

async function ingest<T>(entityType: string, write: Writer<T>, items: readonly T[], actor: Actor): Promise<IngestResponse> {
  const { result, jobId } = await inIngestTransaction(async (tx, affected) => {
    const written = await write(tx, items, affected);
    await auditBatch(tx, actor, entityType, written);
    return written;
  });
  return { ...result, recomputing: jobId !== null, job: jobLink(jobId) };
}

export const ingestDeployments = (items: readonly DeploymentInput[], actor: Actor) => ingest("Deployment", writeDeployments, items, actor);
export const ingestPullRequests = (items: readonly PullRequestInput[], actor: Actor) => ingest("PullRequest", writePullRequests, items, actor);
export const ingestIncidents = (items: readonly IncidentInput[], actor: Actor) => ingest("Incident", writeIncidents, items, actor);
export const ingestWorkItems = (items: readonly WorkItemInput[], actor: Actor) => ingest("WorkItem", writeWorkItems, items, actor);
