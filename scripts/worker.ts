/**
 * `npm run worker`: a process that only runs background jobs (recomputes, and what else is queued), for
 * PostgreSQL deployments that run app servers with PILLARS_WORKER=off, or want jobs off the app servers.
 * Any number may run; each job runs once. Stops cleanly on SIGINT/SIGTERM (a job in flight finishes first).
 */
import { closeDb } from "@/lib/server/db";
import { env, isEmbedded } from "@/lib/server/env";
import { startJobWorker } from "@/lib/server/jobs/worker";

async function main(): Promise<number> {
  if (isEmbedded) {
    console.error("Error: `npm run worker` needs PostgreSQL (DATABASE_URL). On the embedded database the app server runs jobs itself.");
    return 1;
  }
  const worker = await startJobWorker({ concurrency: env.PILLARS_WORKER_CONCURRENCY });
  console.log(`Pillars worker running (${env.PILLARS_WORKER_CONCURRENCY} at a time). Ctrl+C stops it.`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
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
