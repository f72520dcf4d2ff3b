"use client";

import { useId } from "react";
import { useSegmentOptions } from "@/lib/client/use-packs";
import { FILTER_NAMES, filterChoices, filterValueLabel, type FilterInfo, type FilterName, type SegmentFilter } from "@/lib/segments/segment-filter";

const SELECT =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm hover:border-slate-400";

const LABELS: Record<FilterName, string> = { location: "Location", sourcing: "Sourcing", origin: "Origin" };

/** Location, sourcing and origin menus, with the choices the organisation's teams offer. */
export function SegmentFilterSelects({ filter, onChange }: { filter: SegmentFilter; onChange: (next: SegmentFilter) => void }) {
  const id = useId();
  const options = useSegmentOptions();
  const choices = filterChoices(options.data?.segments ?? []);
  return (
    <>
      {FILTER_NAMES.map((name) => {
        const value = filter[name] ?? "";
        const known = value === "" || choices[name].some((c) => c.value === value);
        return (
          <div key={name} className="w-[calc(50%-0.375rem)] sm:w-40">
            <label htmlFor={`${id}-${name}`} className="mb-1 block text-xs font-medium text-slate-700">
              {LABELS[name]}
            </label>
            <select id={`${id}-${name}`} className={SELECT} value={value} onChange={(e) => onChange({ ...filter, [name]: e.target.value || undefined })}>
              <option value="">All</option>
              {!known && <option value={value}>{filterValueLabel(name, value)}</option>}
              {choices[name].map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </>
  );
}

/** The "Filtered: …" line shown above a filtered dashboard, with the way back to the whole scope. */
export function FilterNotice({ info, onClear }: { info: FilterInfo | null | undefined; onClear: () => void }) {
  if (!info) return null;
  return (
    <div role="status" data-testid="filter-notice" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <span>
        <strong className="font-semibold">Filtered:</strong> {info.label} · {info.teamCount === 1 ? "1 team" : `${info.teamCount} teams`}
      </span>
      <button type="button" onClick={onClear} className="rounded font-medium text-blue-800 underline hover:text-blue-950">
        Clear filters
      </button>
    </div>
  );
}

/** Shown instead of the charts when no team matches the filter (an unknown value from a stale link, say). */
export function NoTeamsMatch({ onClear }: { onClear: () => void }) {
  return (
    <div data-testid="filter-empty" className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-700">
      No teams match this filter in this scope.{" "}
      <button type="button" onClick={onClear} className="font-medium text-blue-700 underline">
        Clear filters
      </button>
    </div>
  );
}
