"use client";

import Link from "next/link";
import type { TeamWarning, WeeklyReview } from "@/lib/review/review-types";
import { useFormat } from "@/components/format/format-context";
import { formatChange, formatDifference, valueStyle } from "@/lib/format";
import { chartHref } from "./chart-href";

const PILLAR_NAMES: Record<string, string> = { QUALITY: "Quality", ENGAGEMENT: "Engagement", RETENTION: "Retention", SKILLS: "Skills", ALIGNMENT: "Alignment" };

function WarningCard({ warning }: { warning: TeamWarning }) {
  const headingId = `warning-${warning.teamId}`;
  const f = useFormat();
  // The difference in the metric's unit, and for counts, durations and money also relative to the baseline.
  const reasonChange = (r: TeamWarning["reasons"][number]) => {
    const style = valueStyle(r);
    const change = formatChange(style, r.recent, r.baseline, f);
    const difference = formatDifference(r.change, style, f);
    return change?.kind === "percent" ? `${difference}, ${change.text}` : difference;
  };
  return (
    <article aria-labelledby={headingId} data-testid="early-warning" data-print-card className="rounded-lg border border-red-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {warning.teamName}
        </h3>
        <Link href={chartHref(`team:${warning.teamId}`)} className="text-sm font-medium text-blue-700 hover:text-blue-900">
          Open {warning.teamName} charts
        </Link>
      </div>
      <p className="mt-1 text-sm text-red-800">
        {warning.reasons.length} signals worsening together across {warning.pillars.map((p) => PILLAR_NAMES[p] ?? p).join(" and ")}
      </p>
      <ul className="mt-3 space-y-1.5 text-sm text-slate-800">
        {warning.reasons.map((r) => (
          <li key={r.key}>
            <span className="font-medium">{r.name}</span>: {f.metric(r, r.baseline)} → {f.metric(r, r.recent)}{" "}
            <span className="text-red-800">({reasonChange(r)})</span>
            <span className="block text-xs text-slate-600">
              weeks of {f.dateRange(r.recentFrom, r.recentTo)} ({r.recentPoints} {r.recentPoints === 1 ? "value" : "values"}) vs {f.dateRange(r.baselineFrom, r.baselineTo)} ({r.baselinePoints})
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}

export function EarlyWarnings({ review }: { review: WeeklyReview }) {
  const w = review.warningWindow;
  return (
    <section aria-labelledby="early-warning-heading" className="space-y-3">
      <div>
        <h2 id="early-warning-heading" className="text-lg font-semibold text-slate-900">Cross-pillar early warning</h2>
        <details className="text-sm text-slate-600">
          <summary className="cursor-pointer text-xs font-medium text-blue-700">How is this computed?</summary>
          <p className="mt-1 max-w-prose leading-relaxed">
            For every team (never individuals), each watched signal — change failure, rework, incidents, on-call pages, escaped
            defects, SLO attainment, eNPS, psychological safety and survey participation — is averaged over the recent weeks
            ({w.recentFrom} to {w.recentTo}) and over the baseline weeks before them ({w.baselineFrom} to {w.baselineTo}). A team is
            listed when at least three signals from at least two pillars worsened beyond their thresholds. Survey values withheld for
            anonymity are never used.
          </p>
        </details>
      </div>
      {review.warnings.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
          No team shows several signals worsening together in the weeks to {review.reviewWeek}.
        </p>
      ) : (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" data-print-grid>
          {review.warnings.map((w) => (
            <WarningCard key={w.teamId} warning={w} />
          ))}
        </div>
      )}
    </section>
  );
}
