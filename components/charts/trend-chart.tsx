"use client";

import dynamic from "next/dynamic";
import { useMemo } from "react";
import { useFormat } from "@/components/format/format-context";
import type { MetricSeries } from "@/lib/metrics/series-types";
import type { ChartMarker } from "./markers";
import { summarizeSeries, toChartData } from "./shape";
import { useStaggeredMount } from "./use-staggered-mount";
import { TableView } from "@/components/ui/table-view";

export type { ChartMarker } from "./markers";

// Chart.js is loaded after the page's numbers are on screen; the sized box below holds its place, so nothing moves.
const TrendCanvas = dynamic(() => import("./trend-canvas"), { ssr: false });

interface TrendChartProps {
  series: MetricSeries;
  /** Vertical lines for events worth seeing beside the trend (releases, reorganisations…), drawn as numbers. */
  markers?: ChartMarker[];
  height?: number;
}

const NO_MARKERS: ChartMarker[] = [];

export function TrendChart({ series, markers = NO_MARKERS, height = 160 }: TrendChartProps) {
  const mounted = useStaggeredMount();
  const format = useFormat();
  const settings = useMemo(() => ({ currency: format.currency }), [format.currency]);
  const trend = useMemo(() => toChartData(series, settings), [series, settings]);
  const summary = useMemo(() => summarizeSeries(series, settings), [series, settings]);

  return (
    <div>
      <div className="relative w-full min-w-0" style={{ height }} data-trend-chart>
        {mounted && <TrendCanvas series={series} trend={trend} markers={markers} settings={settings} summary={summary} />}
      </div>
      <TableView
        className="sr-only"
        caption={`${series.metric.name} by period`}
        rows={trend.rows}
        rowKey={(row) => row.label}
        columns={[
          { key: "period", header: "Period", rowHeader: true, cell: (row) => row.label },
          { key: "value", header: "Value", cell: (row) => row.text },
          ...(trend.target ? [{ key: "target", header: "Target", cell: (row: (typeof trend.rows)[number]) => row.target ?? "None" }] : []),
        ]}
      />
    </div>
  );
}
