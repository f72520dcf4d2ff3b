"use client";

import type { DrillKind } from "./delivery-cards";
import { useFormat } from "@/components/format/format-context";
import { EMPTY_TEXT as EMPTY, formatDays, formatDuration, orEmpty } from "@/lib/format";
import {
  useDeliveryRows,
  useFlowItems,
  type ChangeRowJson,
  type DeliveryView,
  type DeploymentRowJson,
  type IncidentRowJson,
  type WorkItemRowJson,
} from "./use-delivery";

const TH = "py-1.5 pr-3 font-medium";
const TD = "py-1.5 pr-3 align-top";

function Status({ loading, error, empty }: { loading: boolean; error: unknown; empty: boolean }) {
  if (loading) return <p role="status" className="text-sm text-slate-600">Loading rows…</p>;
  if (error) return <p role="alert" className="text-sm text-red-700">{error instanceof Error ? error.message : "The rows could not be loaded."}</p>;
  if (empty) return <p className="text-sm text-slate-600">Nothing in this period.</p>;
  return null;
}

function Deployments({ view }: { view: DeliveryView }) {
  const f = useFormat();
  const q = useDeliveryRows<DeploymentRowJson>("deployments", view, true);
  const rows = q.data ?? [];
  return (
    <>
      <Status loading={q.isLoading} error={q.error} empty={rows.length === 0} />
      {rows.length > 0 && (
        <table data-testid="drilldown-deployments" className="w-full text-left text-sm">
          <caption className="sr-only">Production deployments in the period</caption>
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className={TH}>Deployment</th><th scope="col" className={TH}>Service</th><th scope="col" className={TH}>Finished</th>
              <th scope="col" className={TH}>Status</th><th scope="col" className={TH}>Kind</th><th scope="col" className={TH}>Changes shipped</th>
              <th scope="col" className={TH}>Caused a failure</th><th scope="col" className={TH}>Recovery</th><th scope="col" className={TH}>Incidents</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={`${d.service}/${d.externalId}`} className="border-t border-slate-100" data-failed={d.causedFailure} data-rework={d.isRework}>
                <td className={`${TD} font-mono text-xs`}>{d.externalId}</td>
                <td className={TD}>{d.service}</td>
                <td className={TD}>{f.dateTime(d.finishedAt)}</td>
                <td className={TD}>{d.status}</td>
                <td className={TD}>{d.kind}{d.isRework ? " (rework)" : ""}</td>
                <td className={`${TD} tabular-nums`}>{d.shippedChanges}</td>
                <td className={TD}>{d.causedFailure ? `Yes — ${d.failureReasons.join(", ")}` : "No"}</td>
                <td className={TD}>{d.causedFailure ? orEmpty(d.recoveryMinutes, formatDuration) : EMPTY}</td>
                <td className={TD}>{d.incidents.join(", ") || EMPTY}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Changes({ view }: { view: DeliveryView }) {
  const q = useDeliveryRows<ChangeRowJson>("changes", view, true);
  const rows = q.data ?? [];
  return (
    <>
      <Status loading={q.isLoading} error={q.error} empty={rows.length === 0} />
      {rows.length > 0 && (
        <table data-testid="drilldown-changes" className="w-full text-left text-sm">
          <caption className="sr-only">Changes deployed or merged in the period</caption>
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className={TH}>Pull request</th><th scope="col" className={TH}>Service</th><th scope="col" className={TH}>Coding</th>
              <th scope="col" className={TH}>Pickup</th><th scope="col" className={TH}>Review</th><th scope="col" className={TH}>Deploy</th>
              <th scope="col" className={TH}>Lead time</th><th scope="col" className={TH}>Shipped by</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={`${c.service}/${c.externalId}`} className="border-t border-slate-100" data-counted={c.countedInLeadTime}>
                <td className={TD}>
                  <span className="font-mono text-xs">#{c.externalId}</span> {c.title ?? ""}
                  {c.author && <span className="block text-xs text-slate-600">by {c.author}</span>}
                </td>
                <td className={TD}>{c.service}</td>
                <td className={`${TD} tabular-nums`}>{orEmpty(c.coding, formatDuration)}</td>
                <td className={`${TD} tabular-nums`}>{orEmpty(c.pickup, formatDuration)}</td>
                <td className={`${TD} tabular-nums`}>{orEmpty(c.review, formatDuration)}</td>
                <td className={`${TD} tabular-nums`}>{orEmpty(c.deploy, formatDuration)}</td>
                <td className={`${TD} tabular-nums font-medium`}>{orEmpty(c.leadTime, formatDuration)}</td>
                <td className={TD}>{c.deployment ? <span className="font-mono text-xs">{c.deployment}</span> : "Not deployed yet"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Incidents({ view }: { view: DeliveryView }) {
  const f = useFormat();
  const q = useDeliveryRows<IncidentRowJson>("incidents", view, true);
  const rows = q.data ?? [];
  return (
    <>
      <Status loading={q.isLoading} error={q.error} empty={rows.length === 0} />
      {rows.length > 0 && (
        <table data-testid="drilldown-incidents" className="w-full text-left text-sm">
          <caption className="sr-only">Incidents opened or resolved in the period</caption>
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className={TH}>Incident</th><th scope="col" className={TH}>Service</th><th scope="col" className={TH}>Severity</th>
              <th scope="col" className={TH}>Opened</th><th scope="col" className={TH}>Resolved</th><th scope="col" className={TH}>Time to restore</th>
              <th scope="col" className={TH}>Linked deployment</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={`${i.service}/${i.externalId}`} className="border-t border-slate-100" data-opened-in-period={i.openedInPeriod}>
                <td className={TD}><span className="font-mono text-xs">{i.externalId}</span> {i.title ?? ""}</td>
                <td className={TD}>{i.service}</td>
                <td className={TD}>{i.severity ?? EMPTY}</td>
                <td className={TD}>{f.dateTime(i.openedAt)}</td>
                <td className={TD}>{i.resolvedAt ? f.dateTime(i.resolvedAt) : "Open"}</td>
                <td className={`${TD} tabular-nums`}>{orEmpty(i.restoreMinutes, formatDuration)}</td>
                <td className={TD}>
                  {i.linkedDeployment ? <span className="font-mono text-xs">{i.linkedDeployment}</span> : "None (before any deployment)"}
                  {i.linkedDeployment && <span className="block text-xs text-slate-600">{i.linkNamedByClient ? "named by the incident tool" : "latest deployment before it opened"}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function ItemTable({ rows, label }: { rows: WorkItemRowJson[]; label: string }) {
  const f = useFormat();
  return (
    <table className="w-full text-left text-sm">
      <caption className="text-left text-sm font-medium text-slate-800">{label} ({rows.length})</caption>
      <thead className="text-xs text-slate-600">
        <tr>
          <th scope="col" className={TH}>Item</th><th scope="col" className={TH}>Team</th><th scope="col" className={TH}>Type</th>
          <th scope="col" className={TH}>Started</th><th scope="col" className={TH}>Finished</th><th scope="col" className={TH}>Flow time</th><th scope="col" className={TH}>Active</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((w) => (
          <tr key={`${w.team}/${w.externalId}`} className="border-t border-slate-100">
            <td className={TD}><span className="font-mono text-xs">{w.externalId}</span> {w.title ?? ""}</td>
            <td className={TD}>{w.team}</td>
            <td className={TD}>{w.type}</td>
            <td className={TD}>{orEmpty(w.start, f.dateTime)}</td>
            <td className={TD}>{orEmpty(w.finish, f.dateTime)}</td>
            <td className={`${TD} tabular-nums`}>{orEmpty(w.flowDays, formatDays)}</td>
            <td className={`${TD} tabular-nums`}>{orEmpty(w.activeDays, formatDays)}</td>
          </tr>
        ))}
      </tbody>
    </table>
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

const TITLES: Record<DrillKind, string> = {
  deployments: "Production deployments",
  changes: "Changes (merged pull requests) and their lead-time breakdown",
  incidents: "Incidents and the deployment each links to",
  "work-items": "Work items",
};

/** The rows behind the numbers, for the kind of row the reader asked for. */
export function DrillDown({ kind, view, onClose }: { kind: DrillKind; view: DeliveryView; onClose: () => void }) {
  return (
    <section aria-labelledby="drilldown-heading" className="rounded-lg border border-blue-200 bg-white p-4">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id="drilldown-heading" tabIndex={-1} className="text-base font-semibold text-slate-900">
          {TITLES[kind]} · {view.from} to {view.to}
        </h2>
        <button type="button" onClick={onClose} className="text-sm text-blue-700 underline">Close</button>
      </div>
      <div className="overflow-x-auto">
        {kind === "deployments" && <Deployments view={view} />}
        {kind === "changes" && <Changes view={view} />}
        {kind === "incidents" && <Incidents view={view} />}
        {kind === "work-items" && <WorkItems view={view} />}
      </div>
    </section>
  );
}
