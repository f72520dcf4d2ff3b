"use client";

import { Fragment, useState } from "react";
import { LoadState, SelectField } from "@/components/ui/form";
import { periodStart } from "@/lib/domain/time";
import { formatMoney, formatNumber, formatPercent } from "@/lib/format";
import { useLearningReport } from "@/lib/client/use-skills";
import type { BudgetBurn } from "@/lib/skills/api-types";
import { BUDGET_STATUS_TEXT, budgetPace, type BudgetStatus } from "@/lib/skills/budget";
import { SKILLS_EXPLANATIONS } from "@/lib/skills/explanations";
import { SEGMENTS } from "@/lib/validation/skills";
import { Table } from "@/components/ui/table";

const num = (v: number | null, digits = 1) => (v === null ? "—" : formatNumber(v, digits));

/** Hours and spend per engineer and the share of engineers learning, per quarter, by team or segment; and each team's budget for the year. */
export function LearningReportPanel({ currency, today }: { currency: string; today: string }) {
  const thisYear = Number(today.slice(0, 4));
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
          <p className="text-xs text-slate-600">Per engineer: hours and spend divided by the {segment === "team" ? "team's" : "segment's"} average headcount in the quarter. Budgets below are per team for the whole year.</p>
          <table className="mt-1 min-w-full text-sm" data-testid="learning-report">
            <caption className="sr-only">Learning per engineer by quarter, {year}</caption>
            <thead className="text-left text-xs text-slate-600">
              <tr>
                <th scope="col" rowSpan={2} className="py-1 pr-3 align-bottom">{segment === "team" ? "Team" : "Segment"}</th>
                {d.quarters.map((q) => (
                  <th key={q} scope="colgroup" colSpan={3} className="border-l border-slate-200 px-2 py-1 text-center">
                    Q{Math.floor((Number(q.slice(5, 7)) - 1) / 3) + 1}
                    {periodStart(today, "quarter") === q && <span className="font-normal"> (so far)</span>}
                  </th>
                ))}
              </tr>
              <tr>
                {d.quarters.map((q) => (
                  <Fragment key={q}>
                    <th scope="col" className="border-l border-slate-200 px-2 py-1 font-normal">Hours / engineer</th>
                    <th scope="col" className="px-2 py-1 font-normal">Spend / engineer</th>
                    <th scope="col" className="px-2 py-1 font-normal">Engineers learning</th>
                  </Fragment>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.key} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-3 text-left font-medium">{r.name}</th>
                  {r.quarters.map((q) => (
                    <Fragment key={q.quarter}>
                      <td className="border-l border-slate-100 px-2 py-1 text-right tabular-nums">{num(q.hoursPerEngineer)}</td>
                      <td className="px-2 py-1 text-right tabular-nums">{q.spendPerEngineer === null ? "—" : formatMoney(q.spendPerEngineer, currency)}</td>
                      <td className="px-2 py-1 text-right tabular-nums">{q.percentWithLearning === null ? "—" : formatPercent(q.percentWithLearning)}</td>
                    </Fragment>
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
        <p className="mt-1">{SKILLS_EXPLANATIONS.learning_share} Only records naming a person count towards it; a quarter whose hours name no one shows —, as who learned is unknown.</p>
        <p className="mt-1">A team&apos;s budget is for its whole year. Even pace is the budget spread evenly over the year&apos;s days; within 10% of it either way is on pace.</p>
      </details>
      {d && d.budgets.length > 0 && <BudgetTable budgets={d.budgets} year={year} today={today} currency={currency} />}
    </div>
  );
}

const STATUS_CLASS: Record<BudgetStatus, string> = {
  "no-budget": "text-slate-600",
  "over-budget": "text-red-800",
  "ahead-of-pace": "text-amber-800",
  "on-pace": "text-green-800",
  "under-pace": "text-slate-700",
};

/** Each team's spend against its budget for the year, with the month-by-month cumulative spend as a small chart. */
function BudgetTable({ budgets, year, today, currency }: { budgets: BudgetBurn[]; year: number; today: string; currency: string }) {
  return (
    <div className="overflow-x-auto">
      <Table
        className="min-w-full text-sm"
        data-testid="learning-budgets"
        caption={`Team budgets, ${year}`}
        captionClassName="pb-1 text-left text-base font-medium text-slate-900"
        headClassName="text-left text-xs text-slate-600"
        rowClassName="border-t border-slate-100"
        rowProps={(b) => ({ "data-testid": `learning-budget-${b.teamId}` })}
        rows={budgets.map((b) => ({ ...b, pace: budgetPace(b.budget, b.spent, year, today) }))}
        rowKey={(b) => b.teamId}
        columns={[
          { key: "team", header: "Team", rowHeader: true, headerClassName: "py-1 pr-3", className: "py-1 pr-3 text-left font-medium", cell: (b) => b.teamName },
          { key: "budget", headerClassName: "px-2 py-1", className: "px-2 py-1", header: "Budget (year)", numeric: true, cell: (b) => (b.budget === null ? "—" : formatMoney(b.budget, currency)) },
          { key: "spent", headerClassName: "px-2 py-1", className: "px-2 py-1", header: "Spent", numeric: true, cell: (b) => formatMoney(b.spent, currency) },
          { key: "share", headerClassName: "px-2 py-1", className: "px-2 py-1", header: "Spent of budget", numeric: true, cell: (b) => (b.pace.percentSpent === null ? "—" : formatPercent(b.pace.percentSpent)) },
          { key: "pace", headerClassName: "px-2 py-1", className: "px-2 py-1", header: "Even pace by today", numeric: true, cell: (b) => (b.pace.expectedByNow === null ? "—" : formatMoney(b.pace.expectedByNow, currency)) },
          { key: "status", header: "Status", headerClassName: "px-2 py-1", cellProps: (b) => ({ className: `px-2 py-1 ${STATUS_CLASS[b.pace.status]}` }), cell: (b) => BUDGET_STATUS_TEXT[b.pace.status] },
          {
            key: "burn",
            header: "Spend by month (cumulative)",
            headerClassName: "px-2 py-1",
            className: "px-2 py-1",
            cell: (b) => (
              <BurnSparkline months={b.months} budget={b.budget} label={`${b.teamName}: ${b.months.filter((m) => m.spent > 0).map((m) => `${m.month} ${formatMoney(m.cumulative, currency)}`).join(", ") || "nothing spent"}`} />
            ),
          },
        ]}
      />
    </div>
  );
}

/** Cumulative spend per month as bars against the budget line (dashed); the label reads the same numbers out. */
function BurnSparkline({ months, budget, label }: { months: BudgetBurn["months"]; budget: number | null; label: string }) {
  const width = 120;
  const height = 28;
  const top = Math.max(budget ?? 0, ...months.map((m) => m.cumulative), 1);
  const barWidth = width / months.length;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {months.map((m, i) => {
        const h = (m.cumulative / top) * (height - 2);
        return <rect key={m.month} x={i * barWidth + 1} y={height - h} width={barWidth - 2} height={h} className={budget !== null && m.cumulative > budget ? "fill-red-600" : "fill-blue-700"} />;
      })}
      {budget !== null && <line x1={0} x2={width} y1={height - (budget / top) * (height - 2)} y2={height - (budget / top) * (height - 2)} className="stroke-slate-500" strokeDasharray="3 2" />}
    </svg>
  );
}
