/**
 * Notes and experiments drawn on charts as numbered markers (presentation.md rule 10): each chart shows
 * only a number at the period of the note, and the page lists the numbers once, with dates and titles.
 * Pure.
 */
import type { SeriesPoint } from "@/lib/metrics/series-types";
import { markerIndex } from "./shape";

export interface ChartMarker {
  /** YYYY-MM-DD; drawn on the period that contains it. */
  date: string;
  label: string;
  /** Its number in the page's key; charts that have their own key number their markers themselves. */
  number?: number;
}

export type NumberedMarker = ChartMarker & { number: number };

const identity = (m: ChartMarker) => `${m.date}\u0000${m.label}`;

/** Distinct markers, oldest first, numbered from 1: the same note on several charts keeps one number. */
export function numberMarkers(markers: readonly ChartMarker[]): NumberedMarker[] {
  const unique = new Map<string, ChartMarker>();
  for (const m of markers) if (!unique.has(identity(m))) unique.set(identity(m), m);
  return [...unique.values()]
    .sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label))
    .map((m, i) => ({ ...m, number: i + 1 }));
}

/** Whether two charts' markers draw the same (same dates, labels and numbers, in order). */
export function sameMarkers(a: readonly ChartMarker[], b: readonly ChartMarker[]): boolean {
  return a === b || (a.length === b.length && a.every((m, i) => m.date === b[i].date && m.label === b[i].label && m.number === b[i].number));
}

/**
 * The markers of one chart with the numbers the page's key gives them. A marker the key does not list
 * (outside the page's range) is left out, so no chart numbers its markers differently from the key.
 */
export function withNumbers(markers: readonly ChartMarker[], key: readonly NumberedMarker[]): NumberedMarker[] {
  const numbers = new Map(key.map((m) => [identity(m), m.number]));
  return markers.flatMap((m) => {
    const number = numbers.get(identity(m));
    return number === undefined ? [] : [{ ...m, number }];
  });
}

/** The markers that fall inside the chart's periods. */
export function markersInRange<T extends ChartMarker>(points: Pick<SeriesPoint, "period">[], markers: readonly T[]): T[] {
  return markers.filter((m) => markerIndex(points, m.date) !== null);
}

export interface MarkerCluster {
  /** The period the cluster's line is drawn at. */
  index: number;
  numbers: number[];
}

/**
 * Markers grouped so their numbers never overlap: markers closer than about a 24th of the chart's width
 * share one line labelled "3,4". Markers without a number are numbered in date order.
 */
export function markerClusters(points: Pick<SeriesPoint, "period">[], markers: readonly ChartMarker[]): MarkerCluster[] {
  const numbered = markers.some((m) => m.number === undefined) ? numberMarkers(markers) : (markers as NumberedMarker[]);
  const placed = numbered
    .map((m) => ({ index: markerIndex(points, m.date), number: m.number as number }))
    .filter((m): m is { index: number; number: number } => m.index !== null)
    .sort((a, b) => a.index - b.index || a.number - b.number);
  const gap = Math.max(1, Math.round(points.length / 24));
  const clusters: MarkerCluster[] = [];
  for (const m of placed) {
    const last = clusters[clusters.length - 1];
    if (last && m.index - last.index < gap) {
      if (!last.numbers.includes(m.number)) last.numbers.push(m.number);
    } else clusters.push({ index: m.index, numbers: [m.number] });
  }
  return clusters;
}
