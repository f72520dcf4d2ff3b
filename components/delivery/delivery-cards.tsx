"use client";

import type { ReactNode } from "react";
import { EMPTY_TEXT as EMPTY, formatDuration, formatNumber, formatPercent, orEmpty } from "@/lib/format";
import type { DeliverySummaryJson } from "@/lib/client/use-delivery";
import { Table, type Column } from "@/components/ui/table";

const CLUSTER_LABEL: Record<string, string> = { elite: "Elite", high: "High", medium: "Medium", low: "Low" };
const minutes = (v: number | null | undefined) => orEmpty(v, formatDuration);
const percent = (fraction: number | null | undefined) => orEmpty(fraction, (r) => formatPercent(r * 100));

export type DrillKind = "deployments" | "changes" | "incidents" | "work-items";

/** Which rows a drill-down opens on: the kind and the subset its number counts (the API's `subset`). */
export interface Drill {
  kind: DrillKind;
  subset?: string;
}

interface CardProps {
  id: string;
  title: string;
  value: string;
  /** What the headline number counts, shown under it ("successful production deployments"). */
  label?: string;
  /** The raw number behind the headline, for checking against the API. */
  raw: number | null;
  detail?: ReactNode;
  band?: string | null;
  how: string;
  drill: Drill;
  onDrill: (drill: Drill) => void;
}

export function NumberCard({ id, title, value, label, raw, detail, band, how, drill, onDrill }: CardProps) {
  return (
    <article data-testid={`delivery-card-${id}`} aria-labelledby={`card-${id}`} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <h3 id={`card-${id}`} className="text-sm font-medium text-slate-700">
          {title}
        </h3>
        {band !== undefined && (
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700" title="DORA 2024 cluster whose published range holds this value — a reference, not a verdict">
            DORA 2024: {band ? CLUSTER_LABEL[band] : "outside the clusters"}
          </span>
        )}
      </div>
      <p className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid={`delivery-value-${id}`} data-value={raw ?? ""}>
        {value}
        {label && <span className="ml-2 text-xs font-normal tracking-normal text-slate-600">{label}</span>}
      </p>
      {detail && <div className="text-xs text-slate-700">{detail}</div>}
      <button type="button" onClick={() => onDrill(drill)} className="self-start text-xs font-medium text-blue-700 underline hover:text-blue-900">
        Show the rows behind this number
      </button>
      <details className="text-sm text-slate-700">
        <summary className="cursor-pointer select-none text-xs font-medium text-blue-700 hover:text-blue-900">How is this computed?</summary>
        <p className="mt-2 leading-relaxed">{how}</p>
      </details>
    </article>
  );
}

