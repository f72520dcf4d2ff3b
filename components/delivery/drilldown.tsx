"use client";

import type { Drill } from "./delivery-cards";
import { useFormat } from "@/components/format/format-context";
import { formatDays, orEmpty } from "@/lib/format";
import { ErrorAlert, errorMessage } from "@/components/ui/error-alert";
import { Table, type Column } from "@/components/ui/table";
import { CHANGE_CELLS, DEPLOYMENT_CELLS, INCIDENT_CELLS } from "./drill-cells";
import { RowsTable } from "./drill-rows";
import { useFlowItems, type ChangeRowJson, type DeliveryView, type DeploymentRowJson, type IncidentRowJson, type WorkItemRowJson } from "@/lib/client/use-delivery";

const TH = "py-1.5 pr-3 font-medium";
const TD = "py-1.5 pr-3 align-top";

function Status({ loading, error, empty }: { loading: boolean; error: unknown; empty: boolean }) {
  if (loading) return <p role="status" className="text-sm text-slate-600">Loading rows…</p>;
  if (error) return <ErrorAlert>{errorMessage(error, "The rows could not be loaded.")}</ErrorAlert>;
  if (empty) return <p className="text-sm text-slate-600">Nothing in this period.</p>;
  return null;
}

function ItemTable({ rows, label }: { rows: WorkItemRowJson[]; label: string }) {
  const f = useFormat();
  const columns: Column<WorkItemRowJson>[] = [
    { key: "item", header: "Item", cell: (w) => <><span className="font-mono text-xs">{w.externalId}</span> {w.title ?? ""}</> },
    { key: "team", header: "Team", cell: (w) => w.team },
    { key: "type", header: "Type", cell: (w) => w.type },
    { key: "started", header: "Started", cell: (w) => orEmpty(w.start, f.dateTime) },
    { key: "finished", header: "Finished", cell: (w) => orEmpty(w.finish, f.dateTime) },
    { key: "flow", header: "Flow time", cell: (w) => orEmpty(w.flowDays, formatDays), className: "tabular-nums" },
    { key: "active", header: "Active", cell: (w) => orEmpty(w.activeDays, formatDays), className: "tabular-nums" },
  ];
  return (
    <Table
      className="w-full text-left text-sm"
      caption={`${label} (${rows.length})`}
      captionClassName="text-left text-sm font-medium text-slate-800"
      headClassName="text-xs text-slate-600"
      thClassName={TH}
      tdClassName={TD}
      rowClassName="border-t border-slate-100"
      columns={columns}
      rows={rows}
      rowKey={(w) => `${w.team}/${w.externalId}`}
    />
  );
}

function WorkItems({ view }: { view: DeliveryView }) {
  const q = useFlowItems(view, true);
  return (
    <>
      <Status loading={q.isLoading} error={q.error} empty={!!q.data && q.data.finished.length + q.data.inProgress.length === 0} />
      {q.data && (
        <div data-testid="drilldown-work-items" className="space-y-4">
          <ItemTable rows={q.data.finished} label="Finished in the period" />
          <ItemTable rows={q.data.inProgress} label="In progress at the end of the period" />
        </div>
      )}
    </>
  );
}

const DEPLOYMENT_SUBSETS = [
  { value: "all", label: "All production deployment runs" },
  { value: "successful", label: "Successful (deployment frequency)" },
  { value: "failed", label: "Caused a failure (change failure rate)" },
  { value: "recovered", label: "Failed and recovered (recovery time)" },
  { value: "rework", label: "Hotfixes and rollbacks (rework rate)" },
];
const CHANGE_SUBSETS = [
  { value: "counted", label: "Deployed in the period (lead time)" },
  { value: "all", label: "Deployed or merged in the period" },
];
const INCIDENT_SUBSETS = [
  { value: "all", label: "Opened or resolved in the period" },
  { value: "opened", label: "Opened in the period" },
  { value: "resolved", label: "Resolved in the period (time to restore)" },
];

const TITLES: Record<Drill["kind"], string> = {
  deployments: "Production deployments",
  changes: "Changes (merged pull requests) and their lead-time breakdown",
  incidents: "Incidents and the deployment each links to",
  "work-items": "Work items",
};

/** The rows behind a number: for a DORA key, exactly the rows it counts (its subset), which the reader can widen. */
export function DrillDown({ drill, view, onClose }: { drill: Drill; view: DeliveryView; onClose: () => void }) {
  return (
    <section aria-labelledby="drilldown-heading" className="scroll-mt-4 rounded-lg border border-blue-200 bg-white p-4">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id="drilldown-heading" tabIndex={-1} className="text-base font-semibold text-slate-900">
          {TITLES[drill.kind]} · {view.from} to {view.to}
        </h2>
        <button type="button" onClick={onClose} className="text-sm text-blue-700 underline">Close</button>
      </div>
      {drill.kind === "deployments" && (
        <RowsTable<DeploymentRowJson>
          key={drill.subset} kind="deployments" view={view} subsets={DEPLOYMENT_SUBSETS} initialSubset={drill.subset ?? "all"} defaultSort="finished"
          caption="Production deployments in the period" searchHint="Id, commit SHA or incident" cells={DEPLOYMENT_CELLS}
          rowKey={(d) => `${d.service}/${d.externalId}`} rowData={(d) => ({ failed: d.causedFailure, rework: d.isRework })}
        />
      )}
      {drill.kind === "changes" && (
        <RowsTable<ChangeRowJson>
          key={drill.subset} kind="changes" view={view} subsets={CHANGE_SUBSETS} initialSubset={drill.subset ?? "all"} defaultSort="date"
          caption="Changes deployed or merged in the period" searchHint="Number, title, author or deployment" cells={CHANGE_CELLS}
          rowKey={(c) => `${c.service}/${c.externalId}`} rowData={(c) => ({ counted: c.countedInLeadTime })}
        />
      )}
      {drill.kind === "incidents" && (
        <RowsTable<IncidentRowJson>
          key={drill.subset} kind="incidents" view={view} subsets={INCIDENT_SUBSETS} initialSubset={drill.subset ?? "all"} defaultSort="opened"
          caption="Incidents in the period" searchHint="Id, title or deployment" cells={INCIDENT_CELLS}
          rowKey={(i) => `${i.service}/${i.externalId}`} rowData={(i) => ({ "opened-in-period": i.openedInPeriod })}
        />
      )}
      {drill.kind === "work-items" && <div className="overflow-x-auto"><WorkItems view={view} /></div>}
    </section>
  );
}
