"use client";

import { useFormat } from "@/components/format/format-context";

import { confirmUndo, useImportsList, useUndoImport } from "@/lib/client/use-imports";

/** The imports the viewer may see: who, when, which file, the counts; undo (asked first) for its uploader or an admin within 7 days. */
export function ImportsList() {
  const f = useFormat();
  const list = useImportsList();
  const undo = useUndoImport();
  if (list.isPending) return <p role="status" className="text-sm text-slate-600">Loading past imports…</p>;
  if (list.isError) return <p role="alert" className="text-sm text-red-800">Past imports could not be loaded: {list.error.message}</p>;
  const imports = list.data.imports;
  return (
    <section aria-labelledby="imports-list-h" className="space-y-2">
      <h2 id="imports-list-h" className="text-base font-semibold">Past imports</h2>
      {imports.length === 0 ? (
        <p className="text-sm text-slate-600">No imports yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                {["When", "Who", "File", "Kind", "Status", "Created", "Updated", "Unchanged", "Skipped", ""].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-medium">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id} className="border-b border-slate-100">
                  <td className="px-3 py-2 whitespace-nowrap">{f.dateTime(i.createdAt)}</td>
                  <td className="px-3 py-2">{i.actorLabel}</td>
                  <td className="px-3 py-2">{i.fileName}</td>
                  <td className="px-3 py-2">{i.kind}</td>
                  <td className="px-3 py-2" title={i.error ?? undefined}>{i.status.toLowerCase()}</td>
                  <td className="px-3 py-2 text-right">{i.created}</td>
                  <td className="px-3 py-2 text-right">{i.updated}</td>
                  <td className="px-3 py-2 text-right">{i.unchanged}</td>
                  <td className="px-3 py-2 text-right">{i.skipped}</td>
                  <td className="px-3 py-2">
                    {i.mayUndo && i.undoableUntil && (
                      <button type="button" disabled={undo.isPending} onClick={() => confirmUndo(i.fileName) && undo.mutate(i.id)} className="text-red-800 underline disabled:opacity-60">
                        Undo
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {undo.isError && <p role="alert" className="text-sm text-red-800">{undo.error.message}</p>}
    </section>
  );
}
