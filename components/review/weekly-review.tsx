"use client";

import "@/components/packs/print.css";
import { PrintHeader } from "@/components/packs/print-header";
import { usePathname, useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useFormat } from "@/components/format/format-context";
import { formatIsoWeek } from "@/lib/format";
import { reviewSearch, useWeeklyReview, type ReviewParams } from "@/lib/client/use-review";
import { EarlyWarnings } from "./early-warnings";
import { PillarMoves } from "./pillar-moves";
import { RecentActivity } from "./recent-activity";
import { ScopeSelect, SELECT_CLASS } from "./scope-select";

/** "What changed and what needs me": the page leaders open every Monday. */
export function WeeklyReviewView({ initial }: { initial: ReviewParams }) {
  const id = useId();
  const router = useRouter();
  const pathname = usePathname();
  const [params, setParams] = useState(initial);
  const review = useWeeklyReview(params);
  const f = useFormat();

  const change = (next: ReviewParams) => {
    setParams(next);
    const search = reviewSearch(next);
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };

  const data = review.data;
  return (
    <div className="space-y-8">
      <PrintHeader title="Weekly review" scope={data?.scope.name} period={data ? `week of ${f.date(data.reviewWeek)} (${formatIsoWeek(data.reviewWeek)})` : undefined} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Weekly review</h1>
          <p className="text-sm text-slate-600">
            {data ? `${data.scope.name} · week of ${f.date(data.reviewWeek)} (${formatIsoWeek(data.reviewWeek)})${data.reviewWeek !== data.asOfWeek ? " (the last complete week)" : ""}` : "What changed and what needs you"}
          </p>
        </div>
        <div role="group" aria-label="Review options" className="flex flex-wrap items-end gap-3" data-print-hidden>
          <div className="w-full sm:w-64">
            <label htmlFor={`${id}-scope`} className="mb-1 block text-xs font-medium text-slate-700">Scope</label>
            <ScopeSelect id={`${id}-scope`} value={params.scope} onChange={(scope) => change({ ...params, scope })} />
          </div>
          <div className="w-44">
            <label htmlFor={`${id}-asof`} className="mb-1 block text-xs font-medium text-slate-700">As of</label>
            <input id={`${id}-asof`} type="date" className={SELECT_CLASS} value={params.asOf} onChange={(e) => change({ ...params, asOf: e.target.value })} />
          </div>
          <div className="w-36">
            <label htmlFor={`${id}-period`} className="mb-1 block text-xs font-medium text-slate-700">Compare</label>
            <select id={`${id}-period`} className={SELECT_CLASS} value={params.granularity} onChange={(e) => change({ ...params, granularity: e.target.value as ReviewParams["granularity"] })}>
              <option value="week">Week on week</option>
              <option value="month">Month on month</option>
            </select>
          </div>
          <button type="button" onClick={() => window.print()} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
            Print or save as PDF
          </button>
        </div>
      </div>
      <p aria-live="polite" className="sr-only">{review.isFetching ? "Updating the review…" : ""}</p>
      {review.isPending ? (
        <p role="status" className="text-sm text-slate-600">Preparing the review… (this reads every team&apos;s trends)</p>
      ) : review.isError && !data ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          The review could not be loaded: {review.error.message}{" "}
          <button type="button" className="font-medium underline" onClick={() => void review.refetch()}>Try again</button>
        </div>
      ) : data ? (
        <div className={`space-y-10 ${review.isPlaceholderData ? "opacity-60" : ""}`}>
          <EarlyWarnings review={data} />
          <section aria-labelledby="what-changed" className="space-y-3">
            <h2 id="what-changed" className="text-lg font-semibold text-slate-900">What changed</h2>
            <p className="text-sm text-slate-600">
              Per pillar, the metrics whose move against the previous {data.granularity} is largest for them — measured against each metric&apos;s usual move over the period shown, so rates and counts compare fairly (worsening first on ties) — and those off or near target.
            </p>
            <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3" data-print-grid>
              {data.pillars.map((p) => (
                <PillarMoves key={p.key} pillar={p} scope={data.scope.param} />
              ))}
            </div>
          </section>
          <RecentActivity review={data} />
        </div>
      ) : null}
    </div>
  );
}
