import "server-only";
import { openSql } from "@/lib/server/data/runner";
import { readDataVersion, readDataVersionWithWriters, type VersionKind } from "@/lib/server/data/system/data-version";
import { isEmbedded } from "@/lib/server/env";

/**
 * Dashboard results kept in this instance's memory, valid while the organisation's data version (a
 * sequence every data-changing statement advances, see the data_version migration) stays the same. Each
 * lookup costs one query, so several instances behind a load balancer each see a write at once: nothing
 * is shared in memory, the database says what is current.
 *
 * Sequences are not transactional: a writer advances the version before it commits, so the version alone
 * cannot say a writer has since committed. A result is therefore kept with the version and the set of
 * transactions that were writing (uncommitted) when it was read, and used again while the version is the same
 * and every transaction of that set is still writing. Then nothing it could not see has committed since: a
 * transaction that wrote dashboard data later moved the version, and one of the set that committed (or rolled
 * back) left the set; writers that came since without moving the version (job bookkeeping, a heartbeat) wrote
 * nothing a dashboard reads. So a long write — an import in its transaction — does not turn every read meanwhile
 * into a computation, and a result computed with no writer about stays good beside any.
 *
 * Requests that miss at the same version share one computation, so a burst of readers after a write computes a
 * view once per instance, not once per reader.
 *
 * The inputs of disclosure decisions (the roster, surveys, the organisation, the values of people and survey
 * metrics) follow a second sequence, the disclosure version, which the same writes advance except those to tables
 * no disclosure decision reads (DISCLOSURE_UNVERSIONED_TABLES) and to values of metrics without people in them. A
 * deployment and its recompute then leave those inputs in memory, and the dashboards after it compute only what
 * the deployment changed. The same reasoning about writers holds for either sequence.
 */
const MAX_ENTRIES = 500;
const entries = new Map<string, { version: string; writers: string; value: unknown }>();
const inflight = new Map<string, Promise<unknown>>();

/** Whether every transaction of `kept` (comma-separated ids) is among `now`'s. */
function stillWriting(kept: string, now: string): boolean {
  if (kept === "") return true;
  const current = new Set(now.split(","));
  return kept.split(",").every((xid) => current.has(xid));
}

/** Tables whose changes do not advance the version: no dashboard reads them. */
export const UNVERSIONED_TABLES = [
  "_prisma_migrations", "RevokedSession", "SignInThrottle", "ApiToken", "AuditLog", "Import", "ImportChunk", "ImportChange", "ImportBatch", "Job", "JobWorker",
  "WebhookDelivery", "SurveyInvitation", "Connector", "NotificationSettings", "DigestDelivery", "AlertDelivery", "ScheduleRun",
] as const;

/**
 * Tables whose changes leave every disclosure decision alone: besides the unversioned ones, delivery events and
 * metric roll-ups (metric values move it only for metrics with people in them). disclosure/versioning.int.test.ts
 * hides these tables and makes every decision's inputs again.
 */
export const DISCLOSURE_UNVERSIONED_TABLES = [
  ...UNVERSIONED_TABLES, "Deployment", "PullRequest", "PullRequestCommit", "PullRequestReview", "Incident", "WorkItem", "MetricRollup",
] as const;

/** The data (or disclosure) version, and the transactions writing now (PostgreSQL; "" when none, always "" embedded). */
export async function dataVersion(kind: VersionKind = "data"): Promise<{ version: string; writers: string }> {
  const runner = await openSql();
  // One connection: while a transaction is open every other statement waits for it, so the version read
  // here is always committed.
  if (isEmbedded) return { version: await readDataVersion(runner, kind), writers: "" };
  return readDataVersionWithWriters(runner, kind);
}

/** `compute()` once per data version, writing transactions and key; the value is shared between requests, so callers must not mutate it. */
export function cachedByDataVersion<T>(key: string, compute: () => Promise<T>): Promise<T> {
  return cachedByVersion("data", key, compute);
}

/** `compute()` once per disclosure version (for the inputs of disclosure decisions only), as cachedByDataVersion. */
export function cachedByDisclosureVersion<T>(key: string, compute: () => Promise<T>): Promise<T> {
  return cachedByVersion("disclosure", key, compute);
}

async function cachedByVersion<T>(kind: VersionKind, name: string, compute: () => Promise<T>): Promise<T> {
  const { version, writers } = await dataVersion(kind);
  const key = `${kind}\u0000${name}`;
  const hit = entries.get(key);
  if (hit && hit.version === version && stillWriting(hit.writers, writers)) {
    entries.delete(key);
    entries.set(key, hit); // most recently used last
    return hit.value as T;
  }
  const flight = `${key}\u0000${version}\u0000${writers}`;
  const running = inflight.get(flight);
  if (running) return running as Promise<T>;
  const computing = compute().then((value) => {
    entries.delete(key);
    entries.set(key, { version, writers, value });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    return value;
  });
  inflight.set(flight, computing);
  try {
    return await computing;
  } finally {
    inflight.delete(flight);
  }
}

/** JSON with object keys sorted at every level, so equal queries give equal keys. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).filter((k) => record[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${stableJson(record[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** A cache key for a dashboard query at `now`: weeks start on quarter hours in every zone, so the bucket fixes the current week. */
export function dashboardKey(name: string, query: object, now: Date = (query as { now?: Date }).now ?? new Date()): string {
  const rest: Record<string, unknown> = { ...query };
  delete rest.now;
  return `${name}:${Math.floor(now.getTime() / 900_000)}:${stableJson(rest)}`;
}
