"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { queryKeys } from "@/lib/client/query-keys";
import { uploadRoster } from "@/lib/client/use-retention";
import type { RosterImportResult } from "@/lib/retention/api-types";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "@/components/ui/form";
import { Table } from "@/components/ui/table";
import { ErrorAlert } from "@/components/ui/error-alert";

/** Upload a roster CSV, preview what it would change and every problem by row and column, then import all or nothing. */
export function RosterImport() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<RosterImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await uploadRoster(file, dryRun);
      setResult(r);
      if (r.applied) await queryClient.invalidateQueries({ queryKey: queryKeys.all });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="roster-import" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="roster-import" className="text-lg font-semibold text-slate-900">Import a roster CSV</h2>
      <p className="text-sm text-slate-700">
        One row per employment (a rehired person has a row for each). Column names from common HR exports are recognised. Importing the same file again changes nothing.{" "}
        <a href="/api/v1/people/template" className="text-blue-700 underline" download>
          Download the template
        </a>
        . For column mapping, skipping invalid rows and undo, use the{" "}
        <a href="/import?kind=people" className="text-blue-700 underline">
          import page
        </a>
        .
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="roster-file" className="text-xs font-medium text-slate-700">Roster file (CSV)</label>
          <input
            id="roster-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
            className="text-sm"
          />
        </div>
        <button type="button" className={SECONDARY_BUTTON} disabled={!file || busy} onClick={() => void run(true)}>
          Preview
        </button>
        <button type="button" className={PRIMARY_BUTTON} disabled={!file || busy || !result || result.dryRun === false || result.errors.length > 0} onClick={() => void run(false)}>
          Import
        </button>
      </div>
      {busy && <p role="status" className="text-sm text-slate-600">Working…</p>}
      {error && <ErrorAlert className="text-sm text-red-800">{error}</ErrorAlert>}
      {result && (
        <div className="space-y-2 text-sm" data-testid="import-result">
          <p role="status">
            {result.applied
              ? `Imported: ${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged.`
              : result.errors.length
                ? `${result.errors.length} problem${result.errors.length === 1 ? "" : "s"} to fix; nothing was imported.`
                : `Ready to import ${result.rows} rows for ${result.people} people: ${result.created} new, ${result.updated} changed, ${result.unchanged} unchanged.`}
          </p>
          {result.columns.length > 0 && <p className="text-xs text-slate-600">Columns read: {result.columns.map((c) => `${c.column} → ${c.field}`).join(", ")}{result.ignored.length ? `. Ignored: ${result.ignored.join(", ")}` : ""}</p>}
          {result.errors.length > 0 && (
            <Table
              className="min-w-full text-sm"
              aria-label="Import problems"
              headClassName="bg-slate-50 text-left text-xs text-slate-600"
              thClassName="px-2 py-1"
              tdClassName="px-2 py-1"
              rowClassName="border-t border-slate-100"
              rows={result.errors.slice(0, 200)}
              rowKey={(_, i) => i}
              columns={[
                { key: "line", header: "Line", className: "tabular-nums", cell: (e) => e.line || "—" },
                { key: "column", header: "Column", cell: (e) => e.column ?? "—" },
                { key: "problem", header: "Problem", cell: (e) => e.message },
              ]}
            />
          )}
        </div>
      )}
    </section>
  );
}
