import "server-only";
import { affectedFromPayload, mergeAffected, type AffectedPayload } from "@/lib/server/services/delivery/affected";
import { recomputeAffected, recomputeTeams } from "@/lib/server/services/delivery/recompute";
import { runConnectorSync } from "@/lib/server/services/connectors/sync";
import { HttpError } from "@/lib/server/errors";
import { checkAlerts, sendAlert, type AlertKey } from "@/lib/server/services/notifications/alerts";
import { sendDigest } from "@/lib/server/services/notifications/digest";
import { runQueuedImport, type ImportJobPayload } from "@/lib/server/services/imports/run";

/**
 * Every kind of background job: what it runs, the queue it runs in (jobs of one queue run one at a time, in
 * order, on whichever worker takes them), how many runs a failure may take, and how two queued jobs of the
 * kind coalesce into one. A job must be idempotent: a run repeated after a crash gives the same outcome.
 */
export interface JobContext {
  /** The instant the run started: recomputes compute up to its week. */
  now: Date;
  progress(done: number, total: number): Promise<void>;
  /** The process running it (a lease holder's name). */
  workerId: string;
}

export interface JobKind<P> {
  /** Shown in Admin → Jobs. */
  label: string;
  /** Jobs of one queue run one at a time, in order; a function gives each payload its queue (one per connector). */
  queue: string | ((payload: P) => string);
  maxAttempts: number;
  /** Queued jobs of the kind that have not started take the next one's payload into theirs. */
  merge?: (queued: P, next: P) => P;
  /** With `merge`: only a queued job whose payload contains this (JSON containment) takes the next one in. */
  coalesceKey?: (payload: P) => Record<string, unknown>;
  /** How many units of work the payload holds (teams, rows), for the progress bar. */
  size: (payload: P) => number;
  run: (payload: P, ctx: JobContext) => Promise<unknown>;
}

export interface TeamsPayload {
  /** null: every team. */
  teams: string[] | null;
}

const deliveryRecompute: JobKind<AffectedPayload> = {
  label: "Recompute delivery and flow metrics after new events",
  // Recomputes of one organisation run in order, so an older run never writes over a newer one's values.
  queue: "delivery",
  maxAttempts: 5,
  merge: mergeAffected,
  size: (p) => new Set([...p.delivery.map(([t]) => t), ...p.flow.map(([t]) => t)]).size,
  async run(payload, ctx) {
    const result = await recomputeAffected(affectedFromPayload(payload), ctx.now);
    await ctx.progress(this.size(payload), this.size(payload));
    return result;
  },
};

const teamsRecompute: JobKind<TeamsPayload> = {
  label: "Recompute every week of delivery and flow metrics",
  queue: "delivery",
  maxAttempts: 5,
  merge: (a, b) => ({ teams: a.teams === null || b.teams === null ? null : [...new Set([...a.teams, ...b.teams])] }),
  size: (p) => p.teams?.length ?? 0,
  async run(payload, ctx) {
    const result = await recomputeTeams(payload.teams, ctx.now);
    await ctx.progress(result.teams, result.teams);
    return result;
  },
};

export interface ConnectorSyncPayload {
  connectorId: string;
  /** YYYY-MM-DD: read history from this day; null: from the cursors (or the backfill window on a first sync). */
  since: string | null;
}

const connectorSync: JobKind<ConnectorSyncPayload> = {
  label: "Sync a connector",
  // One queue per connector: its syncs run one after another, different connectors side by side.
  queue: (p) => `connector:${p.connectorId}`,
  maxAttempts: 5,
  // A sync asked for while one waits is the same sync; the earlier `since` of the two wins.
  merge: (a, b) => ({ connectorId: a.connectorId, since: a.since && b.since ? (a.since < b.since ? a.since : b.since) : (a.since ?? b.since) }),
  coalesceKey: (p) => ({ connectorId: p.connectorId }),
  size: () => 0,
  run: (payload, ctx) =>
    runConnectorSync(payload.connectorId, { since: payload.since, now: ctx.now, holder: ctx.workerId, waitForLease: true, progress: ctx.progress }).then(
      (o) => ({ connector: o.connector, counts: o.counts }),
      // A connector deleted while its sync waited: nothing to do.
      (error: unknown) => {
        if (error instanceof HttpError && error.status === 404) return { deleted: true };
        throw error;
      },
    ),
};

const importRun: JobKind<ImportJobPayload> = {
  label: "Run a CSV import",
  // Imports run one after another, in the order they were asked for: two files of the same values apply in
  // that order.
  queue: "imports",
  // An import is one transaction: a run cut off by a crash left nothing, and the next attempt starts over.
  maxAttempts: 3,
  size: () => 0,
  run: (payload, ctx) => runQueuedImport(payload, ctx.now).then((row) => ({ status: row.status })),
};

export interface DigestPayload {
  userId: string;
  /** The Monday of the week the digest falls due in (its `DigestDelivery` key). */
  week: string;
  /** The occurrence (ISO instant) it reports as of: a digest caught up later reads what it would have then. */
  at: string;
}

export interface AlertsCheckPayload {
  /** The tick's instant (ISO): the check reads the last week complete by then. */
  at: string;
}

const weeklyDigest: JobKind<DigestPayload> = {
  label: "Send a weekly digest",
  queue: "notifications",
  maxAttempts: 3,
  size: () => 1,
  run: (payload) => sendDigest(payload.userId, new Date(payload.at)),
};

const alertsCheck: JobKind<AlertsCheckPayload> = {
  label: "Check for red metrics and early warnings to alert",
  queue: "notifications",
  maxAttempts: 3,
  // Checks asked for while one waits are one check, as of the later instant.
  merge: (a, b) => (a.at > b.at ? a : b),
  size: () => 0,
  run: (payload) => checkAlerts(new Date(payload.at)),
};

const alertSend: JobKind<AlertKey> = {
  label: "Send an alert",
  queue: "notifications",
  maxAttempts: 3,
  size: () => 1,
  run: (payload) => sendAlert(payload),
};

export const JOB_KINDS = {
  "delivery.recompute": deliveryRecompute,
  "delivery.recompute-teams": teamsRecompute,
  "connector.sync": connectorSync,
  "import.run": importRun,
  "digest.weekly": weeklyDigest,
  "alerts.check": alertsCheck,
  "alerts.send": alertSend,
} as const;

export type JobKindName = keyof typeof JOB_KINDS;
export type PayloadOf<K extends JobKindName> = (typeof JOB_KINDS)[K] extends JobKind<infer P> ? P : never;

export function queueOf<P>(kind: JobKind<P>, payload: P): string {
  return typeof kind.queue === "function" ? kind.queue(payload) : kind.queue;
}

export function jobKind(name: string): JobKind<unknown> | null {
  return (JOB_KINDS as Record<string, JobKind<unknown>>)[name] ?? null;
}

/** The kinds whose pending runs mean "delivery figures are being recomputed". */
export const DELIVERY_RECOMPUTE_KINDS: readonly JobKindName[] = ["delivery.recompute", "delivery.recompute-teams"];
