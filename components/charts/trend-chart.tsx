"use client";

import "./chart-setup";
import { useMemo } from "react";
import { Line } from "react-chartjs-2";
import { useFormat } from "@/components/format/format-context";
import type { MetricSeries } from "@/lib/metrics/series-types";
import type { ChartMarker } from "./markers";
import { summarizeSeries, toChartData } from "./shape";
import { trendData, trendOptions } from "./trend-config";
import { useStaggeredMount } from "./use-staggered-mount";
import { Table } from "@/components/ui/table";

export type { ChartMarker } from "./markers";

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
  const data = useMemo(() => trendData(series, trend), [series, trend]);
  const options = useMemo(() => trendOptions({ series, trend, markers, settings }), [series, trend, markers, settings]);

  return (
    <div>
      <div className="relative w-full min-w-0" style={{ height }} data-trend-chart>
        {mounted && (
          <Line data={data} options={options} role="img" aria-label={summary}>
            {summary}
          </Line>
        )}
      </div>
      <Table
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
