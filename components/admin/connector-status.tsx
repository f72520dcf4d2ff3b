"use client";

import { useFormat } from "@/components/format/format-context";
import type { ConnectorCounts, ConnectorView } from "@/lib/connectors/api-types";
import { formatCount } from "@/lib/format";
import { StatusBadge } from "@/components/ui/status-badge";

const KINDS = [
  ["deployments", "deployment", "deployments"],
  ["pullRequests", "pull request", "pull requests"],
  ["incidents", "incident", "incidents"],
  ["workItems", "work item", "work items"],
] as const;

/** What the last sync read: "12 pull requests (3 new), 2 deployments · 4 skipped", or that nothing changed. */
export function countsText(counts: ConnectorCounts | null): string {
  if (!counts) return "";
  const read = KINDS.flatMap(([key, one, many]) => {
    const c = counts[key];
    if (!c || c.received === 0) return [];
    return [`${formatCount(c.received)} ${c.received === 1 ? one : many}${c.created > 0 ? ` (${formatCount(c.created)} new)` : ""}`];
  });
  const skipped = counts.skipped ? ` · ${formatCount(counts.skipped)} skipped` : "";
  return `${read.length > 0 ? read.join(", ") : "nothing new"}${skipped}`;
}

/** The sync in progress: a bar (indeterminate until the sync knows its size) and, while a retry waits, why the last attempt failed. */
function PendingSync({ job, name }: { job: NonNullable<ConnectorView["job"]>; name: string }) {
  const running = job.status === "RUNNING";
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        {job.total > 0 ? (
          <progress className="h-2 w-24" max={job.total} value={job.progress} aria-label={`Sync of ${name}: ${job.progress} of ${job.total}`} />
        ) : (
          <progress className="h-2 w-24" aria-label={`Sync of ${name} ${running ? "running" : "queued"}`} />
        )}
        <span className="text-xs text-slate-600">{running ? "Syncing…" : "Sync queued"}</span>
      </div>
      {job.error && job.attempts > 0 && (
        <p className="text-xs text-red-800" data-testid="sync-error">
          Attempt {job.attempts} failed, retrying: {job.error}
        </p>
      )}
    </div>
  );
}

/** A connector's last sync (time, outcome, counts, error) and the sync under way, if any. */
export function ConnectorStatus({ connector: c }: { connector: ConnectorView }) {
  const f = useFormat();
  return (
    <div className="space-y-1" aria-live="polite">
      {c.lastSyncStatus === "DONE" && (
        <>
          <StatusBadge tone="green" dot data-status="DONE">
            Synced
          </StatusBadge>
          <span className="block text-xs text-slate-600">
            {c.lastSyncAt ? f.dateTime(c.lastSyncAt) : ""} · {countsText(c.lastCounts)}
          </span>
        </>
      )}
      {c.lastSyncStatus === "FAILED" && (
        <>
          <StatusBadge tone="red" dot data-status="FAILED">
            Failed
          </StatusBadge>
          <p className="text-xs text-red-800" data-testid="sync-error">
            Last sync failed: {c.lastError ?? "no reason given"}
          </p>
          {c.lastSyncAt && <span className="block text-xs text-slate-600">Last success {f.dateTime(c.lastSyncAt)}</span>}
        </>
      )}
      {c.lastSyncStatus === null && !c.job && <span className="text-slate-600">Not synced yet</span>}
      {c.job && <PendingSync job={c.job} name={c.name} />}
    </div>
  );
}
