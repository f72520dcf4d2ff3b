"use client";

import { useState } from "react";
import { useAnnotationMutations, useAnnotations, type Annotation } from "@/lib/client/use-annotations";
import { formatDate } from "@/lib/format";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";

function AnnotationRow({ a }: { a: Annotation }) {
  const { update, remove } = useAnnotationMutations();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [title, setTitle] = useState(a.title);
  const [date, setDate] = useState(a.date);
  const error = update.error ?? remove.error;
  return (
    <li className="space-y-1 p-4" data-testid="annotation-row">
      {editing ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ id: a.id, input: { title, date } }, { onSuccess: () => setEditing(false) });
          }}
        >
          <label className="text-xs font-medium text-slate-700">
            Date <input type="date" className="mt-1 block rounded border border-slate-300 px-2 py-1 text-sm" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label className="flex-1 text-xs font-medium text-slate-700">
            Title <input className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm" value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <button type="submit" className="rounded-md bg-blue-700 px-3 py-1 text-sm font-medium text-white">Save</button>
          <button type="button" className="px-2 py-1 text-sm" onClick={() => setEditing(false)}>Cancel</button>
        </form>
      ) : (
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <p>
            <time dateTime={a.date} className="tabular-nums text-sm text-slate-600">{formatDate(a.date)}</time>{" "}
            <span className="font-medium text-slate-900">{a.title}</span>{" "}
            <span className="text-xs text-slate-600">
              · {a.scopeName}
              {a.kind === "METRIC_CHANGE" && " · metric definition change"}
              {a.createdBy && ` · by ${a.createdBy}`}
            </span>
          </p>
          {a.canEdit && (
            <span className="flex gap-2 text-sm">
              <button type="button" className="font-medium text-blue-700" onClick={() => setEditing(true)}>Edit<span className="sr-only"> {a.title}</span></button>
              <button
                type="button"
                className="font-medium text-red-700"
                onClick={() => setConfirming(true)}
              >
                Delete<span className="sr-only"> {a.title}</span>
              </button>
            </span>
          )}
        </div>
      )}
      {a.body && !editing && <p className="text-sm text-slate-700">{a.body}</p>}
      {a.canEdit && (
        <ConfirmDialog
          open={confirming}
          title={`Delete the annotation "${a.title}"?`}
          confirmLabel="Delete"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            remove.mutate(a.id);
          }}
        />
      )}
      {error && <ErrorAlert>{error.message}</ErrorAlert>}
    </li>
  );
}

/** Every note for a scope (and the scopes whose charts it appears on), newest first. */
export function AnnotationList({ scope }: { scope: string }) {
  const notes = useAnnotations({ scope });
  if (notes.isPending) return <p role="status" className="text-sm text-slate-600">Loading annotations…</p>;
  if (notes.isError) return <ErrorAlert>Annotations could not be loaded: {notes.error.message}</ErrorAlert>;
  if (notes.data.annotations.length === 0) return <p className="text-sm text-slate-600">No annotations yet.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {notes.data.annotations.map((a) => (
        <AnnotationRow key={a.id} a={a} />
      ))}
    </ul>
  );
}
