"use client";

import { TrendChart } from "@/components/charts/trend-chart";
import { SoFar } from "@/components/dashboard/metric-card";
import { useFormat } from "@/components/format/format-context";
import type { MetricSeries } from "@/lib/metrics/series-types";
import { WITHHELD_TEXT } from "@/lib/disclosure/reasons";

/**
 * One people metric for the chosen segment value: the last complete period's number (or why it is hidden), the
 * running period "so far", and its trend.
 */
export function RetentionCard({ series }: { series: MetricSeries }) {
  const { metric } = series;
  const format = useFormat();
  const last = series.points.findLast((p) => !p.soFar) ?? series.points.at(-1);
  const headingId = `retention-${metric.key}`;
  return (
    <article aria-labelledby={headingId} data-testid={`retention-card-${metric.key}`} className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id={headingId} className="text-sm font-medium text-slate-700">
        {metric.name}
      </h3>
      <div className="min-h-[3rem]">
        {last?.withheld ? (
          <p className="text-base font-medium text-slate-700">
            {WITHHELD_TEXT[last.withheld]}
            <span className="block text-xs font-normal text-slate-600">for {last.label}</span>
          </p>
        ) : last && last.value !== null ? (
          <p>
            <span className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">{format.metric(metric, last.value)}</span>
            <span className="ml-2 text-xs text-slate-600">{last.label}</span>
          </p>
        ) : (
          <p className="text-base font-medium text-slate-600">No data for {last?.label ?? "this period"}</p>
        )}
        <SoFar series={series} format={(v) => format.metric(metric, v)} />
      </div>
      <TrendChart series={series} height={140} />
      <details className="text-sm text-slate-700">
        <summary className="cursor-pointer select-none rounded text-xs font-medium text-blue-700 hover:text-blue-900">How is this computed?</summary>
        <p className="mt-2 leading-relaxed">{metric.howComputed}</p>
      </details>
    </article>
  );
}
