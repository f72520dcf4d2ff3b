"use client";

import { memo } from "react";
import { sameMarkers } from "@/components/charts/markers";
import { TrendChart, type ChartMarker } from "@/components/charts/trend-chart";
import { trendPngSource } from "@/components/charts/trend-config";
import { detailLines, ExportPngButton, type ExportDetails } from "@/components/packs/export-png-button";
import { latestState, NO_DATA_TEXT, soFarState, WITHHELD_TEXT } from "@/components/charts/shape";
import { useFormat } from "@/components/format/format-context";
import { formatChange, valueStyle } from "@/lib/format";
import type { MetricSeries } from "@/lib/metrics/series-types";
import { ChangeIndicator, IncompleteBadge, TargetBadge } from "./metric-status";

function LatestValue({ series, format }: { series: MetricSeries; format: (v: number) => string }) {
  const latest = latestState(series);
  if (latest.kind === "withheld") {
    return (
      <p data-testid="headline" className="text-base font-medium text-slate-700">
        {WITHHELD_TEXT[latest.reason]}
        <span className="block text-xs font-normal text-slate-600">for {latest.label}</span>
      </p>
    );
  }
  if (latest.kind === "none") return <p data-testid="headline" className="text-base font-medium text-slate-600">{NO_DATA_TEXT} in this range</p>;
  return (
    <p data-testid="headline">
      <span className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">{format(latest.value)}</span>
      <span className="ml-2 text-xs text-slate-600">{latest.label}</span>
    </p>
  );
}

/** The running period, apart from the headline: "Dec 2026 so far: 133". */
export function SoFar({ series, format }: { series: MetricSeries; format: (v: number) => string }) {
  const running = soFarState(series);
  if (!running) return null;
  return (
    <p className="text-xs text-slate-600" data-testid="so-far">
      {running.label} so far: <span className="tabular-nums">{format(running.value)}</span>
    </p>
  );
}

const NO_MARKERS: ChartMarker[] = [];

interface MetricCardProps {
  series: MetricSeries;
  markers?: ChartMarker[];
  details: ExportDetails;
}

/**
 * One headline metric: latest value, change, target status, how it is computed and its trend (numbered notes).
 * Renders again only when its series, its markers or the export details change (not when the page's other
 * queries arrive), which keeps the overview's main thread free while it loads.
 */
export const MetricCard = memo(function MetricCard({ series, markers = NO_MARKERS, details }: MetricCardProps) {
  const { metric } = series;
  const fmt = useFormat();
  const headingId = `metric-${metric.key}-name`;
  const latest = latestState(series);
  const format = (v: number) => fmt.metric(metric, v);
  const change = formatChange(valueStyle(metric), series.latest?.value ?? null, series.previous?.value ?? null, fmt);
  return (
    <article
      data-testid={`metric-card-${metric.key}`}
      data-chart-export
      aria-labelledby={headingId}
      className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-2 gap-y-1">
        <h3 id={headingId} className="flex-[1_1_9rem] text-sm font-medium text-slate-700">
          {metric.name}
          {metric.annualised && <span className="block text-xs font-normal text-slate-600">annualised, rolling 12 months</span>}
        </h3>
        <div className="flex flex-wrap justify-end gap-1">
          {series.target && latest.kind === "value" && <TargetBadge target={series.target} format={format} />}
          {series.incomplete && <IncompleteBadge />}
          <ExportPngButton fileName={metric.key} label={metric.name} source={() => trendPngSource(series, markers, fmt, detailLines(details))} />
        </div>
      </div>
      <div className="min-h-[4rem]">
        <LatestValue series={series} format={format} />
        {latest.kind === "value" && <ChangeIndicator change={change} direction={metric.direction} previousLabel={series.previous?.label} />}
        <SoFar series={series} format={format} />
      </div>
      <TrendChart series={series} markers={markers} />
      <details className="group text-sm text-slate-700">
        <summary className="cursor-pointer select-none rounded text-xs font-medium text-blue-700 hover:text-blue-900">
          How is this computed?
        </summary>
        <p className="mt-2 leading-relaxed">{metric.howComputed}</p>
      </details>
    </article>
  );
}, (a, b) => a.series === b.series && a.details === b.details && sameMarkers(a.markers ?? NO_MARKERS, b.markers ?? NO_MARKERS));
