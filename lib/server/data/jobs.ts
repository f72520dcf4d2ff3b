import "server-only";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { epochMs, utcTimestamp } from "./ingest/sql";

/**
 * The Job table (what users see of background work) and, on PostgreSQL, graphile-worker's queue that
 * executes it. Every function takes the runner first so a service can enqueue inside the transaction that
 * made the work necessary: the job exists exactly when that transaction commits.
 */
export type JobStatus = "QUEUED" | "RUNNING" | "DONE" | "FAILED";

export interface JobRow {
  id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  total: number;
  payload: unknown;
  result: unknown;
  error: string | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const COLUMNS = `"id", "kind", "status", "progress", "total", "payload", "result", "error", "attempts",
  ${epochMs('"createdAt"')} AS "createdAt", ${epochMs('"startedAt"')} AS "startedAt", ${epochMs('"finishedAt"')} AS "finishedAt"`;

type StoredJob = Omit<JobRow, "createdAt" | "startedAt" | "finishedAt"> & { createdAt: number; startedAt: number | null; finishedAt: number | null };

const toJob = (r: StoredJob): JobRow => ({
  ...r,
  createdAt: new Date(r.createdAt),
  startedAt: r.startedAt === null ? null : new Date(r.startedAt),
  finishedAt: r.finishedAt === null ? null : new Date(r.finishedAt),
});
const T = (param: string) => utcTimestamp(`${param}::timestamptz`);

/** The newest job of `kind` still waiting to start, locked until the caller's transaction ends (to merge into it). */
export async function lockQueuedJob(tx: SqlRunner, kind: string, contains: Record<string, unknown> = {}): Promise<{ id: string; payload: unknown } | null> {
  const rows = await tx.query<{ id: string; payload: unknown }>(
    `SELECT "id", "payload" FROM "Job" WHERE "kind" = $1 AND "status" = 'QUEUED' AND "attempts" = 0 AND "payload" @> $2::jsonb
     ORDER BY "createdAt" DESC LIMIT 1 FOR UPDATE`,
    [kind, JSON.stringify(contains)],
  );
  return rows[0] ?? null;
}

export async function insertJob(tx: SqlRunner, job: { kind: string; payload: unknown; now: Date }): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO "Job" ("id", "kind", "status", "payload", "createdAt") VALUES ('job_' || replace(gen_random_uuid()::text, '-', ''), $1, 'QUEUED', $2::jsonb, ${T("$3")}) RETURNING "id"`,
    [job.kind, JSON.stringify(job.payload), job.now.toISOString()],
  );
  return rows[0].id;
}

export async function setJobPayload(tx: SqlRunner, id: string, payload: unknown): Promise<void> {
  await tx.query(`UPDATE "Job" SET "payload" = $2::jsonb WHERE "id" = $1`, [id, JSON.stringify(payload)]);
}

/** Hands the job to graphile-worker (PostgreSQL), in the caller's transaction; jobs of one queue run one at a time. */
export async function addGraphileJob(tx: SqlRunner, job: { id: string; queue: string; maxAttempts: number }): Promise<void> {
  await tx.query(
    `SELECT graphile_worker.add_job('pillars_job', json_build_object('jobId', $1::text), queue_name := $2::text, max_attempts := $3::int)`,
    [job.id, job.queue, job.maxAttempts],
  );
}

/** Marks a run started; null when the job no longer exists or already finished (a duplicate delivery). */
export async function startJobRun(runner: SqlRunner, id: string, workerId: string, now: Date): Promise<{ kind: string; payload: unknown; attempts: number } | null> {
  const rows = await runner.query<{ kind: string; payload: unknown; attempts: number }>(
    `UPDATE "Job" SET "status" = 'RUNNING', "attempts" = "attempts" + 1, "lockedBy" = $2, "lockedAt" = ${T("$3")}, "startedAt" = ${T("$3")}, "progress" = 0, "total" = 0
     WHERE "id" = $1 AND "status" IN ('QUEUED', 'RUNNING') RETURNING "kind", "payload", "attempts"`,
    [id, workerId, now.toISOString()],
  );
  return rows[0] ?? null;
}

export async function setJobProgress(runner: SqlRunner, id: string, progress: number, total: number): Promise<void> {
  await runner.query(`UPDATE "Job" SET "progress" = $2, "total" = $3 WHERE "id" = $1`, [id, progress, total]);
}

export async function finishJobRun(runner: SqlRunner, id: string, result: unknown, now: Date): Promise<void> {
  await runner.query(
    `UPDATE "Job" SET "status" = 'DONE', "result" = $2::jsonb, "error" = NULL, "lockedBy" = NULL, "lockedAt" = NULL, "finishedAt" = ${T("$3")}, "progress" = GREATEST("progress", "total") WHERE "id" = $1`,
    [id, JSON.stringify(result ?? null), now.toISOString()],
  );
}

/** A failed run: QUEUED again while retries remain (the error stays visible), FAILED when they are spent. */
export async function failJobRun(runner: SqlRunner, id: string, error: string, final: boolean, now: Date): Promise<void> {
  await runner.query(
    `UPDATE "Job" SET "status" = $2, "error" = $3, "lockedBy" = NULL, "lockedAt" = NULL, "finishedAt" = CASE WHEN $2 = 'FAILED' THEN ${T("$4")} ELSE NULL END WHERE "id" = $1`,
    [id, final ? "FAILED" : "QUEUED", error.slice(0, 4000), now.toISOString()],
  );
}

/** A failed job queued again by a user: its attempts start over. */
export async function requeueFailedJob(tx: SqlRunner, id: string): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE "Job" SET "status" = 'QUEUED', "attempts" = 0, "finishedAt" = NULL WHERE "id" = $1 AND "status" = 'FAILED' RETURNING "id"`,
    [id],
  );
  return rows.length > 0;
}

