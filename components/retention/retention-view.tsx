"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { MetricCard } from "@/components/dashboard/metric-card";
import { useFormat } from "@/components/format/format-context";
import { FilterNotice, NoTeamsMatch, SegmentFilterSelects } from "@/components/dashboard/segment-filter-bar";
import { RETENTION_PERIODS, RETENTION_SEGMENTS, type RetentionPeriod, type RetentionSegment } from "@/lib/validation/people";
import { RetentionCard } from "./retention-card";
import { RetentionTable } from "./retention-table";
import { headlinePeriod, RETENTION_CARDS, rowsForPeriod, seriesFor } from "./report-series";
import { CohortTable, TenureDistribution } from "./tenure-and-cohorts";
import { retentionSearch, useDevelopmentSeries, useRetentionReport, type RetentionParams } from "@/lib/client/use-retention";
import { ErrorAlert } from "@/components/ui/error-alert";

const SEGMENT_LABELS: Record<RetentionSegment, string> = {
  team: "Team",
  group: "Group",
  location: "Location",
  sourcing: "Sourcing",
  origin: "Origin (organic / acquired)",
  level: "Level",
};
const PERIOD_LABELS: Record<RetentionPeriod, string> = { week: "Week", month: "Month", quarter: "Quarter", year: "Year" };

function developmentScope(segment: RetentionSegment, focus: string): string {
  if (focus === "org") return "org";
  if (segment === "team") return `team:${focus}`;
  if (segment === "group") return `group:${focus}`;
  return "org";
}

function Select({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The Retention & development pillar: people metrics by segment, never individual records. */
export function RetentionView({ initial, canManagePeople }: { initial: RetentionParams; canManagePeople: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const [params, setParamsState] = useState(initial);
  const setParams = (next: RetentionParams) => {
    setParamsState(next);
    router.replace(`${pathname}?${retentionSearch(next)}`, { scroll: false });
  };
  const [focus, setFocus] = useState("org");
  const report = useRetentionReport(params);
  const data = report.data;
  const format = useFormat();
  const focusKey = data?.segments.some((s) => s.key === focus) ? focus : "org";
  const latest = data ? headlinePeriod(data) : undefined;
  const development = useDevelopmentSeries(developmentScope(params.segment, focusKey), params.filter, params.period === "quarter" || params.period === "year" ? "quarter" : "month");

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Retention &amp; development</h1>
          <p className="text-sm text-slate-600">
            {data ? `${data.from} to ${data.to} · groups under ${data.threshold} people are not shown` : "Attrition, retention, tenure, promotions and growth"}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <Select
            id="retention-segment"
            label="Segment by"
            value={params.segment}
            options={RETENTION_SEGMENTS.map((s) => ({ value: s, label: SEGMENT_LABELS[s] }))}
            onChange={(v) => {
              setParams({ ...params, segment: v as RetentionSegment });
              setFocus("org");
            }}
          />
          <SegmentFilterSelects filter={params.filter} onChange={(filter) => setParams({ ...params, filter })} />
          <Select id="retention-period" label="Period" value={params.period} options={RETENTION_PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))} onChange={(v) => setParams({ ...params, period: v as RetentionPeriod })} />
          <Select id="retention-focus" label="Show trends for" value={focusKey} options={(data?.segments ?? [{ key: "org", label: "Whole organisation" }]).map((s) => ({ value: s.key, label: s.label }))} onChange={setFocus} />
          <a href={`/api/v1/retention/export?${retentionSearch(params)}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50" download>
            Export CSV
          </a>
          {canManagePeople && (
            <Link href="/admin/people" className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">
              Manage roster
            </Link>
          )}
        </div>
      </div>

      <FilterNotice info={data?.filter} onClear={() => setParams({ ...params, filter: {} })} />
      {report.isPending ? (
        <p role="status" className="text-sm text-slate-600">Loading people metrics…</p>
      ) : report.isError && !data ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          {report.error.message}{" "}
          <button type="button" className="underline" onClick={() => void report.refetch()}>
            Try again
          </button>
        </div>
      ) : data?.filter?.teamCount === 0 ? (
        <NoTeamsMatch onClear={() => setParams({ ...params, filter: {} })} />
      ) : data && !data.filter && data.segments.length === 1 && data.rows.every((r) => r.suppressed !== null) ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-700">
          No people on the roster yet.{" "}
          {canManagePeople ? <Link href="/admin/people" className="text-blue-700 underline">Import a roster CSV</Link> : "An admin can import the roster."}
        </div>
      ) : data && latest ? (
        <div className={`space-y-10 ${report.isPlaceholderData ? "opacity-60" : ""}`}>
          <section aria-labelledby="retention-trends">
            <h2 id="retention-trends" className="mb-3 text-lg font-semibold text-slate-900">
              {data.segments.find((s) => s.key === focusKey)?.label} by {PERIOD_LABELS[data.period].toLowerCase()}
            </h2>
            <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
              {RETENTION_CARDS.map((card) => (
                <RetentionCard key={card.key} series={seriesFor(data, focusKey, card)} />
              ))}
            </div>
          </section>
          <section aria-labelledby="retention-by-segment">
            <h2 id="retention-by-segment" className="mb-3 text-lg font-semibold text-slate-900">
              By {SEGMENT_LABELS[data.segment].toLowerCase()}, {latest.label}{latest.complete ? "" : " so far"}
            </h2>
            <RetentionTable rows={rowsForPeriod(data, latest.start)} caption={`${data.explanations.small_groups}${latest.complete ? "" : ` ${latest.label} is still running: numbers run to ${latest.end}.`}`} />
          </section>
          <div className="grid gap-8 lg:grid-cols-2">
            <section aria-labelledby="tenure-distribution">
              <h2 id="tenure-distribution" className="mb-3 text-lg font-semibold text-slate-900">Tenure distribution</h2>
              <TenureDistribution row={data.rows.find((r) => r.segment === focusKey && r.period === latest.start)} explanation={data.explanations.median_tenure} />
            </section>
            <section aria-labelledby="acquisition-cohorts">
              <h2 id="acquisition-cohorts" className="mb-3 text-lg font-semibold text-slate-900">Acquisition cohorts</h2>
              <CohortTable cohorts={data.cohorts} explanation={data.explanations.acquisition_cohort} />
            </section>
          </div>
          <section aria-labelledby="development">
            <h2 id="development" className="mb-1 text-lg font-semibold text-slate-900">Development</h2>
            <p className="mb-3 text-sm text-slate-600">Entered by managers per team each month{developmentScope(data.segment, focusKey) === "org" ? " (whole organisation)" : ""}.</p>
            {development.isError ? (
              <ErrorAlert className="text-sm text-red-800">{development.error.message}</ErrorAlert>
            ) : development.data ? (
              <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
                {development.data.series.map((s) => (
                  <MetricCard
                    key={s.metric.key}
                    series={s}
                    details={{
                      scope: development.data.scope.name,
                      filters: development.data.filter?.label ?? null,
                      period: `${format.dateRange(development.data.from, development.data.to)}, by ${params.period === "quarter" || params.period === "year" ? "quarter" : "month"}`,
                    }}
                  />
                ))}
              </div>
            ) : (
              <p role="status" className="text-sm text-slate-600">Loading development metrics…</p>
            )}
          </section>
        </div>
      ) : null}
    </div>
  );
}
