/**
 * The rules a manually entered value must meet, from its metric definition. One implementation shared by
 * the entry grid (errors beside the cell as the user types) and the server write path (the final word), so
 * the two can never disagree. Pure.
 */

export interface ValueRules {
  unit: string;
  minValue: number | null;
  maxValue: number | null;
  integer: boolean;
  /** A value that moves more than this % from the previous period's value needs a note. */
  noteChangePct: number;
}

export type CellField = "value" | "note";

export interface CellIssue {
  field: CellField;
  message: string;
}

/** Percentages are points (0–100) whatever range the definition carries. */
function effectiveRange(rules: ValueRules): { min: number | null; max: number | null } {
  if (rules.unit !== "percent") return { min: rules.minValue, max: rules.maxValue };
  return { min: Math.max(rules.minValue ?? 0, 0), max: Math.min(rules.maxValue ?? 100, 100) };
}

/** Human text for the allowed range, e.g. "between 0 and 100". */
export function rangeText(rules: ValueRules): string | null {
  const { min, max } = effectiveRange(rules);
  if (min !== null && max !== null) return `between ${min} and ${max}`;
  if (min !== null) return `at least ${min}`;
  if (max !== null) return `at most ${max}`;
  return null;
}

/**
 * Relative move from the previous value in %; null when there is no previous value or it is 0 (a move
 * from zero has no percentage, and a count going from 0 to 1 should not demand an explanation).
 */
export function movePct(value: number, previous: number | null): number | null {
  if (previous === null || previous === 0) return null;
  return (Math.abs(value - previous) / Math.abs(previous)) * 100;
}

export function noteRequired(rules: ValueRules, value: number, previous: number | null): boolean {
  const move = movePct(value, previous);
  return move !== null && move > rules.noteChangePct;
}

/** Every problem with a value, in the order a person should fix them. */
export function checkValue(rules: ValueRules, value: number, previous: number | null, note: string | null | undefined): CellIssue[] {
  if (!Number.isFinite(value)) return [{ field: "value", message: "Enter a number." }];
  const issues: CellIssue[] = [];
  const { min, max } = effectiveRange(rules);
  if ((min !== null && value < min) || (max !== null && value > max)) {
    issues.push({ field: "value", message: `Must be ${rangeText(rules)}${rules.unit === "percent" ? " (percent)" : ""}.` });
  }
  if (rules.integer && !Number.isInteger(value)) issues.push({ field: "value", message: "Must be a whole number." });
  if (issues.length === 0 && noteRequired(rules, value, previous) && !(note ?? "").trim()) {
    const move = Math.round(movePct(value, previous) ?? 0);
    issues.push({
      field: "note",
      message: `Changed ${move}% from the previous value (${previous}); add a note explaining why (more than ${rules.noteChangePct}% needs one).`,
    });
  }
  return issues;
}
