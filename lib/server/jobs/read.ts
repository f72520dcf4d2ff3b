import "server-only";
import type { JobList, JobView } from "@/lib/admin/api-types";
import { countJobsByStatus, getJob, lastFinishedOf, listJobs, pendingJobsOf, type JobRow, type JobStatus } from "@/lib/server/data/jobs";
import { openSql } from "@/lib/server/data/runner";
import { notFound } from "@/lib/server/errors";
import { DELIVERY_RECOMPUTE_KINDS, jobKind } from "./kinds";
import { waitForJob } from "./queue";

/** Jobs as users see them: no payloads (team ids, file references), their state, progress and outcome. */
function view(job: JobRow): JobView {
  const def = jobKind(job.kind);
  const result = job.result && typeof job.result === "object" && !Array.isArray(job.result) ? (job.result as Record<string, unknown>) : null;
  return {
    id: job.id,
    kind: job.kind,
    label: def?.label ?? job.kind,
    status: job.status,
    progress: job.progress,
    total: job.total,
    attempts: job.attempts,
    maxAttempts: def?.maxAttempts ?? job.attempts,
    error: job.error,
    result,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export async function listJobViews(filter: { statuses?: readonly JobStatus[]; limit?: number } = {}): Promise<JobList> {
  const runner = await openSql();
  const [jobs, counts] = await Promise.all([listJobs(runner, { statuses: filter.statuses, limit: filter.limit ?? 100 }), countJobsByStatus(runner)]);
  const byStatus: JobList["counts"] = { QUEUED: 0, RUNNING: 0, DONE: 0, FAILED: 0 };
  for (const c of counts) byStatus[c.status] = c.count;
  return { jobs: jobs.map(view), counts: byStatus };
}

/** One job; with `waitSeconds`, answers when it finished or that time passed (read-your-writes after ingestion). */
export async function jobView(id: string, waitSeconds = 0): Promise<JobView> {
  const job = waitSeconds > 0 ? await waitForJob(id, waitSeconds * 1000) : await getJob(await openSql(), id);
  if (!job) throw notFound("Job");
  return view(job);
}

export interface RecomputeStatus {
  /** Delivery and flow figures of these teams are being recomputed from events already stored. */
  pendingTeamIds: string[] | "all";
  /** When the last recompute finished: the figures include every event stored before it started. */
  lastComputedAt: string | null;
}

/** What a Delivery or Flow reader is told about figures still being recomputed. */
export async function deliveryRecomputeStatus(): Promise<RecomputeStatus> {
  const runner = await openSql();
  const [pending, last] = await Promise.all([pendingJobsOf(runner, DELIVERY_RECOMPUTE_KINDS), lastFinishedOf(runner, DELIVERY_RECOMPUTE_KINDS)]);
  const teams = new Set<string>();
  let all = false;
  for (const job of pending) {
    const p = job.payload as { delivery?: [string][]; flow?: [string][]; teams?: string[] | null };
    if (job.kind === "delivery.recompute-teams") {
      if (p.teams === null || p.teams === undefined) all = true;
      else p.teams.forEach((t) => teams.add(t));
    } else {
      for (const [t] of p.delivery ?? []) teams.add(t);
      for (const [t] of p.flow ?? []) teams.add(t);
    }
  }
  return { pendingTeamIds: all ? "all" : [...teams], lastComputedAt: last?.toISOString() ?? null };
}
