"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, sendJson } from "@/lib/client/api";
import type { CatalogMetric } from "@/lib/metrics/api-types";
import { PILLAR_KEYS } from "@/lib/validation/metrics";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Table } from "@/components/ui/table";
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
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? `${confirming.metric.name} has ${confirming.values} value(s). Archive it? Its data is kept, but it leaves entry and dashboards.` : ""}
        confirmLabel={confirming ? `Archive ${confirming.metric.name}` : "Archive"}
        cancelLabel="Keep it"
        tone="warning"
        onConfirm={() => confirming && void remove(confirming.metric, true)}
        onCancel={() => setConfirming(null)}
      />
      {editing && (
        <MetricForm
          key={editing.kind === "edit" ? editing.metric.id : "new"}
          metric={editing.kind === "edit" ? editing.metric : null}
          teams={teams}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      )}
      <Table
        aria-label="Metrics"
        className="w-full border-collapse text-sm"
        headRowClassName="border-b border-slate-300 text-left text-slate-700"
        thClassName="p-2"
        tdClassName="p-2"
        rowClassName="border-b border-slate-200 align-top"
        rowProps={(m) => ({ "data-testid": `catalog-${m.key}` })}
        rows={shown}
        rowKey={(m) => m.id}
        columns={[
          {
            key: "metric",
            header: "Metric",
            rowHeader: true,
            className: "text-left font-normal",
            cell: (m) => (
              <>
                <span className="font-medium text-slate-900">{m.name}</span>
                {m.archivedAt && <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-700">archived</span>}
                <span className="block text-xs text-slate-500">{m.key}</span>
              </>
            ),
          },
          { key: "pillar", header: "Pillar", cell: (m) => m.pillar.charAt(0) + m.pillar.slice(1).toLowerCase() },
          { key: "unit", header: "Unit", cell: (m) => m.unit },
          { key: "source", header: "Source", cell: (m) => (m.source === "COMPUTED" ? "Computed" : "Manual") },
          { key: "cadence", header: "Cadence", cell: (m) => (m.cadence === "WEEKLY" ? "Weekly" : "Monthly") },
          { key: "range", header: "Range", className: "tabular-nums", cell: (m) => (m.minValue === null && m.maxValue === null ? "—" : `${m.minValue ?? "…"}–${m.maxValue ?? "…"}`) },
          { key: "teams", header: "Teams", cell: (m) => (m.appliesToAll ? "All" : `${m.teamIds.length} chosen`) },
          { key: "values", header: "Values", className: "tabular-nums", cell: (m) => m.valueCount },
          {
            key: "actions",
            header: <span className="sr-only">Actions</span>,
            className: "whitespace-nowrap",
            cell: (m) =>
              m.readOnly ? (
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
              ),
          },
        ]}
      />
    </div>
  );
}
