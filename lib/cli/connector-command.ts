import "server-only";
import { flagOf, PROVIDER_INFO, PROVIDERS, type ProviderName } from "@/lib/connectors/providers";
import { teamsBySlug } from "@/lib/server/data/ingest/services";
import { openSql } from "@/lib/server/data/runner";
import { connectorByName } from "@/lib/server/data/connectors";
import { isEmbedded } from "@/lib/server/env";
import type { Actor } from "@/lib/server/http/actor";
import { kickLocal, PROCESS_WORKER_ID, whenIdle } from "@/lib/server/jobs/queue";
import { createConnector, listConnectors } from "@/lib/server/services/connectors/admin";
import { runConnectorSync, type SyncCounts } from "@/lib/server/services/connectors/sync";
import { connectorCreateInput, connectorSyncInput } from "@/lib/validation/connectors";
import { CliError, optionalFlag, requireFlag, type CliOptions, type ParsedArgs } from "./args";

/**
 * `pillars connector add|list|sync`: the same services as Admin → Connectors. `sync` runs one sync to the end in
 * this process, prints its counts and fails (exit 1) when the sync does; on the embedded database it then runs
 * the recomputes the sync queued, as the server is stopped.
 */
const COMMON_ADD = ["name", "api-url", "token", "team", "backfill-days", "interval-minutes"];

/** Every provider field's flag (`--repos`, `--production-environments`, `--releases-as-deployments`, …). */
export const CONNECTOR_ADD_OPTIONS: CliOptions = Object.fromEntries([
  ...COMMON_ADD.map((f) => [f, { type: "string" as const }]),
  ...PROVIDERS.flatMap((p) => PROVIDER_INFO[p].fields.map((f) => [flagOf(f.key), { type: f.kind === "boolean" ? ("boolean" as const) : ("string" as const) }])),
]);

export const CONNECTOR_ADD_USAGE = [
  "connector add github --name NAME --api-url URL --token TOKEN --repos owner/repo[,owner/repo…] [--team SLUG]",
  "  connector add gitlab|jira|pagerduty --name NAME --api-url URL --token TOKEN [provider options]",
  ...PROVIDERS.map((p) => `      ${p}: ${PROVIDER_INFO[p].fields.map((f) => `--${flagOf(f.key)}${f.kind === "boolean" ? "" : ` ${f.example ?? "VALUE"}`}`).join(" ")}`),
  "      all: [--backfill-days 180] [--interval-minutes 60]",
].join("\n");

export async function connectorAdd(args: ParsedArgs, actor: Actor, now = new Date()): Promise<string[]> {
  const provider = args.positionals[0];
  if (!provider || !(PROVIDERS as readonly string[]).includes(provider)) throw new CliError(`Name the provider: ${PROVIDERS.join(", ")}.`, args.usage);
  const info = PROVIDER_INFO[provider as ProviderName];
  const own = new Set(info.fields.map((f) => flagOf(f.key)));
  const foreign = Object.keys(args.flags).filter((f) => f !== "help" && !COMMON_ADD.includes(f) && !own.has(f));
  if (foreign.length) throw new CliError(`--${foreign[0]} is not an option of ${info.label} connectors.`, args.usage);

  const teamSlug = optionalFlag(args, "team");
  let defaultTeamId: string | null = null;
  if (teamSlug) {
    const [team] = await teamsBySlug(await openSql(), [teamSlug]);
    if (!team) throw new CliError(`No team with slug "${teamSlug}".`);
    defaultTeamId = team.id;
  }
  const options = Object.fromEntries(info.fields.flatMap((f) => (args.flags[flagOf(f.key)] === undefined ? [] : [[f.key, args.flags[flagOf(f.key)]]])));
  const input = connectorCreateInput.safeParse({
    provider,
    name: requireFlag(args, "name"),
    apiUrl: optionalFlag(args, "api-url"),
    token: requireFlag(args, "token"),
    defaultTeamId,
    backfillDays: optionalFlag(args, "backfill-days"),
    intervalMinutes: optionalFlag(args, "interval-minutes"),
    options,
  });
  if (!input.success) {
    const issue = input.error.issues[0];
    throw new CliError(`--${flagOf(String(issue?.path[0] === "options" ? issue.path[1] : issue?.path[0]))}: ${issue?.message}`);
  }
  try {
    await createConnector(actor, input.data, now);
  } catch (error) {
    const details = (error as { details?: { issues?: { path: string; message: string }[] } }).details;
    const issue = details?.issues?.[0];
    if (issue) throw new CliError(`--${flagOf(issue.path.replace(/^options\./, ""))}: ${issue.message}`);
    throw new CliError((error as Error).message);
  }
  return [
    `Added ${info.label} connector “${input.data.name}”: the last ${input.data.backfillDays} days are read on its first sync, then every ${input.data.intervalMinutes} minutes.`,
    `Run it now: npm run pillars -- connector sync "${input.data.name}"`,
  ];
}

const when = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) + " UTC" : "never");

export async function connectorList(): Promise<string[]> {
  const rows = await listConnectors();
  if (rows.length === 0) return ["No connectors. Add one: npm run pillars -- connector add github --name NAME --token TOKEN --repos owner/repo"];
  return rows.map((c) => {
    const status = c.job ? `${c.job.status.toLowerCase()} now` : c.lastSyncStatus === "FAILED" ? `last sync failed: ${c.lastError}` : `last synced ${when(c.lastSyncAt)}`;
    return `${c.name}  ${c.provider}  ${c.apiUrl}  ${c.enabled ? `every ${c.intervalMinutes} min` : "paused"}  ${status}`;
  });
}

export function countLines(counts: SyncCounts): string[] {
  const line = (label: string, k: { received: number; created: number; updated: number }) => `  ${label.padEnd(14)} ${k.received} read, ${k.created} new, ${k.updated} updated`;
  return [
    line("deployments", counts.deployments),
    line("pull requests", counts.pullRequests),
    line("incidents", counts.incidents),
    line("work items", counts.workItems),
    `  skipped        ${counts.skipped}`,
    ...counts.problems.map((p) => `  problem: ${p}`),
  ];
}

export async function connectorSync(args: ParsedArgs, now = new Date()): Promise<string[]> {
  const name = args.positionals[0];
  if (!name) throw new CliError("Name the connector.", args.usage);
  const since = connectorSyncInput.safeParse({ since: optionalFlag(args, "since") });
  if (!since.success) throw new CliError(`--since: ${since.error.issues[0]?.message}`);
  const row = await connectorByName(name);
  if (!row) throw new CliError(`No connector named “${name}” (npm run pillars -- connector list).`);
  const started = Date.now();
  const outcome = await runConnectorSync(row.id, { since: since.data.since ?? null, now, holder: `cli:${PROCESS_WORKER_ID}` });
  const lines = [`Synced “${name}” in ${((Date.now() - started) / 1000).toFixed(1)} s:`, ...countLines(outcome.counts)];
  if (outcome.jobIds.length === 0) return lines;
  if (!isEmbedded) return [...lines, "The delivery figures are being recomputed by the workers."];
  // The embedded database's server is stopped while the CLI holds the data folder: recompute here.
  kickLocal();
  await whenIdle(30 * 60_000);
  return [...lines, "Delivery figures recomputed."];
}
