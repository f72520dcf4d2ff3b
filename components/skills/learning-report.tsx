"use client";

import { useState } from "react";
import { LoadState, SelectField } from "@/components/admin/form-controls";
import { formatMoney, formatNumber, formatPercent } from "@/lib/format";
import { useLearningReport } from "@/lib/client/use-skills";
import { SKILLS_EXPLANATIONS } from "@/lib/skills/explanations";
import { SEGMENTS } from "@/lib/validation/skills";

const num = (v: number | null, digits = 1) => (v === null ? "—" : formatNumber(v, digits));

/** Hours and spend per engineer and the share of engineers learning, per quarter, by team or segment; and budget burn-down. */
export function LearningReportPanel({ currency }: { currency: string }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [segment, setSegment] = useState<(typeof SEGMENTS)[number]>("team");
  const report = useLearningReport(year, segment);
  const d = report.data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3">
        <SelectField label="Year" value={String(year)} onChange={(e) => setYear(Number(e.target.value))} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField label="By" value={segment} onChange={(e) => setSegment(e.target.value as typeof segment)} options={SEGMENTS.map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) }))} />
      </div>
      <LoadState isLoading={report.isPending} error={report.error} what="the learning report" />
      {d && (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="learning-report">
            <caption className="sr-only">Learning per engineer by quarter</caption>
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">{segment === "team" ? "Team" : "Segment"}</th>
                {d.quarters.map((q) => (
                  <th key={q} scope="col" className="py-1 pr-3">Q{Math.floor((Number(q.slice(5, 7)) - 1) / 3) + 1} · hours / spend / learning</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.key} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-3 text-left font-medium">{r.name}</th>
                  {r.quarters.map((q) => (
                    <td key={q.quarter} className="py-1 pr-3 tabular-nums">
                      {num(q.hoursPerEngineer)} h · {q.spendPerEngineer === null ? "—" : formatMoney(q.spendPerEngineer, currency)} · {q.percentWithLearning === null ? "—" : formatPercent(q.percentWithLearning)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="text-sm text-slate-700">
        <summary className="cursor-pointer text-xs font-medium text-blue-700">How is this computed?</summary>
        <p className="mt-2">{SKILLS_EXPLANATIONS.learning_hours} {SKILLS_EXPLANATIONS.learning_spend}</p>
        <p className="mt-1">{SKILLS_EXPLANATIONS.learning_share} Only records naming a person count towards it.</p>
      </details>
      {d && d.budgets.length > 0 && (
        <div>
          <h3 className="text-base font-medium text-slate-900">Budget burn-down {year}</h3>
          <ul className="mt-2 space-y-2">
            {d.budgets.map((b) => {
              const share = b.budget ? Math.min(100, (b.spent / b.budget) * 100) : null;
              return (
                <li key={b.teamId} className="text-sm">
                  <div className="flex justify-between">
                    <span>{b.teamName}</span>
                    <span className="tabular-nums">
                      {formatMoney(b.spent, currency)} of {b.budget === null ? "no budget set" : formatMoney(b.budget, currency)}
                    </span>
                  </div>
                  {share !== null && (
                    <div className="h-2 rounded bg-slate-100" role="img" aria-label={`${Math.round(share)}% of the budget spent`}>
                      <div className={`h-2 rounded ${b.spent > (b.budget ?? 0) ? "bg-red-600" : "bg-blue-700"}`} style={{ width: `${share}%` }} />
                    </div>
                  )}
                  <p className="text-xs text-slate-500">
                    By month (cumulative): {b.months.filter((m) => m.spent > 0).map((m) => `${m.month} ${formatMoney(m.cumulative, currency)}`).join(" · ") || "nothing spent yet"}
                  </p>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
