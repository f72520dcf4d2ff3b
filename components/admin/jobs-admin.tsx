"use client";

import { useFormat } from "@/components/format/format-context";
import type { JobView } from "@/lib/admin/api-types";
import { queryKeys } from "@/lib/client/query-keys";
import { useAdminJobs, useAdminMutation } from "@/lib/client/use-admin";
import { LoadState, RequestError, SECONDARY_BUTTON } from "@/components/ui/form";
import { StatusBadge, type BadgeTone } from "@/components/ui/status-badge";
import { Table } from "@/components/ui/table";

const STATUS: Record<JobView["status"], { label: string; tone: BadgeTone }> = {
  QUEUED: { label: "Queued", tone: "neutral" },
  RUNNING: { label: "Running", tone: "blue" },
  DONE: { label: "Done", tone: "green" },
  FAILED: { label: "Failed", tone: "red" },
};

function Progress({ job }: { job: JobView }) {
  if (job.total === 0) return <span className="text-slate-500">{job.status === "DONE" ? "—" : "Not started"}</span>;
  const share = Math.round((job.progress / job.total) * 100);
  return (
    <div className="flex items-center gap-2">
      <progress className="h-2 w-24" max={job.total} value={job.progress} aria-label={`${job.progress} of ${job.total} teams`} />
      <span className="text-xs text-slate-600">
        {job.progress} / {job.total} ({share}%)
      </span>
    </div>
  );
}

function outcome(job: JobView): string {
  const r = job.result;
  if (!r) return "";
  const teams = typeof r.teams === "number" ? r.teams : null;
  const weeks = typeof r.weeks === "number" ? r.weeks : null;
  const values = typeof r.values === "number" ? r.values : null;
  if (teams === null || values === null) return "";
  return `${teams} team${teams === 1 ? "" : "s"}, ${weeks ?? 0} week${weeks === 1 ? "" : "s"}, ${values} value${values === 1 ? "" : "s"}`;
}

/** Background jobs: what is queued or running (with progress), what failed (its error, a retry), what finished. */
export function JobsAdmin() {
  const f = useFormat();
  const jobs = useAdminJobs();
  const retry = useAdminMutation([queryKeys.admin.jobs()]);
  const counts = jobs.data?.counts;

  return (
    <div className="space-y-4">
      <LoadState isLoading={jobs.isLoading} error={jobs.error} what="jobs" />
      {counts && (
        <p className="text-sm text-slate-700" aria-live="polite">
          {counts.QUEUED} queued, {counts.RUNNING} running, {counts.FAILED} failed, {counts.DONE} done.
        </p>
      )}
      <RequestError error={retry.error} />
      {jobs.data && jobs.data.jobs.length === 0 && <p className="text-sm text-slate-600">No background jobs yet. They appear when events arrive through the API, webhooks or imports.</p>}
      {jobs.data && jobs.data.jobs.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <Table
            className="min-w-full divide-y divide-slate-200 text-sm"
            caption="Background jobs, newest first"
            headClassName="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
            bodyClassName="divide-y divide-slate-100"
            thClassName="px-3 py-2"
            tdClassName="px-3 py-2 align-top"
            rows={jobs.data.jobs}
            rowKey={(j) => j.id}
            columns={[
              { key: "what", header: "Job", cell: (j) => <span className="font-medium text-slate-900">{j.label}</span> },
              {
                key: "status",
                header: "Status",
                cell: (j) => (
                  <StatusBadge tone={STATUS[j.status].tone} dot data-status={j.status}>
                    {STATUS[j.status].label}
                  </StatusBadge>
                ),
              },
              { key: "progress", header: "Progress", cell: (j) => <Progress job={j} /> },
              { key: "created", header: "Queued at", className: "whitespace-nowrap", cell: (j) => f.dateTime(j.createdAt) },
              { key: "finished", header: "Finished at", className: "whitespace-nowrap", cell: (j) => (j.finishedAt ? f.dateTime(j.finishedAt) : "—") },
              {
                key: "outcome",
                header: "Outcome",
                cell: (j) => (
                  <>
                    {j.status === "DONE" && <span>{outcome(j)}</span>}
                    {j.error && (
                      <span className="block text-xs text-red-800">
                        {j.status === "FAILED" ? `Failed after ${j.attempts} attempt${j.attempts === 1 ? "" : "s"}: ` : `Attempt ${j.attempts} of ${j.maxAttempts} failed, retrying: `}
                        {j.error}
                      </span>
                    )}
                  </>
                ),
              },
              {
                key: "actions",
                header: <span className="sr-only">Actions</span>,
                cell: (j) =>
                  j.status === "FAILED" ? (
                    <button
                      type="button"
                      className={SECONDARY_BUTTON}
                      disabled={retry.isPending}
                      onClick={() => retry.mutate({ method: "POST", url: `/api/v1/jobs/${encodeURIComponent(j.id)}/retry` })}
                    >
                      Retry
                    </button>
                  ) : null,
              },
            ]}
          />
        </div>
      )}
    </div>
  );
}
