"use client";

import { useState } from "react";
import { resultsSearch, useHideComment, useRunResults, type ResultsFilter } from "@/lib/client/use-run-results";
import type { RunResults, ShownUnit } from "@/lib/engagement/api-types";
import { formatEnps, formatFixed, formatPercent, orEmpty } from "@/lib/format";
import { ResultsTable } from "./results-table";
import { SnapshotStatus } from "./snapshot-status";
import { SurveyHeatmap } from "./survey-heatmap";
import { UnitDetails } from "./unit-details";
import { Table, type Column } from "@/components/ui/table";
import { ErrorAlert } from "@/components/ui/error-alert";

const SELECT = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

function Filters({ results, filter, onChange }: { results: RunResults; filter: ResultsFilter; onChange: (f: ResultsFilter) => void }) {
  const locations = [...new Set(results.run.teams.map((t) => t.location))].sort();
  const sourcings = [...new Set(results.run.teams.map((t) => t.sourcing))].sort();
  const groups = results.groups.map((g) => ({ id: g.id ?? "", name: g.name }));
  const field = (key: keyof ResultsFilter, label: string, options: { value: string; label: string }[]) => (
    <label className="text-sm font-medium text-slate-700">
      {label}
      <select className={SELECT} value={filter[key] ?? ""} onChange={(e) => onChange({ ...filter, [key]: e.target.value || undefined })}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="grid gap-3 sm:grid-cols-4">
      <legend className="mb-2 text-sm font-semibold text-slate-900">Filter (checked against the whole organisation)</legend>
      {field("team", "Team", results.run.teams.map((t) => ({ value: t.id, label: t.name })))}
      {field("group", "Group", groups.map((g) => ({ value: g.id, label: g.name })))}
      {field("location", "Location", locations.map((l) => ({ value: l, label: l })))}
      {field("sourcing", "Sourcing", sourcings.map((s) => ({ value: s, label: s.toLowerCase() })))}
    </fieldset>
  );
}

function Trend({ results }: { results: RunResults }) {
  const keys = results.org.shown ? results.org.indexes.map((i) => ({ key: i.key, name: i.name })) : [];
  if (results.trend.length < 2 || keys.length === 0) return null;
  return (
    <section aria-labelledby="trend-heading" className="space-y-2">
      <h3 id="trend-heading" className="text-base font-semibold text-slate-900">
        Trend across runs ({results.filter ? results.filter.name : "whole organisation"})
      </h3>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <Table
          className="min-w-full text-left text-sm"
          aria-labelledby="trend-heading"
          headClassName="bg-slate-50 text-xs uppercase text-slate-600"
          thClassName="px-2 py-2"
          tdClassName="px-2 py-2"
          rowClassName="border-t border-slate-100"
          rows={results.trend}
          rowKey={(t) => t.runId}
          spanRow={(t) => (t.shown ? null : { after: 1, cell: t.message ?? "No results", className: "px-2 py-2 text-slate-700" })}
          columns={[
            { key: "run", header: "Run", rowHeader: true, className: "font-medium", cell: (t) => t.title },
            { key: "participation", header: "Participation", className: "tabular-nums", cell: (t) => orEmpty(t.participation, formatPercent) },
            ...keys.map(
              (k): Column<RunResults["trend"][number]> => ({
                key: k.key,
                header: k.name,
                className: "tabular-nums",
                cell: (t) => {
                  const v = t.indexes?.find((i) => i.key === k.key)?.score;
                  return k.key === "enps" ? orEmpty(v, formatEnps) : orEmpty(v, (v) => formatFixed(v, 2));
                },
              }),
            ),
          ]}
        />
      </div>
    </section>
  );
}

/** A run's results: every group side by side, a filtered slice, per-item details, comments, trend and export. */
export function RunResultsView({ runId, canModerate }: { runId: string; canModerate: boolean }) {
  const [filter, setFilter] = useState<ResultsFilter>({});
  const query = useRunResults(runId, filter);
  const toggle = useHideComment(runId);

  if (query.isPending) return <p role="status" className="text-sm text-slate-600">Loading results…</p>;
  if (query.isError) return <ErrorAlert className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{query.error.message}</ErrorAlert>;
  const results = query.data;
  const focus = results.filter ?? results.org;
  const shownUnits = [results.org, ...results.groups, ...results.teams].filter((u): u is ShownUnit => u.shown);
  const search = resultsSearch(filter);

  return (
    <section aria-labelledby="results-heading" className="space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="results-heading" className="text-lg font-semibold text-slate-900">Results</h2>
        <a href={`/api/v1/surveys/runs/${runId}/results?format=csv${search ? `&${search}` : ""}`} className="text-sm font-medium text-blue-700 underline">
          Download results (CSV)
        </a>
      </div>
      <SnapshotStatus results={results} />
      <p className="text-sm text-slate-700">
        Anonymity threshold: {results.threshold} responses. {results.explanations.anonymity}
      </p>
      <Filters results={results} filter={filter} onChange={setFilter} />
      {results.filter && (
        <div data-testid="filter-result" className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-base font-semibold text-slate-900">{results.filter.name}</h3>
          {results.filter.shown ? <ResultsTable results={results} units={[results.filter]} /> : <p className="text-sm text-slate-700">{results.filter.message}</p>}
        </div>
      )}
      <ResultsTable results={results} units={[results.org, ...results.groups, ...results.teams]} />
      <details className="text-sm text-slate-700">
        <summary className="cursor-pointer text-xs font-medium text-blue-700">How is this computed?</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{results.explanations.teamScore}</li>
          <li>{results.explanations.percentFavourable}</li>
          <li>{results.explanations.participation}</li>
          {(results.org.shown ? results.org.indexes : []).map((ix) => (
            <li key={ix.key}>
              <strong>{ix.name}:</strong> {ix.howComputed}
            </li>
          ))}
        </ul>
      </details>
      <SurveyHeatmap results={results} />
      <Trend results={results} />
      <section aria-labelledby="details-heading" className="space-y-3">
        <h3 id="details-heading" className="text-base font-semibold text-slate-900">Questions and comments</h3>
        {shownUnits.length === 0 && !focus.shown && <p className="text-sm text-slate-700">Nothing can be shown yet: {focus.message}</p>}
        {[...(results.filter?.shown ? [results.filter] : []), ...shownUnits].map((u) => (
          <details key={u.key} className="rounded-lg border border-slate-200 bg-white p-3" open={u === focus}>
            <summary className="cursor-pointer text-sm font-semibold text-slate-900">{u.name}</summary>
            <div className="mt-3">
              <UnitDetails unit={u} distributionHelp={results.explanations.distribution} canModerate={canModerate} onToggleComment={(id, hidden) => toggle.mutate({ id, hidden })} />
            </div>
          </details>
        ))}
      </section>
    </section>
  );
}
