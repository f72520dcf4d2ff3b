"use client";

import { memo, useMemo } from "react";
import { useFormat } from "@/components/format/format-context";
import type { MetricSeries } from "@/lib/metrics/series-types";
import type { ChartMarker } from "./markers";
import { summarizeSeries, toChartData, type TrendData } from "./shape";
import { useStaggeredMount } from "./use-staggered-mount";
import { TableView } from "@/components/ui/table-view";

export type { ChartMarker } from "./markers";

type TrendCanvasComponent = (typeof import("./trend-canvas"))["default"];

// Chart.js is loaded after the page's numbers are on screen (its own chunk, asked for once by the first chart);
// the sized box below holds each chart's place, so nothing moves when it is drawn.
let TrendCanvas: TrendCanvasComponent | null = null;
let loading: Promise<TrendCanvasComponent> | null = null;
function loadTrendCanvas(): Promise<TrendCanvasComponent> {
  loading ??= import("./trend-canvas").then(
    (module) => (TrendCanvas = module.default),
    (error: unknown) => {
      loading = null; // the next chart to mount asks again
      throw error;
    },
  );
  return loading;
}

/** The chart's numbers as a screen-reader table; drawn again only when the numbers change, not the markers. */
const SeriesTable = memo(function SeriesTable({ name, trend }: { name: string; trend: TrendData }) {
  return (
    <TableView
      className="sr-only"
      caption={`${name} by period`}
      rows={trend.rows}
      rowKey={(row) => row.label}
      columns={[
        { key: "period", header: "Period", rowHeader: true, cell: (row) => row.label },
        { key: "value", header: "Value", cell: (row) => row.text },
        ...(trend.target ? [{ key: "target", header: "Target", cell: (row: TrendData["rows"][number]) => row.target ?? "None" }] : []),
      ]}
    />
  );
});

interface TrendChartProps {
  series: MetricSeries;
  /** Vertical lines for events worth seeing beside the trend (releases, reorganisations…), drawn as numbers. */
  markers?: ChartMarker[];
  height?: number;
}

const NO_MARKERS: ChartMarker[] = [];

export function TrendChart({ series, markers = NO_MARKERS, height = 160 }: TrendChartProps) {
  const mounted = useStaggeredMount(loadTrendCanvas);
  const format = useFormat();
  const settings = useMemo(() => ({ currency: format.currency }), [format.currency]);
  const trend = useMemo(() => toChartData(series, settings), [series, settings]);
  const summary = useMemo(() => summarizeSeries(series, settings), [series, settings]);

  return (
    <div>
      <div className="relative w-full min-w-0" style={{ height }} data-trend-chart>
        {mounted && TrendCanvas && <TrendCanvas series={series} trend={trend} markers={markers} settings={settings} summary={summary} />}
      </div>
      <SeriesTable name={series.metric.name} trend={trend} />
    </div>
  );
}
