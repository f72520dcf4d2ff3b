import { afterAll, beforeAll } from "vitest";
import type { JobWorkerHandle } from "@/lib/server/jobs/worker";
import { emptyJobQueue, resetDatabase } from "./reset";

// Every integration test file starts from an empty, migrated database with the built-in catalog, and runs
// background jobs as the server does: in this process on the embedded database, through a graphile-worker
// runner on PostgreSQL. Whatever a file queued has finished before the next file resets the database, or is
// dropped from the queue then (a job still retrying, such as a sync against a fake server that has gone).
let worker: JobWorkerHandle | null = null;

beforeAll(async () => {
  await resetDatabase();
  await emptyJobQueue();
  const { startJobWorker } = await import("@/lib/server/jobs/worker");
  worker = await startJobWorker({ concurrency: 2, schedule: false });
});

afterAll(async () => {
  const { whenIdle } = await import("@/lib/server/jobs/queue");
  await whenIdle(30_000).catch(() => false);
  await worker?.stop();
  worker = null;
});
