"use client";

import { formatNumber } from "@/lib/format";

import Link from "next/link";
import type { ImportState } from "@/lib/client/use-imports";
import { ErrorAlert } from "@/components/ui/error-alert";

/**
 * The running import: queued as a background job (VALIDATING) until a worker takes it, then one pass that
 * checks and writes the rows (RUNNING), read from the database every 500 ms; then the summary with rejects
 * and undo.
 */
export function importPercent(state: Pick<ImportState, "status" | "processedRows" | "totalRows">): number {
  if (state.status === "COMPLETED") return 100;
  if (state.status !== "RUNNING") return 0;
  return state.totalRows > 0 ? Math.round(Math.min(1, state.processedRows / state.totalRows) * 100) : 0;
}

export function ProgressStep({ state, onUndo, undoing, canUndo, onAnother }: { state: ImportState; onUndo: () => void; undoing: boolean; canUndo: boolean; onAnother: () => void }) {
  const percent = importPercent(state);
  const running = state.status === "UPLOADED" || state.status === "VALIDATING" || state.status === "RUNNING";
  const queued = state.waitingForWorker
    ? "Queued, but no worker is running to take it: it starts when one does (start one with npm run worker, or run the app with its own worker on)"
    : "Queued: it starts when the imports before it finish";
  const phase = state.status === "VALIDATING" || state.status === "UPLOADED" ? queued : state.status === "RUNNING" ? "Checking and writing rows" : "Done";
  return (
    <section aria-labelledby="import-progress-h" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="import-progress-h" className="text-base font-semibold">3. Import of {state.fileName}</h2>
      <div>
        <div className="flex justify-between text-sm">
          <span>{running ? phase : state.status === "COMPLETED" ? "Completed" : state.status === "UNDONE" ? "Undone" : "Failed"}</span>
          <span>{percent}%</span>
        </div>
        <div
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          data-testid="import-progress"
          className="mt-1 h-3 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div className={`h-full transition-all ${state.status === "FAILED" ? "bg-red-600" : "bg-blue-600"}`} style={{ width: `${percent}%` }} />
        </div>
        {running && <p role="status" className="mt-1 text-sm text-slate-600">{formatNumber(state.processedRows)} of {formatNumber(state.totalRows) || "…"} rows</p>}
      </div>
      {state.status === "FAILED" && <ErrorAlert variant="panel">{state.error}</ErrorAlert>}
      {(state.status === "COMPLETED" || state.status === "UNDONE") && (
        <div className="space-y-2 text-sm" role="status" data-testid="import-summary">
          <p>
            Created {formatNumber(state.created)}, updated {formatNumber(state.updated)}, unchanged {formatNumber(state.unchanged)}, skipped {formatNumber(state.skipped)}.
          </p>
          {state.skipped > 0 && state.rejects && (
            <ul className="list-disc pl-5 text-amber-900">
              {state.rejects.slice(0, 10).map((r, i) => (
                <li key={i}>Line {r.line}{r.column ? `, column "${r.column}"` : ""}: {r.message}</li>
              ))}
            </ul>
          )}
          <div className="flex flex-wrap gap-3">
            <Link href="/" className="text-blue-700 underline">See the dashboard</Link>
            {state.skipped > 0 && <a href={`/api/v1/imports/${state.id}/rejects`} className="text-blue-700 underline" download>Download the skipped rows (CSV)</a>}
            {canUndo && state.status === "COMPLETED" && state.undoableUntil && (
              <button type="button" onClick={onUndo} disabled={undoing} className="rounded-md border border-red-300 px-3 py-1 text-red-800 hover:bg-red-50 disabled:opacity-60">
                {undoing ? "Undoing…" : "Undo this import"}
              </button>
            )}
          </div>
        </div>
      )}
      {state.status === "FAILED" && state.rejects && state.rejects.length > 0 && (
        <a href={`/api/v1/imports/${state.id}/rejects`} className="text-sm text-blue-700 underline" download>Download the problems (CSV)</a>
      )}
      {!running && <button type="button" onClick={onAnother} className="block text-sm underline">Import another file</button>}
    </section>
  );
}
