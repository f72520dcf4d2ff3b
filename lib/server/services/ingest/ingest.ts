import "server-only";
import { openSql } from "@/lib/server/data/runner";
import type { Actor } from "@/lib/server/http/actor";
import { AffectedTeams } from "@/lib/server/services/delivery/affected";
import { recomputeAffected, type RecomputeResult } from "@/lib/server/services/delivery/recompute";
import type { SqlRunner } from "@/lib/server/sql-runner";
import type { DeploymentInput, IncidentInput, PullRequestInput, WorkItemInput } from "@/lib/validation/ingest";
import { auditBatch, type IngestResult } from "./batch";
import { writeDeployments } from "./deployments";
import { writeIncidents } from "./incidents";
import { writePullRequests } from "./pull-requests";
import { writeWorkItems } from "./work-items";

/**
 * The ingestion API's services: one transaction per batch (a rejected batch stores nothing), then the
 * incremental recompute of the weeks it touched, run synchronously after the commit so the numbers a
 * client reads right after a 200 already include its events.
 */
export interface IngestResponse extends IngestResult {
  recomputed: RecomputeResult;
}

type Writer<T> = (tx: SqlRunner, items: readonly T[], affected: AffectedTeams) => Promise<IngestResult>;

/** Runs `work` in one transaction, then recomputes what it touched. Webhooks use it to write events together with their delivery id. */
export async function inIngestTransaction<R>(work: (tx: SqlRunner, affected: AffectedTeams) => Promise<R>): Promise<{ result: R; recomputed: RecomputeResult }> {
  const affected = new AffectedTeams();
  const runner = await openSql();
  const result = await runner.transaction((tx) => work(tx, affected));
  return { result, recomputed: await recomputeAffected(affected) };
}

async function ingest<T>(entityType: string, write: Writer<T>, items: readonly T[], actor: Actor): Promise<IngestResponse> {
  const { result, recomputed } = await inIngestTransaction(async (tx, affected) => {
    const written = await write(tx, items, affected);
    await auditBatch(tx, actor, entityType, written);
    return written;
  });
  return { ...result, recomputed };
}

export const ingestDeployments = (items: readonly DeploymentInput[], actor: Actor) => ingest("Deployment", writeDeployments, items, actor);
export const ingestPullRequests = (items: readonly PullRequestInput[], actor: Actor) => ingest("PullRequest", writePullRequests, items, actor);
export const ingestIncidents = (items: readonly IncidentInput[], actor: Actor) => ingest("Incident", writeIncidents, items, actor);
export const ingestWorkItems = (items: readonly WorkItemInput[], actor: Actor) => ingest("WorkItem", writeWorkItems, items, actor);
