import type { RunResults } from "@/lib/engagement/api-types";
import { Table } from "@/components/ui/table";

/**
 * Which snapshot the results are as of, and live progress (invited and answered per team — counts only). Answers
 * never show before a snapshot publishes them, and nothing changes between snapshots.
 */
export function SnapshotStatus({ results }: { results: RunResults }) {
  const { snapshot, progress } = results;
  const answered = progress.reduce((n, t) => n + t.answered, 0);
  const invited = progress.reduce((n, t) => n + t.invited, 0);
  return (
    <section aria-labelledby="snapshot-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="snapshot-status">
      <h3 id="snapshot-heading" className="text-base font-semibold text-slate-900">Published results</h3>
      {snapshot ? (
        <p className="text-sm text-slate-700">
          Results below are as of {snapshot.final ? "the final snapshot" : `interim snapshot ${snapshot.snapshot}`}, published {snapshot.publishedOn}.
          {!snapshot.final && " They change only when another snapshot is published."}
        </p>
      ) : (
        <p className="text-sm text-slate-700">
          No results are published yet. They appear when the run closes; a leader can publish an interim snapshot before then.
          Answers are never shown one by one as they arrive, so no one can be singled out by watching results change.
        </p>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer text-xs font-medium text-blue-700">Progress: {answered} of {invited} invited have answered</summary>
        <Table
          className="mt-2 min-w-[16rem] text-left text-sm"
          aria-label="Progress by team"
          headClassName="text-xs uppercase text-slate-600"
          rowClassName="border-t border-slate-100"
          rows={progress}
          rowKey={(t) => t.teamId}
          columns={[
            { key: "team", header: "Team", rowHeader: true, headerClassName: "py-1 pr-4", className: "py-1 pr-4 font-normal", cell: (t) => t.name },
            { key: "invited", header: "Invited", headerClassName: "py-1 pr-4", className: "py-1 pr-4 tabular-nums", cell: (t) => t.invited },
            { key: "answered", header: "Answered", headerClassName: "py-1", className: "py-1 tabular-nums", cell: (t) => t.answered },
          ]}
        />
      </details>
    </section>
  );
}
