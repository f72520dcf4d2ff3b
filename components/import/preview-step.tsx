"use client";

import { useId } from "react";
import { formatNumber } from "@/lib/format";
import type { ImportPreview, RowProblem } from "@/lib/imports/api-types";
import { MappingEditor } from "./mapping-editor";
import { Table, type Column } from "@/components/ui/table";
import { ErrorAlert } from "@/components/ui/error-alert";

export interface RunChoices {
  skipInvalid: boolean;
  createUnknown: boolean;
  dayOrder: "" | "DMY" | "MDY";
}

const problemText = (p: RowProblem) => `Line ${p.line}${p.column ? `, column "${p.column}"` : ""}: ${p.message}`;

/** The preview: mapping, options, every problem by line and column, the first rows, and the confirm button. */
export function PreviewStep({
  preview,
  mapping,
  choices,
  onMapping,
  onChoices,
  onRecheck,
  onConfirm,
  onCancel,
  busy,
}: {
  preview: ImportPreview;
  mapping: Record<string, number>;
  choices: RunChoices;
  onMapping: (mapping: Record<string, number>) => void;
  onChoices: (choices: RunChoices) => void;
  onRecheck: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const id = useId();
  const blocked = preview.fileError !== null || preview.missing.length > 0 || (preview.problemCount > 0 && !choices.skipInvalid) || preview.validRows === 0;
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={`${id}-h`} className="text-base font-semibold">2. Check the preview of {preview.fileName}</h2>
      {preview.fileError ? (
        <ErrorAlert variant="panel">{preview.fileError.message}</ErrorAlert>
      ) : (
        <>
          <MappingEditor header={preview.header} mapping={mapping} fields={preview.fields} onChange={onMapping} />
          {preview.missing.length > 0 && (
            <ErrorAlert className="text-sm text-red-800">No column is chosen for: {preview.missing.join(", ")}.</ErrorAlert>
          )}
          {preview.unmatched.length > 0 && <p className="text-sm text-slate-600">Ignored columns: {preview.unmatched.join(", ")}.</p>}
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={choices.skipInvalid} onChange={(e) => onChoices({ ...choices, skipInvalid: e.target.checked })} />
              Skip invalid rows (import the rest and list the skipped ones)
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={choices.createUnknown} onChange={(e) => onChoices({ ...choices, createUnknown: e.target.checked })} />
              Create unknown teams and metrics
            </label>
            <label className="flex items-center gap-2">
              Dates like 03/04/2026 are
              <select value={choices.dayOrder} onChange={(e) => onChoices({ ...choices, dayOrder: e.target.value as RunChoices["dayOrder"] })} className="rounded-md border border-slate-300 px-2 py-1">
                <option value="">refused (ambiguous)</option>
                <option value="DMY">day/month/year</option>
                <option value="MDY">month/day/year</option>
              </select>
            </label>
            <button type="button" onClick={onRecheck} disabled={busy} className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-50 disabled:opacity-60">
              {busy ? "Checking…" : "Check again"}
            </button>
          </div>
          <p className="text-sm" data-testid="preview-counts">
            {formatNumber(preview.totalRows)} rows: {formatNumber(preview.validRows)} ready to import
            {preview.problemCount > 0 ? `, ${formatNumber(preview.problemCount)} problems` : ""}.
          </p>
          {preview.applyCheckedRows !== null && preview.applyCheckedRows < preview.totalRows && (
            <p className="text-sm text-slate-700" data-testid="preview-partial-check">
              The first {formatNumber(preview.applyCheckedRows)} rows were checked against the data exactly as importing checks them; the other{" "}
              {formatNumber(preview.totalRows - preview.applyCheckedRows)} were checked as read, and any refused when the import runs are listed then.
            </p>
          )}
          {preview.problems.length > 0 && (
            <div role="alert" className="max-h-64 overflow-auto rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              <p className="font-medium">
                {choices.skipInvalid ? "These rows will be skipped:" : "Fix these rows, or choose “skip invalid rows”:"}
              </p>
              <ul className="mt-1 list-disc pl-5">
                {preview.problems.map((p, i) => (
                  <li key={i}>{problemText(p)}</li>
                ))}
              </ul>
              {preview.problemCount > preview.problems.length && <p>… and {preview.problemCount - preview.problems.length} more.</p>}
            </div>
          )}
          <div className="overflow-x-auto">
            <Table
              className="min-w-full text-left text-sm"
              caption="First rows of the file as they will be read"
              headRowClassName="border-b border-slate-200"
              thClassName="px-2 py-1"
              tdClassName="px-2 py-1"
              rowClassName={(row) => (row.problems.length ? "bg-red-50" : "")}
              rowProps={(row) => ({ title: row.problems.map(problemText).join("\n") })}
              rows={preview.rows}
              rowKey={(row) => row.line}
              columns={[
                { key: "line", header: "Line", className: "text-slate-500", cell: (row) => row.line },
                ...preview.header.map(
                  (h, i): Column<(typeof preview.rows)[number]> => ({
                    key: String(i),
                    header: h,
                    headerClassName: "font-mono",
                    cellProps: (row) => (row.problems.some((p) => p.column === preview.header[i]) ? { className: "font-semibold text-red-800" } : {}),
                    cell: (row) => row.fields[i],
                  }),
                ),
              ]}
            />
          </div>
        </>
      )}
      <div className="flex gap-3">
        <button type="button" onClick={onConfirm} disabled={blocked || busy} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50">
          Import {formatNumber(preview.validRows)} rows
        </button>
        <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-4 py-2 text-sm">Choose another file</button>
      </div>
    </section>
  );
}
