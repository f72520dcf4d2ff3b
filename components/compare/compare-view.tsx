"use client";

import "@/components/packs/print.css";
import { usePathname, useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useFormat } from "@/components/format/format-context";
import { ExportPngButton } from "@/components/packs/export-png-button";
import { unitLabel, valueStyle } from "@/lib/format";
import { SELECT_CLASS } from "@/components/review/scope-select";
import { useComparison, useSegmentOptions } from "@/lib/client/use-packs";
import { RANGE_KEYS, RANGE_LABELS } from "@/lib/metrics/series-types";
import { CompareChart } from "./compare-chart";
import { compareChartConfig } from "./compare-config";
import { ErrorAlert } from "@/components/ui/error-alert";

export interface CompareParams {
  items: string[];
  metrics: string[];
  range: string;
  granularity: string;
}

export function compareSearch(p: CompareParams): string {
  return new URLSearchParams({ items: p.items.join(","), metrics: p.metrics.join(","), range: p.range, granularity: p.granularity }).toString();
}

const KIND_LABELS: Record<string, string> = { org: "Organisation", group: "Groups", team: "Teams", location: "Locations", sourcing: "Sourcing", origin: "Origin" };

/** 2–6 teams or segments side by side, one chart per chosen metric, with the organisation as baseline. */
export function CompareView({ initial }: { initial: CompareParams }) {
  const id = useId();
  const f = useFormat();
  const router = useRouter();
  const pathname = usePathname();
  const options = useSegmentOptions();
  const [draft, setDraft] = useState(initial);
  const [applied, setApplied] = useState(initial);
  const ready = applied.items.length >= 2 && applied.metrics.length >= 1;
  const comparison = useComparison(ready ? compareSearch(applied) : null);

  const toggle = (list: string[], value: string, max: number) => (list.includes(value) ? list.filter((v) => v !== value) : list.length < max ? [...list, value] : list);
  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    setApplied(draft);
    router.replace(`${pathname}?${compareSearch(draft)}`, { scroll: false });
  };
  const kinds = [...new Set(options.data?.segments.map((s) => s.kind) ?? [])];
  const draftError = draft.items.length < 2 ? "Choose at least 2 teams or segments." : draft.metrics.length === 0 ? "Choose at least one metric." : null;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Compare</h1>
        <p className="text-sm text-slate-600">Teams, groups, locations, sourcing models and origins side by side, against the whole organisation.</p>
      </div>
      <form onSubmit={apply} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-print-hidden>
        {options.isError && <ErrorAlert>The choices could not be loaded: {options.error.message}</ErrorAlert>}
        <fieldset>
          <legend className="mb-1 text-sm font-semibold text-slate-900">Teams and segments ({draft.items.length} of 2–6 chosen)</legend>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            {kinds.map((kind) => (
              <div key={kind}>
                <p className="text-xs font-medium text-slate-700">{KIND_LABELS[kind] ?? kind}</p>
                {options.data?.segments.filter((s) => s.kind === kind).map((s) => (
                  <label key={s.key} className="flex items-center gap-2 text-sm text-slate-800">
                    <input type="checkbox" checked={draft.items.includes(s.key)} onChange={() => setDraft({ ...draft, items: toggle(draft.items, s.key, 6) })} />
                    {s.label}
                  </label>
                ))}
              </div>
            ))}
          </div>
        </fieldset>
        <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
          <div>
            <label htmlFor={`${id}-metrics`} className="mb-1 block text-xs font-medium text-slate-700">Metrics (hold Ctrl or ⌘ for several)</label>
            <select
              id={`${id}-metrics`}
              multiple
              size={6}
              className={SELECT_CLASS}
              value={draft.metrics}
              onChange={(e) => setDraft({ ...draft, metrics: [...e.target.selectedOptions].map((o) => o.value).slice(0, 8) })}
            >
              {options.data?.metrics.map((m) => (
                <option key={m.key} value={m.key}>{m.name}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-range`} className="mb-1 block text-xs font-medium text-slate-700">Range</label>
            <select id={`${id}-range`} className={SELECT_CLASS} value={draft.range} onChange={(e) => setDraft({ ...draft, range: e.target.value })}>
              {RANGE_KEYS.map((r) => (
                <option key={r} value={r}>{RANGE_LABELS[r]}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-granularity`} className="mb-1 block text-xs font-medium text-slate-700">Group by</label>
            <select id={`${id}-granularity`} className={SELECT_CLASS} value={draft.granularity} onChange={(e) => setDraft({ ...draft, granularity: e.target.value })}>
              <option value="week">Week</option>
              <option value="month">Month</option>
              <option value="quarter">Quarter</option>
            </select>
          </div>
        </div>
        {draftError && <p className="text-sm text-slate-700">{draftError}</p>}
        <button type="submit" disabled={draftError !== null} className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">Compare</button>
      </form>
      {!ready ? null : comparison.isPending ? (
        <p role="status" className="text-sm text-slate-600">Loading the comparison…</p>
      ) : comparison.isError ? (
        <ErrorAlert>The comparison could not be loaded: {comparison.error.message}</ErrorAlert>
      ) : (
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2" data-print-grid>
          {comparison.data.metrics.map((m) => (
            <article key={m.metric.key} data-chart-export data-print-card aria-labelledby={`${id}-${m.metric.key}`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex items-start justify-between gap-2">
                <h2 id={`${id}-${m.metric.key}`} className="text-base font-semibold text-slate-900">{m.metric.name}</h2>
                <ExportPngButton
                  fileName={`compare-${m.metric.key}`}
                  label={m.metric.name}
                  source={() => ({
                    config: compareChartConfig(m, f),
                    title: m.metric.name,
                    details: [
                      `${m.lines.map((l) => l.label).join(", ")} against the organisation`,
                      `${RANGE_LABELS[comparison.data.range]}: ${f.dateRange(comparison.data.from, comparison.data.to)}, by ${comparison.data.granularity} · ${unitLabel(valueStyle(m.metric), f)}`,
                    ],
                  })}
                />
              </div>
              <CompareChart data={m} />
              <details className="text-xs text-slate-600">
                <summary className="cursor-pointer font-medium text-blue-700">How is this computed?</summary>
                <p className="mt-1">{m.metric.howComputed} A segment combines its teams&apos; weekly values by the same rule as a group.</p>
              </details>
            </article>
          ))}
        </div>
      )}
    </div>
  );
}
