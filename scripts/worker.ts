/**
 * `npm run worker`: a process that only runs background jobs (recomputes, and what else is queued), for
 * PostgreSQL deployments that run app servers with PILLARS_WORKER=off, or want jobs off the app servers.
 * Any number may run; each job runs once. Started by scripts/worker.mjs under the app server's heap limit. Stops
 * cleanly on SIGINT/SIGTERM: a job in flight finishes first, and a second signal meanwhile changes nothing
 * (SIGKILL stops at once; the job is then retried by another worker once this one's heartbeat stops).
 */
import v8 from "node:v8";
import { closeDb } from "@/lib/server/db";
import { env, isEmbedded } from "@/lib/server/env";
import { startJobWorker } from "@/lib/server/jobs/worker";

/**
 * Resolves on the first SIGINT or SIGTERM and ignores the rest. Registered before the worker starts: until a
 * handler exists, a signal's default action ends the process at once, possibly in the middle of a job.
 */
function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      console.log("Stopping: the job in flight finishes first.");
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

async function main(): Promise<number> {
  if (isEmbedded) {
    console.error("Error: `npm run worker` needs PostgreSQL (DATABASE_URL). On the embedded database the app server runs jobs itself.");
    return 1;
  }
  const stopped = stopSignal();
  const worker = await startJobWorker({ concurrency: env.PILLARS_WORKER_CONCURRENCY });
  const heapMb = Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20);
  console.log(`Pillars worker running (${env.PILLARS_WORKER_CONCURRENCY} at a time, heap limit ${heapMb} MB). Ctrl+C stops it.`);
  // A signal that came while the worker started is acted on here, once it can be stopped cleanly.
  await stopped;
  await worker.stop();
  await closeDb().catch(() => {});
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
