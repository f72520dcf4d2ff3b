import "server-only";
import { env, isEmbedded } from "@/lib/server/env";
import { startJobWorker, type JobWorkerHandle } from "./worker";

/**
 * Called once when the app server starts (instrumentation.ts): runs background jobs in this process unless
 * PILLARS_WORKER=off on PostgreSQL (then `npm run worker` processes run them). The embedded database always
 * runs them here, the only process that may open its data folder.
 */
export async function startServerJobs(): Promise<JobWorkerHandle | null> {
  if (!isEmbedded && env.PILLARS_WORKER === "off") return null;
  const handle = await startJobWorker({ concurrency: env.PILLARS_WORKER_CONCURRENCY });
  const stop = () => void handle.stop().catch(() => {});
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return handle;
}
