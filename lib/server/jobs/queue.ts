import "server-only";
import os from "node:os";
import {
  addGraphileJob,
  finishJobRun,
  failJobRun,
  getJob,
  insertJob,
  lockQueuedJob,
  pendingJobs,
  pendingJobsOf,
  requeueFailedJob,
  setJobPayload,
  setJobProgress,
  startJobRun,
  type JobRow,
} from "@/lib/server/data/jobs";
import { inSqlTransaction, openSql, type SqlRunner } from "@/lib/server/data/runner";
import { isEmbedded } from "@/lib/server/env";
import { conflict, notFound } from "@/lib/server/errors";
import { JOB_KINDS, jobKind, queueOf, type JobKind, type JobKindName, type PayloadOf } from "./kinds";

/** A worker (PostgreSQL) silent for this long is dead: the jobs it held go to the others. */
export const WORKER_TIMEOUT_MS = 60_000;

/**
 * Background jobs. A service enqueues inside the transaction that made the work necessary, so the job
 * exists exactly when that transaction commits; a queued job of the same kind that has not started takes
 * the new payload into its own (coalescing batches that arrive together). Then:
 * - on PostgreSQL, graphile-worker runs it on any worker process (lib/server/jobs/worker.ts), retried with
 *   back-off up to the kind's attempts, once;
 * - on the embedded database, this process runs it after the commit (`afterCommit()`); each queue's jobs in
 *   order, one at a time, queues side by side.
 * Users see every job in Admin → Jobs: progress, failures, and a retry for one whose attempts are spent.
 */

/** Enqueues in `tx`; returns the job's id (an existing queued job's when it coalesced). */
export async function enqueueJob<K extends JobKindName>(tx: SqlRunner, kind: K, payload: PayloadOf<K>, now: Date): Promise<string> {
  const def = jobKind(kind) as JobKind<unknown>;
  if (def.merge) {
    const queued = await lockQueuedJob(tx, kind, def.coalesceKey?.(payload));
    if (queued) {
      await setJobPayload(tx, queued.id, def.merge(queued.payload, payload));
      return queued.id;
    }
  }
  const id = await insertJob(tx, { kind, payload, now });
  if (!isEmbedded) await addGraphileJob(tx, { id, queue: queueOf(def, payload), maxAttempts: def.maxAttempts });
  return id;
}

/** Call after the transaction that enqueued commits: on the embedded database this process runs the job. */
export function afterCommit(): void {
  if (isEmbedded) kickLocal();
}

/** A failed job's attempts start over (Admin → Jobs, `POST /api/v1/jobs/{id}/retry`). */
export async function retryJob(id: string): Promise<JobRow> {
  const job = await getJob(await openSql(), id);
  if (!job) throw notFound("job");
  const def = jobKind(job.kind);
  if (!def) throw conflict(`Jobs of kind “${job.kind}” can no longer run.`);
  await inSqlTransaction(async (tx) => {
    if (!(await requeueFailedJob(tx, id))) throw conflict(`Only a failed job can be retried; this one is ${job.status.toLowerCase()}.`);
    if (!isEmbedded) await addGraphileJob(tx, { id, queue: queueOf(def, job.payload), maxAttempts: def.maxAttempts });
  });
  afterCommit();
  return (await getJob(await openSql(), id)) as JobRow;
}

const FINISHED = new Set(["DONE", "FAILED"]);
const POLL_MS = 25;

