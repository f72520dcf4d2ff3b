import { formatPercent } from "@/lib/format";
import type { CohortRow, RetentionRow } from "@/lib/retention/report-core";
import { WITHHELD_TEXT } from "@/lib/disclosure/reasons";

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
      <table className="min-w-full text-sm" data-testid="cohort-table">
        <caption className="px-4 py-2 text-left text-xs text-slate-600">{explanation}</caption>
        <thead className="bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">Team</th>
            <th scope="col" className="px-3 py-2">Acquired</th>
            <th scope="col" className="px-3 py-2 text-right">People</th>
            {[6, 12, 18, 24].map((m) => (
              <th key={m} scope="col" className="px-3 py-2 text-right">{m} months</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((c) => (
            <tr key={c.teamId} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-2 text-left font-medium">{c.team}{c.acquisitionName ? ` (${c.acquisitionName})` : ""}</th>
              <td className="px-3 py-2">{c.acquisitionDate}</td>
              {c.suppressed || !c.checkpoints ? (
                <td colSpan={5} className="px-3 py-2 italic text-slate-600">{WITHHELD_TEXT[c.suppressed ?? "too-few"]}</td>
              ) : (
                <>
                  <td className="px-3 py-2 text-right tabular-nums">{c.cohortSize}</td>
                  {c.checkpoints.map((p) => (
                    <td key={p.months} className="px-3 py-2 text-right tabular-nums">
                      {p.percent === null ? <span className="text-slate-500">not yet</span> : formatPercent(p.percent)}
                    </td>
                  ))}
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
