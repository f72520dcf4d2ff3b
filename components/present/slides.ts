/**
 * Presentation slides and the keys that move between them. Pure: the same rules drive the audience
 * view and the presenter's notes window, and are tested without a browser.
 */
import type { ChartMarker } from "@/components/charts/markers";
import type { MetricSeries } from "@/lib/metrics/series-types";

export interface PresentSlide {
  title: string;
  subtitle: string;
  series: MetricSeries;
  markers: ChartMarker[];
  narrative: string;
  /** Shown only in the presenter's window, never on the projected slide. */
  speakerNotes: string;
}

export type SlideCommand = "next" | "previous" | "first" | "last" | "exit";

/** Keyboard and presentation-clicker keys (clickers send PageDown/PageUp, some send arrows or B/period). */
export function commandForKey(key: string): SlideCommand | null {
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
    case " ":
    case "Enter":
      return "next";
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
    case "Backspace":
      return "previous";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "Escape":
      return "exit";
    default:
      return null;
  }
}

/** The slide index after a command; it stays within the deck. */
export function nextIndex(index: number, command: Exclude<SlideCommand, "exit">, total: number): number {
  if (total === 0) return 0;
  switch (command) {
    case "next":
      return Math.min(index + 1, total - 1);
    case "previous":
      return Math.max(index - 1, 0);
    case "first":
      return 0;
    case "last":
      return total - 1;
  }
}

/** Messages between the audience view and the presenter window (BroadcastChannel). */
export type PresenterMessage =
  | { type: "hello" }
  | { type: "state"; index: number; total: number; title: string; notes: string; nextTitle: string | null }
  | { type: "goto"; command: Exclude<SlideCommand, "exit"> };

export const channelName = (deck: string) => `pillars-present-${deck}`;