/** The five DORA keys plus time to restore and incidents, each with its reference band and drill-down. */
export function DeliveryCards({ s, onDrill }: { s: DeliverySummaryJson; onDrill: (drill: Drill) => void }) {
  const how = s.howComputed;
  const lt = s.leadTime;
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <NumberCard
        id="deployments" title="Deployment frequency" value={formatNumber(s.deployments.count)} raw={s.deployments.count} band={s.deploymentFrequency.band}
        label="successful production deployments"
        detail={<>{formatNumber(s.deploymentFrequency.perWeek, 1)} per week · median {formatNumber(s.deploymentFrequency.medianDeployDaysPerWeek ?? 0, 1)} deploy-days/week · {s.deploymentFrequency.tierLabel}</>}
        how={how.deployments} drill={{ kind: "deployments", subset: "successful" }} onDrill={onDrill}
      />
      <NumberCard
        id="lead-time" title="Change lead time (median)" value={minutes(lt.median)} raw={lt.median} band={lt.band}
        detail={<>p85 {minutes(lt.p85)} · {formatNumber(lt.count)} changes · coding {minutes(lt.coding)}, pickup {minutes(lt.pickup)}, review {minutes(lt.review)}, deploy {minutes(lt.deploy)}</>}
        how={how.lead_time} drill={{ kind: "changes", subset: "counted" }} onDrill={onDrill}
      />
      <NumberCard
        id="change-failure-rate" title="Change failure rate" value={percent(s.changeFailureRate.rate)} raw={s.changeFailureRate.rate} band={s.changeFailureRate.band}
        detail={
          <>
            {formatNumber(s.changeFailureRate.failed)} of {formatNumber(s.changeFailureRate.total)} production deployments (failed runs included)
            {s.changeFailureRate.total !== s.deployments.count && (
              <span className="block text-slate-600" data-testid="deployment-count-note">
                Deployment frequency counts only the {formatNumber(s.deployments.count)} that succeeded; the other {formatNumber(s.changeFailureRate.total - s.deployments.count)} were deployment runs that failed, which count here but are not deployments that shipped.
              </span>
            )}
          </>
        }
        how={how.change_failure_rate} drill={{ kind: "deployments", subset: "failed" }} onDrill={onDrill}
      />
      <NumberCard
        id="recovery-time" title="Failed deployment recovery time" value={minutes(s.recoveryTime.median)} raw={s.recoveryTime.median} band={s.recoveryTime.band}
        detail={<>p85 {minutes(s.recoveryTime.p85)} · {formatNumber(s.recoveryTime.count)} failed deployments recovered</>}
        how={how.recovery_time} drill={{ kind: "deployments", subset: "recovered" }} onDrill={onDrill}
      />
      <NumberCard
        id="rework-rate" title="Deployment rework rate" value={percent(s.rework.rate)} raw={s.rework.rate}
        detail={<>{formatNumber(s.rework.rework)} hotfix/rollback of {formatNumber(s.rework.total)} production deployments</>}
        how={how.rework_rate} drill={{ kind: "deployments", subset: "rework" }} onDrill={onDrill}
      />
      <NumberCard
        id="time-to-restore" title="Time to restore service (median)" value={minutes(s.timeToRestore.median)} raw={s.timeToRestore.median}
        detail={<>p85 {minutes(s.timeToRestore.p85)} · {formatNumber(s.timeToRestore.count)} incidents resolved</>}
        how={how.time_to_restore} drill={{ kind: "incidents", subset: "resolved" }} onDrill={onDrill}
      />
      <NumberCard
        id="incidents" title="Incidents opened" value={formatNumber(s.incidents.opened)} raw={s.incidents.opened}
        detail={Object.keys(s.incidents.bySeverity).length ? Object.entries(s.incidents.bySeverity).map(([k, v]) => `${k}: ${formatNumber(v)}`).join(" · ") : EMPTY}
        how={how.incidents} drill={{ kind: "incidents", subset: "opened" }} onDrill={onDrill}
      />
    </div>
  );
}

type Cluster = DeliverySummaryJson["benchmarks"]["reports"][number]["clusters"][number];

const BENCHMARK_COLUMNS: Column<Cluster>[] = [
  {
    key: "cluster",
    header: "Cluster",
    rowHeader: true,
    className: "font-medium",
    cell: (c) => `${c.label}${c.shareOfRespondents !== null ? ` (${formatNumber(c.shareOfRespondents * 100)}% of respondents)` : ""}`,
  },
  { key: "df", header: "Deployment frequency", cell: (c) => c.deploymentFrequency },
  { key: "lt", header: "Lead time", cell: (c) => c.changeLeadTime },
  { key: "cfr", header: "Change failure rate", cell: (c) => c.changeFailureRate },
  { key: "rt", header: "Recovery time", cell: (c) => c.failedDeploymentRecoveryTime },
];

/** DORA's published clusters, with year and source, as a reference. */
export function Benchmarks({ s }: { s: DeliverySummaryJson }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
      <summary className="cursor-pointer font-medium text-slate-900">Reference bands: DORA 2024 and 2023 clusters</summary>
      <p className="mt-2" data-testid="dora-note">{s.benchmarks.note}</p>
      {s.benchmarks.reports.map((r) => (
        <div key={r.year} className="mt-3 overflow-x-auto">
          <Table
            className="w-full text-left text-xs"
            caption={r.source}
            captionClassName="text-left font-medium text-slate-800"
            headRowClassName="text-slate-600"
            thClassName="py-1 pr-2"
            tdClassName="py-1 pr-2"
            rowClassName="border-t border-slate-100"
            columns={BENCHMARK_COLUMNS}
            rows={r.clusters}
            rowKey={(c) => c.cluster}
          />
        </div>
      ))}
    </details>
  );
}
