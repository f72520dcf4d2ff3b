"use client";

import Link from "next/link";
import { useFormat } from "@/components/format/format-context";
import { orEmpty } from "@/lib/format";
import type { WeeklyReview } from "@/lib/review/review-types";
import { chartHref } from "./chart-href";

const CARD = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

export function RecentActivity({ review }: { review: WeeklyReview }) {
  const { annotations, experiments, from, to } = review.recent;
  const f = useFormat();
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" data-print-grid>
      <section aria-labelledby="recent-notes" className={CARD} data-print-card>
        <h2 id="recent-notes" className="text-base font-semibold text-slate-900">New annotations</h2>
        <p className="text-xs text-slate-600">{f.dateRange(from, to)}</p>
        {annotations.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No notes in these two weeks.</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {annotations.map((a) => (
              <li key={a.id}>
                <Link href={chartHref(a.scope, "6m")} className="font-medium text-blue-700 hover:text-blue-900">{a.title}</Link>
                <span className="block text-xs text-slate-600">
                  {f.date(a.date)} · {a.scopeName}
                  {a.kind === "METRIC_CHANGE" && " · metric definition change"}
                </span>
                {a.body && <span className="block text-slate-700">{a.body}</span>}
              </li>
            ))}
          </ul>
        )}
        <Link href="/annotations" className="mt-3 inline-block text-xs font-medium text-blue-700 hover:text-blue-900 print:hidden">All annotations</Link>
      </section>
      <section aria-labelledby="recent-experiments" className={CARD} data-print-card>
        <h2 id="recent-experiments" className="text-base font-semibold text-slate-900">Experiments started or ended</h2>
        <p className="text-xs text-slate-600">{f.dateRange(from, to)}</p>
        {experiments.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No experiment started or ended in these two weeks.</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {experiments.map((e) => (
              <li key={e.id}>
                <span className="font-medium text-slate-900">{e.title}</span> <span className="text-slate-600">({e.event} {orEmpty(e.event === "ended" ? e.endDate : e.startDate, f.date)})</span>
                <span className="block text-xs text-slate-600">Owner {e.owner} · {e.teams.join(", ")}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {review.missing && (
        <section aria-labelledby="missing-data" className={`${CARD} lg:col-span-2`} data-print-card>
          <h2 id="missing-data" className="text-base font-semibold text-slate-900">Missing data</h2>
          <p className="text-xs text-slate-600">Manual weekly metrics not entered yet.</p>
          <div className="mt-2 grid grid-cols-1 gap-4 md:grid-cols-2">
            {review.missing.map((w) => (
              <div key={w.week}>
                <h3 className="text-sm font-medium text-slate-800">
                  Week of {f.date(w.week)}: {w.entered} of {w.expected} values entered
                </h3>
                {w.teams.length === 0 ? (
                  <p className="text-sm text-slate-600">Everything entered.</p>
                ) : (
                  <ul className="mt-1 space-y-1 text-sm text-slate-700">
                    {w.teams.map((t) => (
                      <li key={t.teamId}>
                        <span className="font-medium">{t.teamName}</span>: {t.missing.join(", ")}
                        {t.managers.length > 0 && <span className="text-slate-600"> — ask {t.managers.join(", ")}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
