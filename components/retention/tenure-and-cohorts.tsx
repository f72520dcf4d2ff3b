import { formatPercent } from "@/lib/format";
import type { CohortRow, RetentionRow } from "@/lib/retention/report-core";
import { WITHHELD_TEXT } from "@/lib/disclosure/reasons";
import { Table, type Column } from "@/components/ui/table";

/** Current staff by tenure bucket at the end of the period, as bars with the numbers written out. */
export function TenureDistribution({ row, explanation }: { row: RetentionRow | undefined; explanation: string }) {
  if (!row) return null;
  if (row.suppressed || !row.metrics) return <p className="text-sm text-slate-600">{WITHHELD_TEXT[row.suppressed ?? "too-few"]}</p>;
  const buckets = row.metrics.tenureBuckets;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  return (
    <div>
      <ul className="space-y-2" aria-label={`Tenure distribution, ${row.label}, ${row.periodLabel}`}>
        {buckets.map((b) => (
          <li key={b.bucket} className="flex items-center gap-3 text-sm">
            <span className="w-12 text-slate-700">{b.bucket}</span>
            <span className="h-3 rounded bg-blue-600" style={{ width: `${(b.count / max) * 60}%` }} aria-hidden="true" />
            <span className="tabular-nums text-slate-800">{b.count}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-600">{explanation}</p>
    </div>
  );
}

/** Retention of each acquired team's people 6, 12, 18 and 24 months after the acquisition. */
export function CohortTable({ cohorts, explanation }: { cohorts: CohortRow[]; explanation: string }) {
  if (cohorts.length === 0) return <p className="text-sm text-slate-600">No acquired teams with an acquisition date.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <Table
        className="min-w-full text-sm"
        data-testid="cohort-table"
        caption={explanation}
        captionClassName="px-4 py-2 text-left text-xs text-slate-600"
        headClassName="bg-slate-50 text-left text-xs text-slate-600"
        thClassName="px-3 py-2"
        tdClassName="px-3 py-2"
        rowClassName="border-t border-slate-100"
        rows={cohorts}
        rowKey={(c) => c.teamId}
        spanRow={(c) => (c.suppressed || !c.checkpoints ? { after: 2, cell: WITHHELD_TEXT[c.suppressed ?? "too-few"], className: "px-3 py-2 italic text-slate-600" } : null)}
        columns={[
          { key: "team", header: "Team", rowHeader: true, className: "text-left font-medium", cell: (c) => `${c.team}${c.acquisitionName ? ` (${c.acquisitionName})` : ""}` },
          { key: "acquired", header: "Acquired", cell: (c) => c.acquisitionDate },
          { key: "people", header: "People", numeric: true, cell: (c) => c.cohortSize },
          ...[6, 12, 18, 24].map(
            (m, i): Column<CohortRow> => ({
              key: `m${m}`,
              header: `${m} months`,
              numeric: true,
              cell: (c) => {
                const p = c.checkpoints?.[i];
                return !p || p.percent === null ? <span className="text-slate-500">not yet</span> : formatPercent(p.percent);
              },
            }),
          ),
        ]}
      />
    </div>
  );
}
