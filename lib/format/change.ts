/**
 * Changes between two periods in words (presentation.md rule 4): "+2.5 pp" for rates and shares, "+6%" for
 * counts, durations and money, "+5 pts" for eNPS, and the absolute difference when the earlier value is 0.
 * Which periods are compared is the caller's business; this only says how the change reads. Pure.
 */
import type { DirectionKey } from "@/lib/metrics/catalog";
import { metricChange, type ChangeKind } from "@/lib/metrics/aggregate";
import { formatSigned } from "./numbers";
import { formatDifference, type FormatSettings, type ValueStyle } from "./values";

export type ChangeDirection = "up" | "down" | "flat";
export type ChangeTone = "good" | "bad" | "neutral";

export interface FormattedChange {
  kind: ChangeKind;
  direction: ChangeDirection;
  text: string;
}

/** "+6%", "−0.4%": whole percent, one decimal only under 1% so a small move does not read as none. */
function relativeText(pct: number): string {
  return `${formatSigned(pct, Math.abs(pct) < 1 ? 1 : 0)}%`;
}

export function formatChange(style: ValueStyle, latest: number | null, previous: number | null, settings: Pick<FormatSettings, "currency">): FormattedChange | null {
  const change = metricChange(style === "enps" ? "score" : style, latest, previous);
  if (!change) return null;
  const text = change.kind === "percent" ? relativeText(change.amount) : formatDifference(change.difference, style, settings);
  // The direction follows what is shown: a change that rounds to nothing is flat, not a tiny arrow.
  const shown = /[1-9]/.test(text);
  const direction: ChangeDirection = !shown || change.difference === 0 ? "flat" : change.difference > 0 ? "up" : "down";
  return { kind: change.kind, direction, text: direction === "flat" ? text.replace(/^[+\u2212]/, "") : text };
}

/** Whether a change is good news depends on the metric's direction; neutral metrics are never judged. */
export function changeTone(direction: ChangeDirection, metricDirection: DirectionKey): ChangeTone {
  if (direction === "flat" || metricDirection === "NEUTRAL") return "neutral";
  return direction === "up" === (metricDirection === "HIGHER_IS_BETTER") ? "good" : "bad";
}