/** Waits until the job finished (done or failed) or `timeoutMs` passed; returns its row as it stands. */
export async function waitForJob(id: string, timeoutMs: number): Promise<JobRow | null> {
  const runner = await openSql();
  const until = performance.now() + timeoutMs;
  for (;;) {
    const job = await getJob(runner, id);
    if (!job || FINISHED.has(job.status) || performance.now() >= until) return job;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Waits until no job is queued or running (tests, the CLI, the benchmark); false when `timeoutMs` passed first. */
export async function whenIdle(timeoutMs: number): Promise<boolean> {
  const runner = await openSql();
  const until = performance.now() + timeoutMs;
  const kinds = Object.keys(JOB_KINDS);
  for (;;) {
    if ((await pendingJobsOf(runner, kinds)).length === 0 && !localBusy(localState())) return true;
    if (performance.now() >= until) return false;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export const PROCESS_WORKER_ID = `${os.hostname()}:${process.pid}`;

/**
 * Runs one job: marks it running, runs its kind, records the result, or the error (queued again while
 * attempts remain, failed when they are spent) and rethrows so the queue retries it. A job that no longer
 * exists or already finished is skipped.
 */
export async function runJob(id: string, workerId: string, now: Date = new Date()): Promise<void> {
  const runner = await openSql();
  const started = await startJobRun(runner, id, workerId, now);
  if (!started) return;
  const def = jobKind(started.kind);
  if (!def) {
    await failJobRun(runner, id, `Unknown job kind “${started.kind}”.`, true, new Date());
    return;
  }
  try {
    await setJobProgress(runner, id, 0, def.size(started.payload));
    const result = await def.run(started.payload, { now, workerId, progress: (done, total) => setJobProgress(runner, id, done, total) });
    await finishJobRun(runner, id, result, new Date());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await failJobRun(runner, id, message, started.attempts >= def.maxAttempts, new Date()).catch(() => {});
    throw error;
  }
}

// ── The embedded database: this process runs each queue's jobs one at a time, oldest first ──
// Queues run side by side, as graphile-worker runs them on PostgreSQL: an hourly alerts check or a connector
// sync waiting for its lease does not hold up an import or a recompute.

interface LocalState {
  /** The scan that starts each free queue's oldest job; null while none runs. */
  dispatching: Promise<void> | null;
  /** Scan again: a job was queued or a queue came free while the scan ran. */
  again: boolean;
  /** Queue → its job running now. */
  lanes: Map<string, Promise<void>>;
  /** Jobs waiting out a back-off after a failed run: id → earliest next run (ms). */
  backoff: Map<string, number>;
  timer: NodeJS.Timeout | null;
}

const globalForJobs = globalThis as unknown as { __pillarsLocalJobs?: LocalState };

function localState(): LocalState {
  return (globalForJobs.__pillarsLocalJobs ??= { dispatching: null, again: false, lanes: new Map(), backoff: new Map(), timer: null });
}

const localBusy = (state: LocalState) => state.dispatching !== null || state.lanes.size > 0;

/** Starts the queued jobs of every queue that has none running, in this process. Also called at start-up: a job a crash interrupted runs again. */
export function kickLocal(): void {
  const state = localState();
  state.again = true;
  if (state.dispatching) return;
  state.dispatching = dispatchLocal(state)
    .catch((error) => console.error("Background jobs stopped on an error:", error))
    .finally(() => {
      state.dispatching = null;
      if (state.again) kickLocal();
    });
}

async function dispatchLocal(state: LocalState): Promise<void> {
  const runner = await openSql();
  while (state.again) {
    state.again = false;
    const now = Date.now();
    for (const [id, at] of state.backoff) if (at <= now) state.backoff.delete(id);
    // Oldest first: each free queue starts its oldest job.
    for (const job of await pendingJobs(runner, [...state.backoff.keys()])) {
      const def = jobKind(job.kind);
      const queue = def ? queueOf(def, job.payload) : `unknown:${job.kind}`;
      if (state.lanes.has(queue)) continue;
      state.lanes.set(queue, runLocal(state, runner, job.id).finally(() => {
        state.lanes.delete(queue);
        kickLocal();
      }));
    }
  }
  wakeForBackoff(state);
}

async function runLocal(state: LocalState, runner: SqlRunner, id: string): Promise<void> {
  try {
    await runJob(id, PROCESS_WORKER_ID);
  } catch (error) {
    console.error(`Background job ${id} failed:`, error instanceof Error ? error.message : error);
    const job = await getJob(runner, id).catch(() => null);
    // graphile-worker's back-off: exp(attempts) seconds.
    if (job?.status === "QUEUED") state.backoff.set(id, Date.now() + Math.min(Math.exp(job.attempts), 3600) * 1000);
  }
}

/** Scans again when the soonest job waiting out its back-off is due. */
function wakeForBackoff(state: LocalState): void {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  if (state.backoff.size === 0) return;
  const due = Math.min(...state.backoff.values());
  // A timer may fire a millisecond before the wall clock reaches `due`: the scan drops entries that are due.
  state.timer = setTimeout(() => {
    state.timer = null;
    kickLocal();
  }, Math.max(0, due - Date.now()) + 5);
  state.timer.unref();
}

/** Waits for this process's in-flight local jobs to finish (tests between files, shutdown). */
export async function settleLocal(): Promise<void> {
  const state = localState();
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  while (localBusy(state)) await Promise.all([state.dispatching, ...state.lanes.values()]);
}
