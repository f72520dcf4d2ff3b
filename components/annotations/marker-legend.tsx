"use client";

import { markersInRange, numberMarkers, type ChartMarker, type NumberedMarker } from "@/components/charts/markers";
import { useFormat } from "@/components/format/format-context";
import type { SeriesPoint } from "@/lib/metrics/series-types";

/**
 * The key to the numbered markers on a page's charts (presentation.md rule 10): one list per page, not one
 * per chart. The canvas shows only numbers; here each number has its date and title, for readers and
 * screen readers alike. Markers without numbers are numbered as the chart numbers them.
 */
export function MarkerLegend({ markers, points, label }: { markers: readonly ChartMarker[]; points?: Pick<SeriesPoint, "period">[]; label: string }) {
  const format = useFormat();
  const numbered: NumberedMarker[] = markers.every((m) => m.number !== undefined) ? (markers as NumberedMarker[]) : numberMarkers(markers);
  const shown = points ? markersInRange(points, numbered) : numbered;
  if (shown.length === 0) return null;
  return (
    <section aria-label={label} data-testid="marker-legend" data-print-card className="text-xs text-slate-700">
      <h2 className="mb-1 text-xs font-semibold text-slate-800">{label}</h2>
      <ol className="grid gap-x-6 gap-y-0.5 sm:grid-cols-2 xl:grid-cols-3">
        {shown.map((m) => (
          <li key={`${m.number}-${m.date}-${m.label}`} className="flex gap-1.5">
            <span aria-hidden="true" className="inline-flex h-4 min-w-4 shrink-0 items-center justify-center rounded-full bg-violet-700 px-1 text-[10px] font-bold text-white">
              {m.number}
            </span>
            <span>
              <span className="sr-only">Marker {m.number}: </span>
              <time dateTime={m.date} className="tabular-nums text-slate-600">{format.date(m.date)}</time> {m.label}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
