import { markerIndex } from "@/components/charts/shape";
import type { ChartMarker } from "@/components/charts/trend-chart";
import type { SeriesPoint } from "@/lib/metrics/series-types";

/**
 * The notes drawn on a chart, in words: the canvas labels are small and invisible to screen readers,
 * so each marker inside the chart's range is listed under it.
 */
export function MarkerLegend({ markers, points, label }: { markers: ChartMarker[]; points: Pick<SeriesPoint, "period">[]; label: string }) {
  const shown = markers.filter((m) => markerIndex(points, m.date) !== null);
  if (shown.length === 0) return null;
  return (
    <ul aria-label={`Notes on the ${label} chart`} data-testid="marker-legend" className="space-y-0.5 text-xs text-slate-700">
      {shown.map((m) => (
        <li key={`${m.date}-${m.label}`} className="flex gap-1.5">
          <span aria-hidden="true" className="mt-1 inline-block h-2 w-0.5 shrink-0 bg-violet-700" />
          <span>
            <time dateTime={m.date} className="tabular-nums text-slate-600">{m.date}</time> {m.label}
          </span>
        </li>
      ))}
    </ul>
  );
}