export async function getJob(runner: SqlRunner, id: string): Promise<JobRow | null> {
  const rows = await runner.query<StoredJob>(`SELECT ${COLUMNS} FROM "Job" WHERE "id" = $1`, [id]);
  return rows[0] ? toJob(rows[0]) : null;
}

export async function jobStatuses(runner: SqlRunner, ids: readonly string[]): Promise<{ id: string; status: JobStatus }[]> {
  if (ids.length === 0) return [];
  return runner.query(`SELECT "id", "status" FROM "Job" WHERE "id" = ANY($1::text[])`, [[...ids]]);
}

/** The newest jobs first, optionally only those of some statuses. */
export async function listJobs(runner: SqlRunner, filter: { statuses?: readonly JobStatus[]; limit: number }): Promise<JobRow[]> {
  const statuses = filter.statuses && filter.statuses.length > 0 ? [...filter.statuses] : null;
  const rows = await runner.query<StoredJob>(
    `SELECT ${COLUMNS} FROM "Job" WHERE ($1::text[] IS NULL OR "status" = ANY($1::text[])) ORDER BY "createdAt" DESC, "id" DESC LIMIT $2`,
    [statuses, filter.limit],
  );
  return rows.map(toJob);
}

export async function countJobsByStatus(runner: SqlRunner): Promise<{ status: JobStatus; count: number }[]> {
  const rows = await runner.query<{ status: JobStatus; count: string | number }>(`SELECT "status", count(*) AS "count" FROM "Job" GROUP BY "status"`);
  return rows.map((r) => ({ status: r.status, count: Number(r.count) }));
}

/** The jobs waiting to run or running, oldest first (the embedded database's in-process runner starts each queue's oldest). */
export async function pendingJobs(runner: SqlRunner, notBefore: readonly string[]): Promise<{ id: string; kind: string; payload: unknown }[]> {
  return runner.query(
    `SELECT "id", "kind", "payload" FROM "Job" WHERE "status" IN ('QUEUED', 'RUNNING') AND NOT ("id" = ANY($1::text[])) ORDER BY "createdAt", "id"`,
    [[...notBefore]],
  );
}

/** Pending work of `kinds` (queued or running): what a reader is told is being recomputed. */
export async function pendingJobsOf(runner: SqlRunner, kinds: readonly string[]): Promise<{ id: string; kind: string; status: JobStatus; payload: unknown }[]> {
  return runner.query(`SELECT "id", "kind", "status", "payload" FROM "Job" WHERE "kind" = ANY($1::text[]) AND "status" IN ('QUEUED', 'RUNNING')`, [[...kinds]]);
}

