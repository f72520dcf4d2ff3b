"use client";

import { useId } from "react";
import type { OverviewParams } from "@/lib/client/overview-params";
import { useScopes } from "@/lib/client/use-scopes";
import type { Granularity } from "@/lib/domain/time";
import { GRANULARITIES, RANGE_KEYS, RANGE_LABELS, type RangeKey } from "@/lib/metrics/series-types";
import { scopeOptions } from "./scope-options";
import { SegmentFilterSelects } from "./segment-filter-bar";

const GRANULARITY_LABELS: Partial<Record<Granularity, string>> = { week: "Week", month: "Month", quarter: "Quarter" };

const SELECT =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm hover:border-slate-400";

interface ToolbarProps {
  params: OverviewParams;
  /** Name of the current scope as the overview reported it, shown until the scope list has loaded. */
  scopeName?: string;
  onChange: (next: OverviewParams) => void;
}

export function OverviewToolbar({ params, scopeName, onChange }: ToolbarProps) {
  const id = useId();
  const scopes = useScopes();
  const options = scopeOptions(scopes.data);
  const known = [options.org, ...options.groups, ...options.teams].some((o) => o.value === params.scope);

  return (
    <div role="group" aria-label="View options" className="flex flex-wrap items-end gap-3">
      <div className="w-full sm:w-64">
        <label htmlFor={`${id}-scope`} className="mb-1 block text-xs font-medium text-slate-700">
          Scope
        </label>
        <select id={`${id}-scope`} className={SELECT} value={params.scope} onChange={(e) => onChange({ ...params, scope: e.target.value })}>
          <option value={options.org.value}>{options.org.label}</option>
          {!known && <option value={params.scope}>{scopeName ?? "Loading…"}</option>}
          {options.groups.length > 0 && (
            <optgroup label="Groups">
              {options.groups.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          )}
          {options.teams.length > 0 && (
            <optgroup label="Teams">
              {options.teams.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        {scopes.isError && <p className="mt-1 text-xs text-red-700">Groups and teams could not be loaded.</p>}
      </div>
      <SegmentFilterSelects filter={params.filter} onChange={(filter) => onChange({ ...params, filter })} />
      <div className="w-[calc(50%-0.375rem)] sm:w-40">
        <label htmlFor={`${id}-range`} className="mb-1 block text-xs font-medium text-slate-700">
          Range
        </label>
        <select id={`${id}-range`} className={SELECT} value={params.range} onChange={(e) => onChange({ ...params, range: e.target.value as RangeKey })}>
          {RANGE_KEYS.map((key) => (
            <option key={key} value={key}>
              {RANGE_LABELS[key]}
            </option>
          ))}
        </select>
      </div>
      <div className="w-[calc(50%-0.375rem)] sm:w-36">
        <label htmlFor={`${id}-granularity`} className="mb-1 block text-xs font-medium text-slate-700">
          Group by
        </label>
        <select
          id={`${id}-granularity`}
          className={SELECT}
          value={params.granularity}
          onChange={(e) => onChange({ ...params, granularity: e.target.value as Granularity })}
        >
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {GRANULARITY_LABELS[g] ?? g}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
