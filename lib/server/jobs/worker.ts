import "server-only";
import os from "node:os";
import { EventEmitter } from "node:events";
import { Logger, makeWorkerUtils, run, runMigrations, type Runner, type WorkerEvents } from "graphile-worker";
import { beatWorker, forgetWorker, takeDeadWorkers } from "@/lib/server/data/jobs";
import { openSql } from "@/lib/server/data/runner";
import { env, isEmbedded } from "@/lib/server/env";
import { kickLocal, PROCESS_WORKER_ID, runJob, settleLocal, WORKER_TIMEOUT_MS } from "./queue";
import { startScheduler } from "./schedule";

/**
 * The process side of background jobs.
 * - PostgreSQL: a graphile-worker runner (`npm run worker`, or inside the app server unless
 *   PILLARS_WORKER=off). Any number of processes may run one; graphile-worker hands each job to exactly one.
 *   Each process records its workers' heartbeats in JobWorker; a worker silent for WORKER_TIMEOUT_MS is dead
 *   (killed, its machine gone) and the jobs it held are unlocked at once for the others, instead of after
 *   graphile-worker's four hours.
 * - Embedded: the app server runs queued jobs itself (lib/server/jobs/queue.ts); starting only picks up
 *   what a previous run left queued.
 */
const HEARTBEAT_MS = 10_000;

export interface JobWorkerHandle {
  stop(): Promise<void>;
}

/** graphile-worker's schema (graphile_worker) on PostgreSQL; idempotent. `pillars migrate` runs it. */
export async function installJobQueue(): Promise<void> {
  if (isEmbedded) return;
  await runMigrations({ connectionString: env.DATABASE_URL, logger: quietLogger });
}

/** Warnings and errors only: graphile-worker's info lines would drown the server log. */
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[jobs] ${message}`);
});

export interface JobWorkerOptions {
  concurrency?: number;
  /** Tick the schedules (connector syncs, digests); tests that drive them with their own clock turn it off. */
  schedule?: boolean;
}

export async function startJobWorker(options: JobWorkerOptions = {}): Promise<JobWorkerHandle> {
  if (isEmbedded) {
    kickLocal();
    const stopSchedule = options.schedule === false ? () => {} : startScheduler(kickLocal);
    return {
      async stop() {
        stopSchedule();
        await settleLocal();
      },
    };
  }
  await installJobQueue();
  const workerIds = new Set<string>();
  // Passed in, so the workers created while the runner starts are seen too.
  const events: WorkerEvents = new EventEmitter();
  // Jobs and queues are locked under the pool's id (its workers share a local queue) or a worker's: record both.
  events.on("pool:create", ({ workerPool }) => {
    workerIds.add(workerPool.id);
  });
  events.on("worker:create", ({ worker }) => {
    workerIds.add(worker.workerId);
  });
  const runner: Runner = await run({
    events,
    connectionString: env.DATABASE_URL,
    concurrency: options.concurrency ?? 2,
    maxPoolSize: (options.concurrency ?? 2) + 2,
    noHandleSignals: true,
    pollInterval: 2_000,
    logger: quietLogger,
    taskList: {
      pillars_job: async (payload) => {
        const { jobId } = payload as { jobId: string };
        await runJob(jobId, PROCESS_WORKER_ID);
      },
    },
  });
  const utils = await makeWorkerUtils({ connectionString: env.DATABASE_URL, logger: quietLogger });

  async function heartbeat(): Promise<void> {
    try {
      const sql = await openSql();
      const now = new Date();
      for (const id of workerIds) await beatWorker(sql, { id, host: os.hostname(), pid: process.pid, now });
      const dead = await takeDeadWorkers(sql, new Date(now.getTime() - WORKER_TIMEOUT_MS));
      if (dead.length > 0) await utils.forceUnlockWorkers(dead);
    } catch (error) {
      console.error("[jobs] heartbeat failed:", error instanceof Error ? error.message : error);
    }
  }
  await heartbeat();
  const timer = setInterval(() => void heartbeat(), HEARTBEAT_MS);
  timer.unref();
  // graphile-worker picks up what the schedules enqueue (it listens for new jobs).
  const stopSchedule = options.schedule === false ? () => {} : startScheduler(() => {});

  return {
    async stop() {
      clearInterval(timer);
      stopSchedule();
      await runner.stop();
      const sql = await openSql();
      for (const id of workerIds) await forgetWorker(sql, id).catch(() => {});
      await utils.release();
    },
  };
}
