import { markersForMetric } from "@/components/annotations/markers";
import { withNumbers, type ChartMarker, type NumberedMarker } from "@/components/charts/markers";
import type { ExportDetails } from "@/components/packs/export-png-button";
import type { AnnotationView } from "@/lib/review/annotation-types";
import type { OverviewPillar } from "@/lib/metrics/series-types";
import { MetricCard } from "./metric-card";

export const CARD_GRID = "grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-4";

const NO_ANNOTATIONS: AnnotationView[] = [];
const NO_MARKERS: ChartMarker[] = [];
const NO_KEY: NumberedMarker[] = [];

interface PillarSectionProps {
  pillar: OverviewPillar;
  annotations?: AnnotationView[];
  /** Markers shown on every chart of the scope (experiments of its teams). */
  scopeMarkers?: ChartMarker[];
  /** The page's numbered key, so a note has one number on every chart. */
  markerKey?: NumberedMarker[];
  details: ExportDetails;
}

/** Every marker a metric's chart shows: scope notes, its own definition changes and the scope's experiments. */
export function metricMarkers(annotations: readonly AnnotationView[], metricKey: string, scopeMarkers: readonly ChartMarker[]): ChartMarker[] {
  const own = markersForMetric(annotations, metricKey);
  return scopeMarkers.length === 0 ? own : [...own, ...scopeMarkers].sort((a, b) => a.date.localeCompare(b.date));
}

export function PillarSection({ pillar, annotations = NO_ANNOTATIONS, scopeMarkers = NO_MARKERS, markerKey = NO_KEY, details }: PillarSectionProps) {
  const headingId = `pillar-${pillar.key}-heading`;
  return (
    <section data-testid={`pillar-${pillar.key}`} aria-labelledby={headingId} className="space-y-3">
      <div>
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {pillar.name}
        </h2>
        <p className="text-sm text-slate-600">{pillar.summary}</p>
      </div>
      {pillar.series.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
          No headline metrics for this pillar yet.
        </p>
      ) : (
        <div className={CARD_GRID} data-print-grid>
          {pillar.series.map((series) => (
            <MetricCard
              key={series.metric.key}
              series={series}
              markers={withNumbers(metricMarkers(annotations, series.metric.key, scopeMarkers), markerKey)}
              details={details}
            />
          ))}
        </div>
      )}
    </section>
  );
}
