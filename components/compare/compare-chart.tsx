"use client";

import "@/components/charts/chart-setup";
import type { ChartOptions } from "chart.js";
import { useMemo } from "react";
import { Line } from "react-chartjs-2";
import { describePoint, pointLabel } from "@/components/charts/shape";
import { useFormat } from "@/components/format/format-context";
import { valueStyle } from "@/lib/format";
import { useReducedMotion } from "@/components/charts/use-reduced-motion";
import type { CompareMetric } from "@/lib/review/compare-types";
import { Table, type Column } from "@/components/ui/table";
import { compareChartConfig } from "./compare-config";

/** One metric, a line per team or segment and the organisation as a dashed baseline, plus its data table. */
export function CompareChart({ data }: { data: CompareMetric }) {
  const reducedMotion = useReducedMotion();
  const f = useFormat();
  const { name } = data.metric;
  const style = valueStyle(data.metric);
  const config = useMemo(() => compareChartConfig(data, f, !reducedMotion), [data, f, reducedMotion]);
  const chartData = config.data;
  const options = config.options as ChartOptions<"line">;
  const withheld = data.lines.filter((l) => l.points.some((p) => p.withheld));
  return (
    <div>
      <div className="relative h-72 w-full min-w-0">
        <Line data={chartData} options={options} role="img" aria-label={`${name} for ${data.lines.map((l) => l.label).join(", ")} against the organisation`} />
      </div>
      {withheld.length > 0 && (
        <p className="mt-2 text-xs text-slate-600">
          Some periods of {withheld.map((l) => l.label).join(", ")} are withheld to protect anonymity (too few people, or they could be worked out from a wider group).
        </p>
      )}
      <Table
        className="sr-only"
        caption={`${name} by period`}
        rows={data.baseline}
        rowKey={(p) => p.period}
        columns={[
          { key: "period", header: "Period", rowHeader: true, cell: (p) => pointLabel(p) },
          ...data.lines.map(
            (l): Column<(typeof data.baseline)[number]> => ({ key: l.key, header: l.label, cell: (_, i) => (l.points[i] ? describePoint(l.points[i], style, f) : "No data") }),
          ),
          { key: "organisation", header: "Organisation", cell: (p) => describePoint(p, style, f) },
        ]}
      />
    </div>
  );
}
