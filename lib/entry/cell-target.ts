/**
 * The target status of what a grid cell shows right now — the value being typed when it reads as a number,
 * else the stored one — against the target in force for that team and week (presentation.md rule 14). Pure.
 */
import { targetStatus, type TargetStatus } from "@/lib/metrics/aggregate";
import type { DirectionKey } from "@/lib/metrics/catalog";
import { parseCellInput } from "./parse-cell";

export interface CellTarget {
  green: number;
  amber: number;
}

/** `text` is what the cell shows (draft or stored value as text); null when there is no number or no target. */
export function cellTargetStatus(text: string, unit: string, target: CellTarget | undefined, direction: DirectionKey): TargetStatus | null {
  if (!target) return null;
  const input = parseCellInput(text, unit);
  if (input.kind !== "number") return null;
  return targetStatus(input.value, target.green, target.amber, direction);
}

// targetStatus reads a neutral metric as higher-is-better, so its thresholds read the same way.
const RELATION: Record<DirectionKey, string> = { HIGHER_IS_BETTER: "≥", LOWER_IS_BETTER: "≤", NEUTRAL: "≥" };

/** "Green ≥ 99.5, amber ≥ 99 (team target)" — the thresholds in words, for the row header and the cell's title. */
export function targetText(target: CellTarget & { scope: "ORG" | "GROUP" | "TEAM" }, direction: DirectionKey, format: (value: number) => string = String): string {
  const rel = RELATION[direction];
  const whose = { TEAM: "team target", GROUP: "group target", ORG: "organisation target" }[target.scope];
  return `Green ${rel} ${format(target.green)}, amber ${rel} ${format(target.amber)} (${whose})`;
}
