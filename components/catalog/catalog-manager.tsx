"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, sendJson } from "@/lib/client/api";
import type { CatalogMetric } from "@/lib/metrics/api-types";
import { PILLAR_KEYS } from "@/lib/validation/metrics";
import { MetricForm } from "./metric-form";

interface Props {
  metrics: CatalogMetric[];
  teams: { id: string; name: string }[];
}

type Editing = { kind: "new" } | { kind: "edit"; metric: CatalogMetric } | null;

/** The admin's metric catalog: filter by pillar, create, edit, and delete (or archive when it has data). */
export function CatalogManager({ metrics, teams }: Props) {
  const router = useRouter();
  const [pillar, setPillar] = useState("");
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState<{ metric: CatalogMetric; values: number } | null>(null);
  const shown = metrics.filter((m) => !pillar || m.pillar === pillar);

  const done = (text: string) => {
    setEditing(null);
    setStatus({ error: false, text });
    router.refresh();
  };

  const remove = async (metric: CatalogMetric, confirm: boolean) => {
    try {
      const result = await sendJson<{ outcome?: string }>(`/api/v1/metrics/${metric.id}?confirm=${confirm}`, "DELETE");
      setConfirming(null);
      return done(result.outcome === "archived" ? `Archived ${metric.name}; its data is kept.` : `Deleted ${metric.name}.`);
    } catch (error) {
      const details = error instanceof ApiError ? (error.details as { needsConfirmation?: boolean; values?: number } | undefined) : undefined;
      if (error instanceof ApiError && error.status === 409 && details?.needsConfirmation) return setConfirming({ metric, values: details.values ?? 0 });
      setStatus({ error: true, text: error instanceof ApiError ? error.message : "Could not remove the metric." });
    }
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <label className="text-sm text-slate-700">
          Pillar
          <select value={pillar} onChange={(e) => setPillar(e.target.value)} className="mt-1 block rounded border border-slate-300 px-2 py-1 text-sm">
            <option value="">All pillars</option>
            {PILLAR_KEYS.map((p) => (
              <option key={p} value={p}>{p.charAt(0) + p.slice(1).toLowerCase()}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setEditing({ kind: "new" })} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
          New metric
        </button>
      </div>
      <p role="status" aria-live="polite" className={`text-sm ${status?.error ? "text-red-700" : "text-green-800"}`}>{status?.text}</p>
      {confirming && (
        <div role="alertdialog" aria-labelledby="archive-title" className="rounded-md border border-amber-500 bg-amber-50 p-4 text-sm">
          <p id="archive-title" className="font-medium text-amber-900">
            {confirming.metric.name} has {confirming.values} value(s). Archive it? Its data is kept, but it leaves entry and dashboards.
          </p>
          <div className="mt-2 flex gap-2">
            <button type="button" onClick={() => void remove(confirming.metric, true)} className="rounded-md bg-amber-700 px-3 py-1.5 font-medium text-white">
              Archive {confirming.metric.name}
            </button>
            <button type="button" onClick={() => setConfirming(null)} className="rounded-md border border-slate-300 px-3 py-1.5">
              Keep it
            </button>
          </div>
        </div>
      )}
      {editing && (
        <MetricForm
          key={editing.kind === "edit" ? editing.metric.id : "new"}
          metric={editing.kind === "edit" ? editing.metric : null}
          teams={teams}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      )}
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-300 text-left text-slate-700">
            <th scope="col" className="p-2">Metric</th>
            <th scope="col" className="p-2">Pillar</th>
            <th scope="col" className="p-2">Unit</th>
            <th scope="col" className="p-2">Source</th>
            <th scope="col" className="p-2">Cadence</th>
            <th scope="col" className="p-2">Range</th>
            <th scope="col" className="p-2">Teams</th>
            <th scope="col" className="p-2">Values</th>
            <th scope="col" className="p-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => (
            <tr key={m.id} className="border-b border-slate-200 align-top" data-testid={`catalog-${m.key}`}>
              <th scope="row" className="p-2 text-left font-normal">
                <span className="font-medium text-slate-900">{m.name}</span>
                {m.archivedAt && <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-700">archived</span>}
                <span className="block text-xs text-slate-500">{m.key}</span>
              </th>
              <td className="p-2">{m.pillar.charAt(0) + m.pillar.slice(1).toLowerCase()}</td>
              <td className="p-2">{m.unit}</td>
              <td className="p-2">{m.source === "COMPUTED" ? "Computed" : "Manual"}</td>
              <td className="p-2">{m.cadence === "WEEKLY" ? "Weekly" : "Monthly"}</td>
              <td className="p-2 tabular-nums">{m.minValue === null && m.maxValue === null ? "—" : `${m.minValue ?? "…"}–${m.maxValue ?? "…"}`}</td>
              <td className="p-2">{m.appliesToAll ? "All" : `${m.teamIds.length} chosen`}</td>
              <td className="p-2 tabular-nums">{m.valueCount}</td>
              <td className="whitespace-nowrap p-2">
                {m.readOnly ? (
                  <span className="text-xs text-slate-500">Read-only (targets only)</span>
                ) : (
                  !m.archivedAt && (
                    <>
                      <button type="button" onClick={() => setEditing({ kind: "edit", metric: m })} className="mr-2 text-blue-700 underline" aria-label={`Edit ${m.name}`}>
                        Edit
                      </button>
                      <button type="button" onClick={() => void remove(m, false)} className="text-red-700 underline" aria-label={`Delete ${m.name}`}>
                        Delete
                      </button>
                    </>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
