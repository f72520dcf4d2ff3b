"use client";

import { NumberCard, type Drill } from "./delivery-cards";
import { formatDays, formatNumber, formatPercent, orEmpty } from "@/lib/format";
import type { FlowSummaryJson } from "@/lib/client/use-delivery";

/** Flow velocity, time, efficiency and load, and the distribution of finished work by type. */
export function FlowCards({ f, onDrill }: { f: FlowSummaryJson; onDrill: (drill: Drill) => void }) {
  const how = f.howComputed;
  const byType = Object.entries(f.velocity.byType).map(([t, n]) => `${t} ${n}`).join(" · ");
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <NumberCard id="flow-velocity" title="Flow velocity" value={formatNumber(f.velocity.total)} raw={f.velocity.total} detail={byType} how={how.flow_velocity} drill={{ kind: "work-items" }} onDrill={onDrill} />
      <NumberCard id="flow-time" title="Flow time (median)" value={orEmpty(f.flowTime.medianDays, formatDays)} raw={f.flowTime.medianDays} detail={<>p85 {orEmpty(f.flowTime.p85Days, formatDays)} · {formatNumber(f.flowTime.count)} items</>} how={how.flow_time} drill={{ kind: "work-items" }} onDrill={onDrill} />
      <NumberCard id="flow-efficiency" title="Flow efficiency" value={orEmpty(f.efficiency.rate, (r) => formatPercent(r * 100))} raw={f.efficiency.rate} detail={<>{orEmpty(f.efficiency.activeDays, formatDays)} active of {orEmpty(f.efficiency.flowDays, formatDays)}</>} how={how.flow_efficiency} drill={{ kind: "work-items" }} onDrill={onDrill} />
      <NumberCard id="flow-load" title="Flow load (WIP at period end)" value={formatNumber(f.load.total)} raw={f.load.total} detail={Object.entries(f.load.byType).map(([t, n]) => `${t} ${n}`).join(" · ")} how={how.flow_load} drill={{ kind: "work-items" }} onDrill={onDrill} />
      <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 sm:col-span-2 xl:col-span-4">
        <h3 className="text-sm font-medium text-slate-700">Flow distribution of finished items</h3>
        {f.distribution.total === 0 ? (
          <p className="mt-1">No items finished in this period.</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-4" data-testid="flow-distribution">
            {Object.entries(f.distribution.percentages).map(([t, pct]) => (
              <li key={t}><span className="font-semibold tabular-nums">{formatPercent(pct)}</span> {t} ({f.distribution.counts[t as keyof typeof f.distribution.counts]})</li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-xs text-slate-600">{how.flow_distribution}</p>
      </div>
    </div>
  );
}
