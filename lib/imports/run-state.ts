/**
 * What an import that is not finished reads as. An import queued or running holds a background job
 * (`import.run`); its state is the job's:
 * - its job is queued or running: still under way, however long it has waited behind other imports — and,
 *   when it is queued and no worker is alive (PostgreSQL with the app's own worker turned off and no
 *   `npm run worker`), waiting for a worker;
 * - its job ended without finishing it (the job failed for good, or was removed): interrupted;
 * - without a job (run from the command line, in its own process): interrupted once it has been marked
 *   running for longer than an import's transaction may last.
 */
export type RunJobStatus = "QUEUED" | "RUNNING" | "DONE" | "FAILED";

export interface UnfinishedRun {
  status: string;
  startedAt: Date | null;
}

export interface RunReading {
  interrupted: boolean;
  waitingForWorker: boolean;
}

const UNDER_WAY = new Set(["VALIDATING", "RUNNING"]);

export function readRun(run: UnfinishedRun, job: { status: RunJobStatus } | null, workersAlive: boolean, interruptedBefore: Date): RunReading {
  if (!UNDER_WAY.has(run.status)) return { interrupted: false, waitingForWorker: false };
  if (job) {
    const active = job.status === "QUEUED" || job.status === "RUNNING";
    return { interrupted: !active, waitingForWorker: job.status === "QUEUED" && !workersAlive };
  }
  return { interrupted: run.startedAt !== null && run.startedAt < interruptedBefore, waitingForWorker: false };
}