/** When the last job of `kinds` finished successfully. */
export async function lastFinishedOf(runner: SqlRunner, kinds: readonly string[]): Promise<Date | null> {
  const rows = await runner.query<{ at: number | null }>(`SELECT ${epochMs('max("finishedAt")')} AS "at" FROM "Job" WHERE "kind" = ANY($1::text[]) AND "status" = 'DONE'`, [[...kinds]]);
  const at = rows[0]?.at;
  return at === null || at === undefined ? null : new Date(at);
}

/**
 * Deletes finished jobs: done ones finished before `doneBefore`, failed ones before `failedBefore` — except each
 * kind's latest done job, which says when its figures were last computed. Returns how many went.
 */
export async function deleteOldJobs(runner: SqlRunner, cutoffs: { doneBefore: Date; failedBefore: Date }): Promise<number> {
  const rows = await runner.query(
    `DELETE FROM "Job" j
     WHERE ((j."status" = 'DONE' AND j."finishedAt" < ${T("$1")}) OR (j."status" = 'FAILED' AND j."finishedAt" < ${T("$2")}))
       AND j."id" <> (SELECT k."id" FROM "Job" k WHERE k."kind" = j."kind" AND k."status" = 'DONE' ORDER BY k."finishedAt" DESC, k."id" DESC LIMIT 1)
     RETURNING j."id"`,
    [cutoffs.doneBefore.toISOString(), cutoffs.failedBefore.toISOString()],
  );
  return rows.length;
}

/** Marks a schedule's slot as taken; true for the one caller that took it (the key is the guard across workers). */
export async function claimScheduleSlot(tx: SqlRunner, name: string, slot: string): Promise<boolean> {
  const rows = await tx.query(`INSERT INTO "ScheduleRun" ("name", "slot") VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING "name"`, [name, slot]);
  return rows.length === 1;
}

/** Forgets schedule slots taken before `before` (only the current slot is ever claimed). */
export async function deleteScheduleRunsBefore(runner: SqlRunner, before: Date): Promise<number> {
  return (await runner.query(`DELETE FROM "ScheduleRun" WHERE "createdAt" < ${T("$1")} RETURNING "slot"`, [before.toISOString()])).length;
}

// ── Workers (PostgreSQL): a heartbeat per process, and release of what dead ones held ──

export async function beatWorker(runner: SqlRunner, worker: { id: string; host: string; pid: number; now: Date }): Promise<void> {
  await runner.query(
    `INSERT INTO "JobWorker" ("id", "host", "pid", "startedAt", "beatAt") VALUES ($1, $2, $3, ${T("$4")}, ${T("$4")})
     ON CONFLICT ("id") DO UPDATE SET "beatAt" = EXCLUDED."beatAt"`,
    [worker.id, worker.host, worker.pid, worker.now.toISOString()],
  );
}

export async function forgetWorker(runner: SqlRunner, id: string): Promise<void> {
  await runner.query(`DELETE FROM "JobWorker" WHERE "id" = $1`, [id]);
}

/** Workers silent since `before`: removed here, returned so their locks can be released. */
/** Per import, the state of its newest `import.run` job (an import run from the command line has none). */
export async function importRunJobStates(runner: SqlRunner, importIds: readonly string[]): Promise<{ importId: string; status: JobStatus }[]> {
  if (importIds.length === 0) return [];
  return runner.query(
    `SELECT DISTINCT ON (i) i AS "importId", "status"
     FROM (SELECT "payload"->>'importId' AS i, "status", "createdAt" FROM "Job" WHERE "kind" = 'import.run' AND "payload"->>'importId' = ANY($1::text[])) j
     ORDER BY i, "createdAt" DESC`,
    [[...importIds]],
  );
}

/** How many job workers (PostgreSQL) showed a sign of life since `since`. */
export async function liveWorkerCount(runner: SqlRunner, since: Date): Promise<number> {
  const rows = await runner.query<{ n: number }>(`SELECT count(*)::int AS n FROM "JobWorker" WHERE "beatAt" >= ${T("$1")}`, [since.toISOString()]);
  return rows[0]?.n ?? 0;
}

export async function takeDeadWorkers(runner: SqlRunner, before: Date): Promise<string[]> {
  const rows = await runner.query<{ id: string }>(`DELETE FROM "JobWorker" WHERE "beatAt" < ${T("$1")} RETURNING "id"`, [before.toISOString()]);
  return rows.map((r) => r.id);
}
