"use client";

import "./chart-setup";
import { useMemo } from "react";
import { Line } from "react-chartjs-2";
import type { MetricSeries } from "@/lib/metrics/series-types";
import type { ChartMarker } from "./markers";
import type { TrendData } from "./shape";
import { trendData, trendOptions } from "./trend-config";

interface TrendCanvasProps {
  series: MetricSeries;
  trend: TrendData;
  markers: ChartMarker[];
  settings: { currency: string };
  /** The chart in words, for screen readers and as the canvas's fallback content. */
  summary: string;
}

/**
 * The drawn trend. Chart.js, react-chartjs-2 and the annotation plugin come with this module, which
 * trend-chart.tsx imports lazily, so a page loads them after its numbers.
 */
export default function TrendCanvas({ series, trend, markers, settings, summary }: TrendCanvasProps) {
  const data = useMemo(() => trendData(series, trend), [series, trend]);
  const options = useMemo(() => trendOptions({ series, trend, markers, settings }), [series, trend, markers, settings]);
  return (
    <Line data={data} options={options} role="img" aria-label={summary}>
      {summary}
    </Line>
  );
}
