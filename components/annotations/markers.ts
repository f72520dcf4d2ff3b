/**
 * Which notes become markers on one metric's chart: every scope note, and metric-definition changes
 * of that metric only (a change to "Incidents" means nothing on the eNPS chart). Pure.
 */
import type { ChartMarker } from "@/components/charts/markers";
import type { AnnotationView } from "@/lib/review/annotation-types";

type MarkerSource = Pick<AnnotationView, "date" | "title" | "kind" | "metricKey">;

export function markersForMetric(annotations: readonly MarkerSource[], metricKey: string): ChartMarker[] {
  return annotations
    .filter((a) => a.kind === "NOTE" || a.metricKey === metricKey)
    .map((a) => ({ date: a.date, label: a.title }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
