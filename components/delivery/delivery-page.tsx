"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { TrendChart } from "@/components/charts/trend-chart";
import { AllocationPanel } from "./allocation-panel";
import { Benchmarks, DeliveryCards, type Drill } from "./delivery-cards";
import { DrillDown } from "./drilldown";
import { FlowCards } from "./flow-section";
import { useDeliverySummary, useDeliveryTrends, useFlowSummary, useServices, type DeliverySummaryJson, type DeliveryView } from "@/lib/client/use-delivery";
import { useFormat } from "@/components/format/format-context";
import { FilterNotice, NoTeamsMatch, SegmentFilterSelects } from "@/components/dashboard/segment-filter-bar";
import { seriesExportHref } from "@/lib/client/export-href";
import { useScopes } from "@/lib/client/use-scopes";
import { appendFilter } from "@/lib/segments/segment-filter";
import { ErrorAlert } from "@/components/ui/error-alert";

const SELECT = "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm";
const TREND_METRICS = ["deployments", "lead_time", "change_failure_rate", "recovery_time", "rework_rate", "flow_velocity"];

interface Props {
  initial: DeliveryView;
  /** Team slugs whose allocation the user may enter (null = every team). */
  writableTeams: string[] | null;
}

/** The Delivery page: scope and period, the DORA keys and flow metrics, trends, and the rows behind every number. */
export function DeliveryPage({ initial, writableTeams }: Props) {
  const id = useId();
  const router = useRouter();
  const pathname = usePathname();
  const [view, setView] = useState<DeliveryView>(initial);
  const [drill, setDrill] = useState<Drill | null>(null);
  const drillRef = useRef<HTMLDivElement>(null);
  const scopes = useScopes();
  const services = useServices();
  const summary = useDeliverySummary(view);
  const flow = useFlowSummary(view);

  const [kind, value] = [view.scope.split(":")[0], view.scope.split(":").slice(1).join(":")];
  const team = kind === "team" ? scopes.data?.teams.find((t) => t.slug === value) : undefined;
  const trendScope = kind === "org" ? "org" : team ? `team:${team.id}` : null;
  const trends = useDeliveryTrends(trendScope, view.filter, TREND_METRICS);

  const update = (next: DeliveryView) => {
    // A service is one repository: segment filters apply to teams, groups and the org only.
    const view = next.scope.startsWith("service:") ? { ...next, filter: {} } : next;
    setView(view);
    setDrill(null);
    const params = appendFilter(new URLSearchParams({ scope: view.scope, from: view.from, to: view.to }), view.filter);
    router.replace(`${pathname}?${params}`, { scroll: false });
  };
  const clearFilter = () => update({ ...view, filter: {} });
  const filterInfo = summary.data?.scope.filter;
  // When a recompute of this scope's weekly values finishes, the trends are read again.
  const recomputing = summary.data?.weekly.pending ?? false;
  const wasRecomputing = useRef(false);
  const refetchTrends = trends.refetch;
  useEffect(() => {
    if (wasRecomputing.current && !recomputing) void refetchTrends();
    wasRecomputing.current = recomputing;
  }, [recomputing, refetchTrends]);
  // A new object on every click, so reopening the same panel brings it into view again.
  const openDrill = (next: Drill) => setDrill({ ...next });
  useEffect(() => {
    if (!drill) return;
    // The panel opens below the cards: bring it to the top of the window and put the keyboard on its heading.
    drillRef.current?.scrollIntoView({ block: "start" });
    drillRef.current?.querySelector<HTMLElement>("#drilldown-heading")?.focus({ preventScroll: true });
  }, [drill]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Delivery</h1>
        <p className="text-sm text-slate-700">DORA keys and flow metrics computed from deployments, pull requests, incidents and work items. Every number opens the rows behind it.</p>
      </div>
      <div role="group" aria-label="View options" className="flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-72">
          <label htmlFor={`${id}-scope`} className="mb-1 block text-xs font-medium text-slate-700">Scope</label>
          <select id={`${id}-scope`} className={SELECT} value={view.scope} onChange={(e) => update({ ...view, scope: e.target.value })}>
            <option value="org">Whole organisation</option>
            <optgroup label="Teams">
              {(scopes.data?.teams ?? []).map((t) => <option key={t.id} value={`team:${t.slug}`}>{t.name}</option>)}
            </optgroup>
            <optgroup label="Services">
              {(services.data?.services ?? []).map((s) => (
                <option key={s.name} value={`service:${s.name}`}>{s.name}{s.team ? ` (${s.team.name})` : " (unassigned)"}</option>
              ))}
            </optgroup>
            {!["org", "team", "service"].includes(kind) && <option value={view.scope}>{view.scope}</option>}
          </select>
        </div>
        {kind !== "service" && <SegmentFilterSelects filter={view.filter} onChange={(filter) => update({ ...view, filter })} />}
        <div>
          <label htmlFor={`${id}-from`} className="mb-1 block text-xs font-medium text-slate-700">From</label>
          <input id={`${id}-from`} type="date" className={SELECT} value={view.from} max={view.to} onChange={(e) => e.target.value && update({ ...view, from: e.target.value })} />
        </div>
        <div>
          <label htmlFor={`${id}-to`} className="mb-1 block text-xs font-medium text-slate-700">To</label>
          <input id={`${id}-to`} type="date" className={SELECT} value={view.to} min={view.from} onChange={(e) => e.target.value && update({ ...view, to: e.target.value })} />
        </div>
      </div>

      <FilterNotice info={filterInfo} onClear={clearFilter} />
      {filterInfo?.teamCount === 0 && <NoTeamsMatch onClear={clearFilter} />}
      {summary.isError && <ErrorAlert variant="box">{summary.error.message}</ErrorAlert>}
      {summary.isLoading && <p role="status" className="text-sm text-slate-600">Computing delivery metrics…</p>}
      {summary.data && filterInfo?.teamCount !== 0 && (
        <section aria-labelledby="dora-heading" className="space-y-3">
          <h2 id="dora-heading" className="text-lg font-semibold text-slate-900">
            DORA keys · {summary.data.scope.name} · {summary.data.from} to {summary.data.to} ({summary.data.timeZone})
          </h2>
          <DeliveryCards s={summary.data} onDrill={openDrill} />
          <Benchmarks s={summary.data} />
        </section>
      )}

      <div ref={drillRef} className="scroll-mt-4">{drill && <DrillDown drill={drill} view={view} onClose={() => setDrill(null)} />}</div>

      {kind !== "service" && flow.data && (
        <section aria-labelledby="flow-heading" className="space-y-3">
          <h2 id="flow-heading" className="text-lg font-semibold text-slate-900">Flow</h2>
          <FlowCards f={flow.data} onDrill={openDrill} />
        </section>
      )}

      {team && <AllocationPanel team={team.slug} view={view} canEdit={writableTeams === null || writableTeams.includes(team.slug)} />}

      <section aria-labelledby="trends-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="trends-heading" className="text-lg font-semibold text-slate-900">Weekly trends (last 6 months)</h2>
          {trendScope !== null && (
            <a href={seriesExportHref({ scope: trendScope, filter: view.filter, range: "6m", granularity: "week" }, TREND_METRICS)} download className="text-sm font-medium text-blue-700 underline">
              Download CSV
            </a>
          )}
        </div>
        {summary.data && <WeeklyState weekly={summary.data.weekly} />}
        {trendScope === null ? (
          <p className="text-sm text-slate-600">Trends are stored per team; pick a team or the whole organisation to see them.</p>
        ) : trends.isError ? (
          <ErrorAlert>The trends could not be loaded.</ErrorAlert>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {(trends.data?.series ?? []).map((s) => (
              <article key={s.metric.key} className="rounded-lg border border-slate-200 bg-white p-4" aria-label={`${s.metric.name} trend`}>
                <h3 className="mb-2 text-sm font-medium text-slate-700">{s.metric.name}</h3>
                <TrendChart series={s} />
              </article>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

/** Whether the weekly values behind the trends include the newest events. */
function WeeklyState({ weekly }: { weekly: DeliverySummaryJson["weekly"] }) {
  const f = useFormat();
  if (weekly.pending) {
    return (
      <p role="status" className="text-sm text-blue-800">
        New events are stored; their weekly values are being recomputed, and the trends will update when that finishes. The numbers above already include them.
      </p>
    );
  }
  return weekly.lastComputedAt ? <p className="text-xs text-slate-600">Weekly values include every event received before {f.dateTime(weekly.lastComputedAt)}.</p> : null;
}
