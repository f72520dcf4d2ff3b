import { matchColumns } from "@/lib/csv/header";
import type { ColumnMapping } from "@/lib/imports/api-types";
import type { FieldSpec } from "./types";

/** Auto-matching for kinds with a fixed set of columns. */
export function staticMatch(header: readonly string[], fields: readonly FieldSpec[]): { mapping: ColumnMapping; missing: string[]; unmatched: string[] } {
  const match = matchColumns(header, fields);
  const mapping: ColumnMapping = {};
  for (const [key, index] of Object.entries(match.columns)) if (typeof index === "number") mapping[key] = index;
  // A field two columns claim stays unmapped (the person picks one) and its columns are listed as unmatched.
  const unmatched = [...match.unmatched.map((c) => c.name), ...match.duplicates.flatMap((d) => d.columns.map((c) => c.name))];
  return { mapping, missing: match.missing, unmatched };
}
