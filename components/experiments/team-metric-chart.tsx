"use client";

import { numberMarkers } from "@/components/charts/markers";
import { TrendChart } from "@/components/charts/trend-chart";
import { useFormat } from "@/components/format/format-context";
import { LoadState } from "@/components/ui/form";
import { useExperimentMarkers } from "@/lib/client/use-experiment-markers";
import { useAlignedSeries } from "@/lib/client/use-skills";

/** One team's weekly trend of a metric with every experiment of the team marked on it (listed below for readers of text). */
export function TeamMetricChart({ teamId, teamName, metricKey }: { teamId: string; teamName: string; metricKey: string }) {
  const scope = `team:${teamId}`;
  const series = useAlignedSeries(scope, [metricKey], "1y");
  const markers = useExperimentMarkers(scope);
  const s = series.data?.[0];
  const f = useFormat();
  const numbered = numberMarkers(markers);
  return (
    <figure className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={`team-chart-${metricKey}`}>
      <figcaption className="mb-2 text-sm font-medium text-slate-700">
        {s?.metric.name ?? metricKey} · {teamName}
      </figcaption>
      <LoadState isLoading={series.isPending} error={series.error} what="the trend" />
      {s && <TrendChart series={s} markers={markers} />}
      {/* The chart shows numbers; this is their key, numbered as the chart numbers them. */}
      {numbered.length > 0 && (
        <ol aria-label="Experiment markers" data-testid="chart-markers" className="mt-2 space-y-0.5 text-xs text-violet-800">
          {numbered.map((m) => (
            <li key={`${m.date}-${m.label}`}>
              {m.number}. {f.date(m.date)}: {m.label}
            </li>
          ))}
        </ol>
      )}
    </figure>
  );
}
