/**
 * What a person typed or pasted into a cell, read as a number. Grid input is always dot-decimal with
 * optional thousands separators ("1,234.5"); percent cells also accept "85%". Pure.
 */
import { parseNumber, parsePercent } from "@/lib/csv/values";

export type CellInput = { kind: "empty" } | { kind: "number"; value: number } | { kind: "invalid"; message: string };

export function parseCellInput(text: string, unit: string): CellInput {
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "empty" };
  const parsed = unit === "percent" ? parsePercent(trimmed) : parseNumber(trimmed);
  return parsed.ok ? { kind: "number", value: parsed.value } : { kind: "invalid", message: parsed.error };
}
