"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { MarkerLegend } from "@/components/annotations/marker-legend";
import { markersInRange, numberMarkers } from "@/components/charts/markers";
import { useFormat } from "@/components/format/format-context";
import "@/components/packs/print.css";
import { PrintHeader } from "@/components/packs/print-header";
import { seriesExportHref } from "@/lib/client/export-href";
import { overviewSearch, parseOverviewParams, sameOverviewParams, type OverviewParams } from "@/lib/client/overview-params";
import { useAnnotations } from "@/lib/client/use-annotations";
import { useExperimentMarkers } from "@/lib/client/use-experiment-markers";
import { useOverview, type InitialOverview } from "@/lib/client/use-overview";
import { RANGE_LABELS } from "@/lib/metrics/series-types";
import { EmptyState, OverviewError, OverviewSkeleton } from "./overview-states";
import { OverviewToolbar } from "./overview-toolbar";
import { metricMarkers, PillarSection } from "./pillar-section";
import { FilterNotice, NoTeamsMatch } from "./segment-filter-bar";

interface OverviewProps {
  /** The view from the URL, parsed on the server. */
  params: OverviewParams;
  /** The overview of `params` when the server rendered it with the page (GET /api/v1/overview's answer), and when. */
  initial?: InitialOverview;
  /** Navigation targets this user can reach, for the empty state's links. */
  availableHrefs: string[];
}

export function Overview({ params: urlParams, initial, availableHrefs }: OverviewProps) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // The view in the address bar, kept in step with history.replaceState by Next.js.
  const fromUrl = useMemo(() => parseOverviewParams(searchParams), [searchParams]);
  // Local copy so a new selection shows at once; the URL catches up after replaceState().
  const [params, setParams] = useState(urlParams);
  const [syncedFrom, setSyncedFrom] = useState(fromUrl);
  if (!sameOverviewParams(syncedFrom, fromUrl)) {
    // A navigation (back/forward, a pasted link, the Overview link) changed the URL: it wins over the local copy.
    setSyncedFrom(fromUrl);
    setParams(fromUrl);
  }

  const rendered = initial && sameOverviewParams(params, urlParams) ? initial : undefined;
  const overview = useOverview(params, rendered);

  const change = (next: OverviewParams) => {
    setParams(next);
    const search = overviewSearch(next, { omitDefaults: true });
    // The URL follows the view without asking the server to render the page again: the browser fetches the
    // new view from the API (Next.js keeps its router in step with history.replaceState).
    window.history.replaceState(null, "", search ? `${pathname}?${search}` : pathname);
  };

  const clearFilter = () => change({ ...params, filter: {} });
  const data = overview.data;
  // No upper bound: `to` is the last period's start, and a note later in that period still belongs on it.
  const scopeKey = data ? (data.scope.type === "ORG" ? "org" : `${data.scope.type.toLowerCase()}:${data.scope.id}`) : null;
  // The server read the notes and markers of the view it rendered; they are used for that scope and range only.
  const marks = rendered?.marks;
  const notes = useAnnotations(
    scopeKey && data ? { scope: scopeKey, from: data.from } : null,
    marks && marks.scope === scopeKey && marks.from === data?.from ? { annotations: marks.annotations, at: rendered.at } : undefined,
  );
  const experiments = useExperimentMarkers(scopeKey ?? params.scope, marks && marks.scope === (scopeKey ?? params.scope) ? { markers: marks.experiments, at: rendered.at } : undefined);
  const format = useFormat();
  // One numbered key for the whole page: a note has the same number on every chart that shows it.
  const markerKey = useMemo(() => {
    const annotations = notes.data?.annotations ?? [];
    const all = (data?.pillars ?? []).flatMap((p) => p.series.flatMap((s) => markersInRange(s.points, metricMarkers(annotations, s.metric.key, experiments))));
    return numberMarkers(all);
  }, [data, notes.data, experiments]);
  const period = data ? `${RANGE_LABELS[data.range]}: ${format.dateRange(data.from, data.to)}, by ${data.granularity}` : "";
  const details = useMemo(() => ({ scope: data?.scope.name ?? "", filters: data?.filter?.label ?? null, period }), [data?.scope.name, data?.filter?.label, period]);
  return (
    <div className="space-y-8">
      <PrintHeader title="Overview" scope={data ? `${data.scope.name}${data.filter ? ` · ${data.filter.label}` : ""}` : undefined} period={period} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Overview</h1>
          <p className="text-sm text-slate-600">
            {data ? `${data.scope.name}${data.filter ? ` · ${data.filter.label}` : ""} · ${period}` : "Engineering health across every pillar"}
          </p>
        </div>
        <div data-print-hidden className="flex flex-wrap items-end gap-3">
          <OverviewToolbar params={params} scopeName={data?.scope.name} onChange={change} />
          {data && !data.empty && (
            <a
              href={seriesExportHref(params, data.pillars.flatMap((p) => p.series.map((s) => s.metric.key)))}
              download
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Download CSV
            </a>
          )}
        </div>
      </div>
      <FilterNotice info={data?.filter} onClear={clearFilter} />
      <p aria-live="polite" className="sr-only">
        {overview.isFetching && overview.isPlaceholderData ? "Updating the overview…" : ""}
      </p>
      {overview.isPending ? (
        <OverviewSkeleton />
      ) : overview.isError && !data ? (
        <OverviewError message={overview.error.message} onRetry={() => void overview.refetch()} retrying={overview.isFetching} />
      ) : data?.empty ? (
        <EmptyState availableHrefs={availableHrefs} />
      ) : data?.filter?.teamCount === 0 ? (
        <NoTeamsMatch onClear={clearFilter} />
      ) : data ? (
        <div className={`space-y-10 transition-opacity ${overview.isPlaceholderData ? "opacity-60" : ""}`}>
          {overview.isError && (
            <OverviewError message={overview.error.message} onRetry={() => void overview.refetch()} retrying={overview.isFetching} />
          )}
          <MarkerLegend markers={markerKey} label="Notes on these charts" />
          {data.pillars.map((pillar) => (
            <PillarSection key={pillar.key} pillar={pillar} annotations={notes.data?.annotations} scopeMarkers={experiments} markerKey={markerKey} details={details} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
