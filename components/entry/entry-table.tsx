"use client";

import { useRef, type ClipboardEvent, type KeyboardEvent } from "react";
import { cellId, type Draft, type GridMetric, type LoadedCell } from "@/lib/entry/changes";
import { cellTargetStatus, targetText, type CellTarget } from "@/lib/entry/cell-target";
import type { DirectionKey } from "@/lib/metrics/catalog";
import { nextCell } from "@/lib/entry/navigation";
import { parseClipboardBlock, planPaste } from "@/lib/entry/paste";
import type { PeriodColumn } from "@/lib/entry/periods";
import type { CellIssue } from "@/lib/entry/rules";
import { EntryCell } from "./entry-cell";
import type { ServerConflict } from "./save-values";

export interface EntryMetricView extends GridMetric {
  key: string;
  howComputed: string;
  direction: DirectionKey;
  /** The target in force for each column (by week start): the team's, else its groups', else the org's. */
  targets: Record<string, CellTarget & { scope: "ORG" | "GROUP" | "TEAM" }>;
}

const UNIT_TEXT: Record<string, string> = { percent: "%", count: "count", minutes: "minutes", days: "days", hours: "hours", score: "score", people: "people", currency: "currency" };

interface Props {
  caption: string;
  metrics: EntryMetricView[];
  columns: PeriodColumn[];
  currentWeek: string;
  loaded: Map<string, LoadedCell>;
  drafts: Map<string, Draft>;
  issues: Map<string, CellIssue[]>;
  conflicts: Map<string, ServerConflict["current"]>;
  autoFocusCurrent: boolean;
  onDraft: (id: string, change: Draft) => void;
  onPasteCells: (cells: { id: string; text: string }[], dropped: number) => void;
  onKeepMine: (id: string) => void;
  onTakeTheirs: (id: string) => void;
  onHistory: (metric: EntryMetricView, column: PeriodColumn) => void;
}

/** The target in force for the latest column, in words, under the metric's name. */
function RowTarget({ metric, columns, currentWeek }: { metric: EntryMetricView; columns: PeriodColumn[]; currentWeek: string }) {
  const latest = columns.findLast((c) => c.week <= currentWeek) ?? columns.at(-1);
  const target = latest ? metric.targets[latest.week] : undefined;
  if (!target) return <span className="block text-xs text-slate-500">No target set</span>;
  return <span className="block text-xs text-slate-700" data-testid={`target-${metric.key}`}>Target: {targetText(target, metric.direction)}</span>;
}

/** One section of the grid (weekly or monthly metrics): metrics as rows, periods as columns. */
export function EntryTable(p: Props) {
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const focused = useRef({ row: 0, col: Math.max(p.columns.findIndex((c) => c.week === p.currentWeek), p.columns.length - 1) });
  const size = { rows: p.metrics.length, cols: p.columns.length };
  const posKey = (row: number, col: number) => `${row}:${col}`;

  const onKeyDown = (row: number, col: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    if ((e.key === "ArrowLeft" && !atStart) || (e.key === "ArrowRight" && !atEnd)) return; // move the caret first
    const next = nextCell({ row, col }, { key: e.key, shiftKey: e.shiftKey }, size);
    if (!next) return;
    if (e.key === "Tab" && next.row === row && next.col === col) return; // let Tab leave the grid at its edge
    e.preventDefault();
    const target = inputs.current.get(posKey(next.row, next.col));
    target?.focus();
    target?.select();
  };

  const onPaste = (row: number, col: number) => (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData("text/plain");
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ""))) return; // a single value pastes like typing
    e.preventDefault();
    const plan = planPaste(parseClipboardBlock(text), { row, col }, size);
    p.onPasteCells(
      plan.cells.map((c) => ({ id: cellId(p.metrics[c.row].id, p.columns[c.col].week), text: c.text })),
      plan.dropped,
    );
  };

  return (
    <table className="border-collapse text-sm">
      <caption className="mb-2 text-left text-base font-semibold text-slate-900">{p.caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="sticky left-0 bg-white p-2 text-left font-medium text-slate-700">
            Metric
          </th>
          {p.columns.map((c) => (
            <th key={c.week} scope="col" className={`p-2 text-left font-medium ${c.week === p.currentWeek ? "text-blue-800" : "text-slate-700"}`}>
              {c.label}
              {c.week === p.currentWeek && <span className="block text-xs font-normal">this week</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {p.metrics.map((m, row) => (
          <tr key={m.id}>
            <th scope="row" className="sticky left-0 max-w-[14rem] bg-white p-2 text-left align-top font-normal">
              <span className="font-medium text-slate-900">{m.name}</span>
              <span className="block text-xs text-slate-600">
                {UNIT_TEXT[m.unit] ?? m.unit}
                {m.minValue !== null || m.maxValue !== null ? ` · ${m.minValue ?? "…"}–${m.maxValue ?? "…"}` : ""}
                {m.integer ? " · whole numbers" : ""}
              </span>
              <RowTarget metric={m} columns={p.columns} currentWeek={p.currentWeek} />
              <details className="text-xs text-slate-600">
                <summary className="cursor-pointer text-blue-700">How is this computed?</summary>
                {m.howComputed}
              </details>
            </th>
            {p.columns.map((c, col) => {
              const id = cellId(m.id, c.week);
              const stored = p.loaded.get(id);
              const draft = p.drafts.get(id);
              const label = `${m.name}, ${c.label}`;
              const text = draft?.text ?? (stored ? String(stored.value) : "");
              const target = m.targets[c.week];
              return (
                <EntryCell
                  key={c.week}
                  id={id}
                  label={label}
                  text={text}
                  target={target ? { status: cellTargetStatus(text, m.unit, target, m.direction), text: targetText(target, m.direction) } : null}
                  note={draft?.note ?? stored?.note ?? ""}
                  dirty={draft !== undefined}
                  current={c.week === p.currentWeek}
                  issues={p.issues.get(id) ?? []}
                  hasConflict={p.conflicts.has(id)}
                  conflict={p.conflicts.get(id)}
                  registerInput={(el) => {
                    if (el) {
                      inputs.current.set(posKey(row, col), el);
                      if (p.autoFocusCurrent && row === 0 && col === focused.current.col && !el.dataset.focusedOnce) {
                        el.dataset.focusedOnce = "1";
                        el.focus();
                      }
                    } else inputs.current.delete(posKey(row, col));
                  }}
                  onText={(text) => p.onDraft(id, { text })}
                  onNote={(note) => p.onDraft(id, { note })}
                  onKeyDown={onKeyDown(row, col)}
                  onPaste={onPaste(row, col)}
                  onFocus={() => (focused.current = { row, col })}
                  onKeepMine={() => p.onKeepMine(id)}
                  onTakeTheirs={() => p.onTakeTheirs(id)}
                  onHistory={() => p.onHistory(m, c)}
                />
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
