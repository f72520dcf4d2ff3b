"use client";

import { MarkerLegend } from "@/components/annotations/marker-legend";
import { latestState, WITHHELD_TEXT } from "@/components/charts/shape";
import { TrendChart } from "@/components/charts/trend-chart";
import { trendPngSource } from "@/components/charts/trend-config";
import { useFormat } from "@/components/format/format-context";
import { RANGE_LABELS } from "@/lib/metrics/series-types";
import type { PackSlide } from "@/lib/review/pack-types";
import { ExportPngButton } from "./export-png-button";

/** One frozen chart of a pack: drawn from the numbers stored when the pack was saved, never live data. */
export function PackSlideCard({ slide, index }: { slide: PackSlide; index: number }) {
  const { series } = slide;
  const f = useFormat();
  const latest = latestState(series);
  const headingId = `slide-${index}-title`;
  const first = series.points[0];
  const last = series.points.at(-1);
  const period = `${RANGE_LABELS[slide.range]}${first && last ? `: ${first.label} – ${last.label}` : ""}, by ${slide.granularity}`;
  return (
    <article aria-labelledby={headingId} data-chart-export data-print-page data-testid={`pack-slide-${index}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">
            {index + 1}. {series.metric.name} — {slide.scopeName}
          </h2>
          <p className="text-xs text-slate-600">
            {period} · numbers frozen as of the week of {f.date(slide.asOfWeek)} (saved {f.date(slide.frozenAt)})
          </p>
        </div>
        <ExportPngButton
          fileName={`${slide.metricKey}-${slide.asOfWeek}`}
          label={series.metric.name}
          source={() => trendPngSource(series, slide.markers, f, [slide.scopeName, `${period} · frozen ${f.date(slide.frozenAt)}`])}
        />
      </div>
      <p data-testid="frozen-value" className="text-2xl font-semibold tabular-nums text-slate-900">
        {latest.kind === "value"
          ? `${f.metric(series.metric, latest.value)} (${latest.label})`
          : latest.kind === "withheld"
            ? `${WITHHELD_TEXT[latest.reason]} (${latest.label})`
            : "No data in this range"}
      </p>
      <TrendChart series={series} markers={slide.markers} height={240} />
      <MarkerLegend markers={slide.markers} points={series.points} label="Notes on this chart" />
      {slide.narrative && <p className="whitespace-pre-line text-sm leading-relaxed text-slate-800">{slide.narrative}</p>}
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer font-medium text-blue-700">How is this computed?</summary>
        <p className="mt-1">{series.metric.howComputed}</p>
      </details>
    </article>
  );
}
