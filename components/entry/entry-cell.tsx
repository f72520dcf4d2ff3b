"use client";

import { useState, type ClipboardEvent, type KeyboardEvent } from "react";
import type { CellIssue } from "@/lib/entry/rules";
import type { TargetStatus } from "@/lib/metrics/aggregate";
import { TARGET_STATUS } from "@/components/dashboard/metric-status";
import type { ServerConflict } from "./save-values";

export interface CellProps {
  id: string;
  label: string;
  text: string;
  /** The status of `text` against the target in force for this week (null status: no number yet); null: no target. */
  target: { status: TargetStatus | null; text: string } | null;
  note: string;
  dirty: boolean;
  current: boolean;
  issues: CellIssue[];
  conflict: ServerConflict["current"] | undefined;
  hasConflict: boolean;
  registerInput: (el: HTMLInputElement | null) => void;
  onText: (text: string) => void;
  onNote: (note: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  onPaste: (e: ClipboardEvent<HTMLInputElement>) => void;
  onFocus: () => void;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onHistory: () => void;
}

const domId = (id: string) => id.replace(/[^a-zA-Z0-9_-]/g, "-");

/** One grid cell: the value input, a note popover, a history link, and its errors or conflict beside it. */
export function EntryCell({ registerInput, ...p }: CellProps) {
  const [noteOpen, setNoteOpen] = useState(false);
  const base = domId(p.id);
  const errorId = `${base}-error`;
  const conflictId = `${base}-conflict`;
  const statusId = `${base}-status`;
  const status = p.target?.status ? TARGET_STATUS[p.target.status] : null;
  const describedBy = [status ? statusId : null, p.issues.length ? errorId : null, p.hasConflict ? conflictId : null].filter(Boolean).join(" ") || undefined;
  const noteIssue = p.issues.some((i) => i.field === "note");
  const border = p.issues.length ? "border-red-600 ring-1 ring-red-600" : p.hasConflict ? "border-amber-600 ring-2 ring-amber-500" : p.dirty ? "border-blue-500 bg-blue-50" : "border-slate-300";
  return (
    <td className={`min-w-[7.5rem] border border-slate-200 p-1 align-top ${p.current ? "bg-blue-50/40" : ""}`}>
      <div className="flex items-center gap-1">
        <input
          ref={registerInput}
          type="text"
          inputMode="decimal"
          aria-label={p.label}
          aria-invalid={p.issues.length > 0 || undefined}
          aria-describedby={describedBy}
          data-cell={p.id}
          value={p.text}
          onChange={(e) => p.onText(e.target.value)}
          onKeyDown={p.onKeyDown}
          onPaste={p.onPaste}
          onFocus={p.onFocus}
          className={`w-20 rounded border px-1.5 py-1 text-right text-sm tabular-nums focus:outline-none focus:ring-2 focus:ring-blue-600 ${border}`}
        />
        <button
          type="button"
          onClick={() => setNoteOpen((o) => !o)}
          aria-expanded={noteOpen}
          aria-label={`${p.note ? "Edit" : "Add"} note for ${p.label}`}
          title={p.note || "Add a note"}
          className={`rounded px-1 text-xs ${p.note ? "font-semibold text-blue-800" : "text-slate-500"} ${noteIssue ? "text-red-700" : ""} hover:bg-slate-100`}
        >
          ✎
        </button>
        <button type="button" onClick={p.onHistory} aria-label={`History of ${p.label}`} title="History" className="rounded px-1 text-xs text-slate-500 hover:bg-slate-100">
          ⟲
        </button>
      </div>
      {status && (
        <p id={statusId} data-status={p.target?.status} title={p.target?.text} className={`mt-1 inline-flex items-center gap-1 rounded-full px-1.5 text-xs font-medium ring-1 ring-inset ${status.className}`}>
          <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${status.dot}`} />
          {status.text}
        </p>
      )}
      {noteOpen && (
        <label className="mt-1 block text-xs text-slate-700">
          Note
          <textarea
            value={p.note}
            onChange={(e) => p.onNote(e.target.value)}
            rows={2}
            maxLength={500}
            aria-label={`Note for ${p.label}`}
            className="mt-0.5 block w-40 rounded border border-slate-300 p-1 text-xs"
          />
        </label>
      )}
      {p.issues.length > 0 && (
        <p id={errorId} role="alert" className="mt-1 max-w-[11rem] text-xs text-red-700">
          {p.issues.map((i) => i.message).join(" ")}
        </p>
      )}
      {p.hasConflict && (
        <div id={conflictId} role="alert" className="mt-1 max-w-[12rem] rounded bg-amber-50 p-1 text-xs text-amber-900">
          {p.conflict
            ? `Changed to ${p.conflict.value} by ${p.conflict.changedBy ?? "someone else"} since you loaded the page.`
            : "Removed by someone else since you loaded the page."}
          <span className="mt-1 flex gap-1">
            <button type="button" onClick={p.onKeepMine} className="rounded border border-amber-700 px-1 font-medium hover:bg-amber-100">
              Keep mine
            </button>
            <button type="button" onClick={p.onTakeTheirs} className="rounded border border-amber-700 px-1 font-medium hover:bg-amber-100">
              Use theirs
            </button>
          </span>
        </div>
      )}
    </td>
  );
}
