import "server-only";
import type { z } from "zod";
import type { ProviderName } from "@/lib/connectors/providers";
import { connectorById, finishSync, renewSyncLease, saveStreamCursor, takeSyncLease } from "@/lib/server/data/connectors";
import { getOrgSettings } from "@/lib/server/data/org";
import { teamSlugById } from "@/lib/server/data/ingest/webhooks";
import { openSql } from "@/lib/server/data/runner";
import { conflict, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { auditBatch, type IngestResult } from "@/lib/server/services/ingest/batch";
import { writeDeployments } from "@/lib/server/services/ingest/deployments";
import { inIngestTransaction } from "@/lib/server/services/ingest/ingest";
import { writeIncidents } from "@/lib/server/services/ingest/incidents";
import { writePullRequests } from "@/lib/server/services/ingest/pull-requests";
import { resolveServices } from "@/lib/server/services/ingest/services";
import { removeMovedWorkItems, writeWorkItems } from "@/lib/server/services/ingest/work-items";
import type { AffectedTeams } from "@/lib/server/services/delivery/affected";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { PROVIDER_OPTIONS } from "@/lib/validation/connectors";
import {
  deploymentInput, incidentInput, pullRequestInput, workItemInput,
  type DeploymentInput, type IncidentInput, type PullRequestInput, type WorkItemInput,
} from "@/lib/validation/ingest";
import { advanceCursor, type StreamCursor } from "./cursor";
import { connectorToken } from "./tokens";
import { SYNCERS } from "./syncers";
import type { SyncContext, SyncPage } from "./types";

/**
 * Runs one sync of a connector: the provider's pages, each written with the ingestion API's writers (same
 * keys, so an event already sent by a webhook or the API is updated, not counted twice) and its stream's cursor
 * in one transaction, which also enqueues the recompute of the weeks it touched. One sync of a connector runs at
 * a time on any instance (a lease in the Connector row, extended with each page). A failure leaves every page
 * before it committed; the next run resumes from their cursors.
 */
/**
 * The lease lasts two minutes and is renewed every 30 s while the sync runs, so a sync whose process died frees
 * its connector within two minutes. A queued sync (a job) waits that long for another's to end instead of
 * failing; the CLI's fails at once, saying a sync is running.
 */
const LEASE_MS = 2 * 60_000;
const RENEW_MS = 30_000;
const LEASE_WAIT_MS = LEASE_MS + 30_000;
const LEASE_POLL_MS = 5_000;
const KINDS = ["deployments", "pullRequests", "incidents", "workItems"] as const;
type Kind = (typeof KINDS)[number];

export interface KindCounts {
  received: number;
  created: number;
  updated: number;
}

export interface SyncCounts extends Record<Kind, KindCounts> {
  /** Items read and left out: noise (drafts, non-production…) and items that failed validation. */
  skipped: number;
  pages: number;
  /** The first few validation problems, naming the item. */
  problems: string[];
}

export interface SyncOptions {
  /** YYYY-MM-DD: read history from this day (UTC) instead of the cursors or the backfill window. */
  since?: string | null;
  now: Date;
  /** Who holds the lease (a worker id, or the CLI's process). */
  holder: string;
  /** Wait for another sync of the connector to end (or its lease to lapse) rather than fail at once. */
  waitForLease?: boolean;
  progress?: (done: number, total: number) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}

export interface SyncOutcome {
  connector: string;
  counts: SyncCounts;
  /** The recompute jobs the pages enqueued. */
  jobIds: string[];
}

const emptyCounts = (): SyncCounts => ({
  deployments: { received: 0, created: 0, updated: 0 },
  pullRequests: { received: 0, created: 0, updated: 0 },
  incidents: { received: 0, created: 0, updated: 0 },
  workItems: { received: 0, created: 0, updated: 0 },
  skipped: 0,
  pages: 0,
  problems: [],
});

interface ItemOf {
  deployments: DeploymentInput;
  pullRequests: PullRequestInput;
  incidents: IncidentInput;
  workItems: WorkItemInput;
}
type Items = { [K in Kind]: ItemOf[K][] };

/** Per kind: the ingestion API's validation, the audit's entity and the writer, as the ingestion API uses them. */
interface Stage<K extends Kind> {
  schema: z.ZodType<ItemOf[K]>;
  entity: string;
  write: (tx: SqlRunner, items: readonly ItemOf[K][], affected: AffectedTeams) => Promise<IngestResult>;
}
const STAGES: { [K in Kind]: Stage<K> } = {
  deployments: { schema: deploymentInput, entity: "Deployment", write: writeDeployments },
  pullRequests: { schema: pullRequestInput, entity: "PullRequest", write: writePullRequests },
  incidents: { schema: incidentInput, entity: "Incident", write: writeIncidents },
  workItems: { schema: workItemInput, entity: "WorkItem", write: writeWorkItems },
};

/** The page's items of `kind` that pass the ingestion API's validation; the others counted as skipped with their problem. */
function validOf<K extends Kind>(kind: K, page: SyncPage, counts: SyncCounts): ItemOf[K][] {
  const stage: Stage<K> = STAGES[kind];
  const out: ItemOf[K][] = [];
  for (const item of (page[kind] ?? []) as unknown[]) {
    const parsed = stage.schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else {
      counts.skipped++;
      if (counts.problems.length < 10) {
        const issue = parsed.error.issues[0];
        const id = (item as { externalId?: unknown }).externalId;
        counts.problems.push(`${stage.entity} ${String(id)} in ${page.stream}: ${issue?.path.join(".")} ${issue?.message}`);
      }
    }
  }
  return out;
}

function validItems(page: SyncPage, counts: SyncCounts): Items {
  return { deployments: validOf("deployments", page, counts), pullRequests: validOf("pullRequests", page, counts), incidents: validOf("incidents", page, counts), workItems: validOf("workItems", page, counts) };
}

/** Writes the page's items of `kind` and audits the batch. */
async function writeKind<K extends Kind>(kind: K, tx: SqlRunner, items: readonly ItemOf[K][], actor: Actor, affected: AffectedTeams): Promise<IngestResult> {
  const stage: Stage<K> = STAGES[kind];
  const result = await stage.write(tx, items, affected);
  await auditBatch(tx, actor, stage.entity, result);
  return result;
}

function later(stored: StreamCursor | null, next: StreamCursor | null): StreamCursor | null {
  if (!next) return stored;
  if (!stored) return next;
  return Date.parse(next.at) < Date.parse(stored.at) ? stored : (advanceCursor(stored, next.ids.map((id) => ({ at: next.at, id }))) ?? next);
}

export async function runConnectorSync(connectorId: string, options: SyncOptions): Promise<SyncOutcome> {
  const row = await connectorById(connectorId);
  if (!row) throw notFound("Connector");
  const provider = row.provider as ProviderName;
  const syncer = SYNCERS[provider] as ((ctx: SyncContext<ProviderName>) => AsyncIterable<SyncPage>) | undefined;
  if (!syncer) throw conflict(`Connectors of kind “${row.provider}” cannot sync in this version.`);
  const token = connectorToken(row.tokenEncrypted);
  const providerOptions = PROVIDER_OPTIONS[provider].parse(row.options);
  const sql = await openSql();
  const { now, holder } = options;
  // The lease is between processes, so it runs on the wall clock, not on the sync's `now`.
  const waitUntil = Date.now() + (options.waitForLease ? LEASE_WAIT_MS : 0);
  while (!(await takeSyncLease(sql, row.id, holder, new Date(), new Date(Date.now() + LEASE_MS)))) {
    if (Date.now() >= waitUntil) throw conflict(`A sync of “${row.name}” is already running.`);
    await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
  }
  const renewal = setInterval(() => void renewSyncLease(sql, row.id, holder, new Date(Date.now() + LEASE_MS)).catch(() => {}), RENEW_MS);
  renewal.unref();

  const counts = emptyCounts();
  const jobIds = new Set<string>();
  try {
    const stored = (row.cursor ?? {}) as unknown as Record<string, StreamCursor>;
    const cursors = new Map(options.since ? [] : Object.entries(stored));
    const since = options.since ? new Date(`${options.since}T00:00:00Z`) : new Date(now.getTime() - row.backfillDays * 86_400_000);
    const defaultTeam = row.defaultTeamId ? await teamSlugById(row.defaultTeamId) : null;
    const { incidentLabel } = await getOrgSettings();
    const actor: Actor = { userId: null, label: `connector:${row.name}` };
    const ctx: SyncContext<ProviderName> = {
      connectorName: row.name,
      apiUrl: row.apiUrl,
      token,
      options: providerOptions,
      cursorOf: (stream) => cursors.get(stream) ?? null,
      since,
      now,
      incidentLabel,
      defaultTeamSlug: defaultTeam?.slug ?? null,
      progress: options.progress ?? (async () => {}),
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };

    for await (const page of syncer(ctx)) {
      counts.pages++;
      counts.skipped += page.skipped ?? 0;
      counts.problems.push(...(page.problems ?? []).slice(0, Math.max(0, 10 - counts.problems.length)));
      const items = validItems(page, counts);
      const cursor = later((stored[page.stream] as StreamCursor | undefined) ?? null, page.cursor);
      const { jobId } = await inIngestTransaction(async (tx, affected) => {
        // Services first seen through this connector go to its default team.
        const services = [...new Set([...items.deployments, ...items.pullRequests, ...items.incidents].map((i) => i.service))];
        if (services.length > 0) await resolveServices(tx, services.map((service, index) => ({ index, service, team: defaultTeam?.slug })), affected);
        for (const kind of KINDS) {
          if (items[kind].length === 0) continue;
          const result = await writeKind(kind, tx, items[kind], actor, affected);
          counts[kind].received += result.received;
          counts[kind].created += result.created;
          counts[kind].updated += result.updated;
        }
        // A tracker's issue key is one item: a copy another team kept from before the issue moved goes.
        await removeMovedWorkItems(tx, items.workItems, affected);
        if (cursor) await saveStreamCursor(tx, row.id, page.stream, cursor, new Date(Date.now() + LEASE_MS));
      }, now);
      if (cursor) {
        stored[page.stream] = cursor;
        cursors.set(page.stream, cursor);
      }
      if (jobId) jobIds.add(jobId);
    }
    await finishSync(sql, row.id, holder, { status: "DONE", error: null, counts, at: new Date() });
    return { connector: row.name, counts, jobIds: [...jobIds] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishSync(sql, row.id, holder, { status: "FAILED", error: message, counts, at: new Date() }).catch(() => {});
    throw error;
  } finally {
    clearInterval(renewal);
  }
}
