"use client";

import { useFormat } from "@/components/format/format-context";

import { useValueHistory } from "@/lib/client/use-team-values";
import { ErrorAlert } from "@/components/ui/error-alert";

interface Snapshot {
  value?: number;
  note?: string | null;
}

const describe = (s: unknown) => {
  const snap = (s ?? {}) as Snapshot;
  if (snap.value === undefined) return "—";
  return `${snap.value}${snap.note ? ` (“${snap.note}”)` : ""}`;
};

/** A cell's recorded changes from the audit trail: who, when, before → after. */
export function CellHistory({ metricId, teamId, week, title, onClose }: { metricId: string; teamId: string; week: string; title: string; onClose: () => void }) {
  const f = useFormat();
  const history = useValueHistory(metricId, teamId, week);
  return (
    <section role="dialog" aria-label={`History of ${title}`} className="mt-4 rounded-md border border-slate-300 bg-white p-4 shadow">
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-semibold text-slate-900">History: {title}</h3>
        <button type="button" onClick={onClose} className="rounded px-2 py-1 text-sm text-blue-700 hover:bg-blue-50">
          Close
        </button>
      </div>
      {history.isPending && <p className="mt-2 text-sm text-slate-600">Loading history…</p>}
      {history.isError && <ErrorAlert className="mt-2 text-sm text-red-700">{history.error.message}</ErrorAlert>}
      {history.data && history.data.history.length === 0 && (
        <p className="mt-2 text-sm text-slate-600">No recorded changes. The value was loaded before the audit trail, or has never been entered.</p>
      )}
      {history.data && history.data.history.length > 0 && (
        <ol className="mt-2 space-y-1 text-sm text-slate-800">
          {history.data.history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.at}>{f.dateTime(h.at)}</time> · {h.actorLabel}: {describe(h.before)} → {describe(h.after)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
