"use client";

import { useFormat } from "@/components/format/format-context";

import { confirmUndo, useImportsList, useUndoImport } from "@/lib/client/use-imports";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Table } from "@/components/ui/table";

/** The imports the viewer may see: who, when, which file, the counts; undo (asked first) for its uploader or an admin within 7 days. */
export function ImportsList() {
  const f = useFormat();
  const list = useImportsList();
  const undo = useUndoImport();
  if (list.isPending) return <p role="status" className="text-sm text-slate-600">Loading past imports…</p>;
  if (list.isError) return <ErrorAlert className="text-sm text-red-800">Past imports could not be loaded: {list.error.message}</ErrorAlert>;
  const imports = list.data.imports;
  return (
    <section aria-labelledby="imports-list-h" className="space-y-2">
      <h2 id="imports-list-h" className="text-base font-semibold">Past imports</h2>
      {imports.length === 0 ? (
        <p className="text-sm text-slate-600">No imports yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <Table
            className="min-w-full text-left text-sm"
            aria-labelledby="imports-list-h"
            headClassName="border-b border-slate-200 bg-slate-50"
            thClassName="px-3 py-2 font-medium"
            tdClassName="px-3 py-2"
            rowClassName="border-b border-slate-100"
            rows={imports}
            rowKey={(i) => i.id}
            columns={[
              { key: "when", header: "When", className: "whitespace-nowrap", cell: (i) => f.dateTime(i.createdAt) },
              { key: "who", header: "Who", cell: (i) => i.actorLabel },
              { key: "file", header: "File", cell: (i) => i.fileName },
              { key: "kind", header: "Kind", cell: (i) => i.kind },
              { key: "status", header: "Status", cellProps: (i) => ({ title: i.error ?? undefined }), cell: (i) => i.status.toLowerCase() },
              { key: "created", header: "Created", className: "text-right", cell: (i) => i.created },
              { key: "updated", header: "Updated", className: "text-right", cell: (i) => i.updated },
              { key: "unchanged", header: "Unchanged", className: "text-right", cell: (i) => i.unchanged },
              { key: "skipped", header: "Skipped", className: "text-right", cell: (i) => i.skipped },
              {
                key: "undo",
                header: "",
                cell: (i) =>
                  i.mayUndo && i.undoableUntil && (
                    <button type="button" disabled={undo.isPending} onClick={() => confirmUndo(i.fileName) && undo.mutate(i.id)} className="text-red-800 underline disabled:opacity-60">
                      Undo
                    </button>
                  ),
              },
            ]}
          />
        </div>
      )}
      {undo.isError && <ErrorAlert className="text-sm text-red-800">{undo.error.message}</ErrorAlert>}
    </section>
  );
}
