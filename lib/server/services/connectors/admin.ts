import "server-only";
import type { ConnectorCounts, ConnectorView } from "@/lib/connectors/api-types";
import { PROVIDER_INFO, type ProviderName } from "@/lib/connectors/providers";
import {
  connectorById,
  connectorByName,
  deleteConnectorRow,
  insertConnector,
  listConnectorRows,
  pendingSyncJobs,
  updateConnectorRow,
} from "@/lib/server/data/connectors";
import { listTeamNames } from "@/lib/server/data/delivery/webhook-sources";
import { teamExists } from "@/lib/server/data/org";
import { inTransaction, openSql, transactionRunner, type Tx } from "@/lib/server/data/runner";
import { badRequest, conflict, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { afterCommit, enqueueJob } from "@/lib/server/jobs/queue";
import { jobLink } from "@/lib/server/services/ingest/ingest";
import { recordAudit } from "@/lib/server/services/audit";
import { parseProviderOptions, type ConnectorCreateInput, type ConnectorUpdateInput } from "@/lib/validation/connectors";
import { encryptToken } from "./tokens";

/**
 * Admin management of pull connectors (Admin → Connectors, `/api/v1/admin/connectors`, the CLI). The token is
 * write-only: stored encrypted, never returned or audited. Adding a connector queues its backfill at once.
 */
export type { ConnectorView } from "@/lib/connectors/api-types";

export async function listConnectors(): Promise<ConnectorView[]> {
  const [rows, teams, jobs] = await Promise.all([listConnectorRows(), listTeamNames(), openSql().then(pendingSyncJobs)]);
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const jobOf = new Map(jobs.map((j) => [j.connectorId, j]));
  return rows.map((r) => {
    const job = jobOf.get(r.id);
    return {
      id: r.id,
      name: r.name,
      provider: r.provider as ProviderName,
      providerLabel: PROVIDER_INFO[r.provider as ProviderName]?.label ?? r.provider,
      apiUrl: r.apiUrl,
      options: r.options as Record<string, unknown>,
      defaultTeam: r.defaultTeamId ? (teamById.get(r.defaultTeamId) ?? null) : null,
      backfillDays: r.backfillDays,
      intervalMinutes: r.intervalMinutes,
      enabled: r.enabled,
      nextSyncAt: r.nextSyncAt.toISOString(),
      lastSyncAt: r.lastSyncAt?.toISOString() ?? null,
      lastSyncStatus: r.lastSyncStatus as ConnectorView["lastSyncStatus"],
      lastError: r.lastError,
      lastCounts: (r.lastCounts as ConnectorCounts | null) ?? null,
      job: job ? { ...(jobLink(job.id) as { id: string; url: string }), status: job.status, progress: job.progress, total: job.total, attempts: job.attempts, error: job.error } : null,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

/** The provider's options, validated; errors name `options.<field>`. */
function providerOptions(provider: ProviderName, options: unknown): object {
  const parsed = parseProviderOptions(provider, options);
  if (parsed.ok) return parsed.options;
  throw badRequest(`${parsed.issues[0].path}: ${parsed.issues[0].message}`, { issues: parsed.issues });
}

async function checkTeam(id: string | null | undefined): Promise<void> {
  if (id && !(await teamExists(id))) throw notFound("Team");
}

async function queueSync(tx: Tx, connectorId: string, since: string | null, now: Date): Promise<string> {
  return enqueueJob(transactionRunner(tx), "connector.sync", { connectorId, since }, now);
}

/** Creates the connector and queues its backfill; returns its id and the backfill job. */
export async function createConnector(actor: Actor, input: ConnectorCreateInput, now: Date): Promise<{ id: string; job: { id: string; url: string } }> {
  const options = providerOptions(input.provider, input.options);
  await checkTeam(input.defaultTeamId);
  if (await connectorByName(input.name)) throw conflict(`A connector named “${input.name}” exists already.`);
  const apiUrl = (input.apiUrl ?? PROVIDER_INFO[input.provider].defaultApiUrl).replace(/\/+$/, "");
  const { id, jobId } = await inTransaction(async (tx) => {
    const row = await insertConnector(
      {
        name: input.name, provider: input.provider, apiUrl, tokenEncrypted: encryptToken(input.token), options, defaultTeamId: input.defaultTeamId,
        backfillDays: input.backfillDays, intervalMinutes: input.intervalMinutes, enabled: input.enabled,
        nextSyncAt: new Date(now.getTime() + input.intervalMinutes * 60_000),
      },
      tx,
    );
    await recordAudit(actor, { action: "create", entityType: "Connector", entityId: row.id, summary: `${input.provider} connector “${input.name}”`, after: { ...input, token: undefined, options } }, tx);
    return { id: row.id, jobId: input.enabled ? await queueSync(tx, row.id, null, now) : null };
  });
  afterCommit();
  return { id, job: jobLink(jobId) as { id: string; url: string } };
}

export async function updateConnector(actor: Actor, id: string, input: ConnectorUpdateInput): Promise<void> {
  const row = await connectorById(id);
  if (!row) throw notFound("Connector");
  const options = input.options === undefined ? undefined : providerOptions(row.provider as ProviderName, input.options);
  await checkTeam(input.defaultTeamId);
  if (input.name && input.name !== row.name && (await connectorByName(input.name))) throw conflict(`A connector named “${input.name}” exists already.`);
  const { token, ...rest } = input;
  await inTransaction(async (tx) => {
    await updateConnectorRow(id, { ...rest, ...(options ? { options } : {}), ...(rest.apiUrl ? { apiUrl: rest.apiUrl.replace(/\/+$/, "") } : {}), ...(token ? { tokenEncrypted: encryptToken(token) } : {}) }, tx);
    await recordAudit(actor, { action: "update", entityType: "Connector", entityId: id, summary: `connector “${row.name}”${token ? " (new token)" : ""}`, after: { ...rest, options } }, tx);
  });
}

export async function deleteConnector(actor: Actor, id: string): Promise<void> {
  await inTransaction(async (tx) => {
    const row = await connectorById(id, tx);
    if (!row) throw notFound("Connector");
    await deleteConnectorRow(id, tx);
    await recordAudit(actor, { action: "delete", entityType: "Connector", entityId: id, summary: `${row.provider} connector “${row.name}”` }, tx);
  });
}

/** "Sync now": queues a sync (joining one already waiting); `since` re-reads history from that day. */
export async function requestSync(actor: Actor, id: string, since: string | null, now: Date): Promise<{ id: string; url: string }> {
  const row = await connectorById(id);
  if (!row) throw notFound("Connector");
  const jobId = await inTransaction(async (tx) => {
    const job = await queueSync(tx, id, since, now);
    await recordAudit(actor, { action: "sync", entityType: "Connector", entityId: id, summary: `sync of connector “${row.name}”${since ? ` since ${since}` : ""}` }, tx);
    return job;
  });
  afterCommit();
  return jobLink(jobId) as { id: string; url: string };
}
