/**
 * From what the user typed to what the grid sends: only cells whose value or note differs from what was
 * loaded, each checked with the same rules the server applies, carrying the version seen at load so a
 * concurrent edit is reported rather than overwritten. Pure.
 */
import { parseCellInput } from "./parse-cell";
import { previousPeriodWeek } from "./periods";
import { checkValue, type CellIssue, type ValueRules } from "./rules";

export interface GridMetric {
  id: string;
  name: string;
  unit: string;
  cadence: "WEEKLY" | "MONTHLY";
  minValue: number | null;
  maxValue: number | null;
  integer: boolean;
  noteChangePct: number | null;
}

export interface LoadedCell {
  value: number;
  note: string | null;
  version: number;
}

export interface Draft {
  /** Typed text; undefined when only the note was edited. */
  text?: string;
  /** Edited note; undefined when untouched. */
  note?: string;
}

export const cellId = (metricId: string, week: string) => `${metricId}|${week}`;

export interface ChangedCell {
  id: string;
  metricId: string;
  weekStart: string;
  value: number;
  note?: string | null;
  expectedVersion: number | null;
}

export interface CollectResult {
  changes: ChangedCell[];
  issues: Map<string, CellIssue[]>;
}

export function collectChanges(
  metrics: GridMetric[],
  weeksByMetric: (m: GridMetric) => string[],
  loaded: Map<string, LoadedCell>,
  drafts: Map<string, Draft>,
  orgNoteChangePct: number,
  /** Version to expect instead of the loaded one (after the user chose to keep their value in a conflict). */
  expectedOverride: Map<string, number | null> = new Map(),
): CollectResult {
  const changes: ChangedCell[] = [];
  const issues = new Map<string, CellIssue[]>();
  const valueAt = (metricId: string, week: string, unit: string): number | null => {
    const draft = drafts.get(cellId(metricId, week));
    if (draft?.text !== undefined) {
      const parsed = parseCellInput(draft.text, unit);
      if (parsed.kind === "number") return parsed.value;
    }
    return loaded.get(cellId(metricId, week))?.value ?? null;
  };
  for (const m of metrics) {
    const rules: ValueRules = { unit: m.unit, minValue: m.minValue, maxValue: m.maxValue, integer: m.integer, noteChangePct: m.noteChangePct ?? orgNoteChangePct };
    for (const week of weeksByMetric(m)) {
      const id = cellId(m.id, week);
      const draft = drafts.get(id);
      if (!draft) continue;
      const stored = loaded.get(id);
      const text = draft.text ?? (stored ? String(stored.value) : "");
      const parsed = parseCellInput(text, m.unit);
      const noteChanged = draft.note !== undefined && (draft.note.trim() || null) !== (stored?.note ?? null);
      if (parsed.kind === "invalid") {
        issues.set(id, [{ field: "value", message: parsed.message }]);
        continue;
      }
      if (parsed.kind === "empty") {
        if (stored) issues.set(id, [{ field: "value", message: "A saved value cannot be cleared here; enter a number." }]);
        else if (noteChanged) issues.set(id, [{ field: "value", message: "Enter a value for this note." }]);
        continue;
      }
      if (stored && parsed.value === stored.value && !noteChanged) continue;
      const note = draft.note !== undefined ? draft.note.trim() || null : (stored?.note ?? null);
      const previous = valueAt(m.id, previousPeriodWeek(week, m.cadence), m.unit);
      const problems = checkValue(rules, parsed.value, previous, note);
      if (problems.length > 0) {
        issues.set(id, problems);
        continue;
      }
      changes.push({
        id, metricId: m.id, weekStart: week, value: parsed.value,
        ...(draft.note !== undefined ? { note } : {}),
        expectedVersion: expectedOverride.has(id) ? (expectedOverride.get(id) ?? null) : (stored?.version ?? null),
      });
    }
  }
  return { changes, issues };
}
