"use client";

import { MarkerLegend } from "@/components/annotations/marker-legend";
import { formatValue, latestState, WITHHELD_TEXT } from "@/components/charts/shape";
import { TrendChart } from "@/components/charts/trend-chart";
import type { PackSlide } from "@/lib/review/pack-types";
import { ExportPngButton } from "./export-png-button";

/** One frozen chart of a pack: drawn from the numbers stored when the pack was saved, never live data. */
export function PackSlideCard({ slide, index }: { slide: PackSlide; index: number }) {
  const { series } = slide;
  const latest = latestState(series);
  const headingId = `slide-${index}-title`;
  return (
    <article aria-labelledby={headingId} data-chart-export data-print-page data-testid={`pack-slide-${index}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">
            {index + 1}. {series.metric.name} — {slide.scopeName}
          </h2>
          <p className="text-xs text-slate-600">Numbers frozen as of the week of {slide.asOfWeek} (saved {slide.frozenAt.slice(0, 10)})</p>
        </div>
        <ExportPngButton fileName={`${slide.metricKey}-${slide.asOfWeek}`} label={series.metric.name} />
      </div>
      <p data-testid="frozen-value" className="text-2xl font-semibold tabular-nums text-slate-900">
        {latest.kind === "value"
          ? `${formatValue(latest.value, series.metric.unit)} (${latest.label})`
          : latest.kind === "withheld"
            ? `${WITHHELD_TEXT[latest.reason]} (${latest.label})`
            : "No data in this range"}
      </p>
      <TrendChart series={series} markers={slide.markers} height={240} />
      <MarkerLegend markers={slide.markers} points={series.points} label={series.metric.name} />
      {slide.narrative && <p className="whitespace-pre-line text-sm leading-relaxed text-slate-800">{slide.narrative}</p>}
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer font-medium text-blue-700">How is this computed?</summary>
        <p className="mt-1">{series.metric.howComputed}</p>
      </details>
    </article>
  );
}
