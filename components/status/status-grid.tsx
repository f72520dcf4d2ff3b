"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { TARGET_STATUS } from "@/components/dashboard/metric-status";
import { useFormat } from "@/components/format/format-context";
import "@/components/packs/print.css";
import { PrintHeader } from "@/components/packs/print-header";
import { useScopes } from "@/lib/client/use-scopes";
import { useStatusGrid } from "@/lib/client/use-status-grid";
import { WITHHELD_TEXT } from "@/lib/disclosure/reasons";
import type { MetricInfo, TargetStatus } from "@/lib/metrics/series-types";
import type { GridCell } from "@/lib/metrics/status-grid";
import type { GridGranularity, StatusGridRow } from "@/lib/metrics/api-types";
import { scopeOptions } from "@/components/dashboard/scope-options";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Table, type Column } from "@/components/ui/table";

/** The cell's background by status; the words are the dashboard's own (TARGET_STATUS). */
const CELL: Record<TargetStatus, string> = { green: "bg-green-50 text-green-900", amber: "bg-amber-50 text-amber-950", red: "bg-red-50 text-red-900" };
const ARROW = { up: "▲", down: "▼", flat: "▶" } as const;
const GRANULARITY_LABEL: Record<GridGranularity, string> = { week: "Week", month: "Month", quarter: "Quarter" };

interface Props {
  scope: string;
  granularity: GridGranularity;
}

/** Team × headline metric, each cell the team's headline with its target status (word and colour) and trend arrow. */
export function StatusGridView({ scope: initialScope, granularity: initialGranularity }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [scope, setScope] = useState(initialScope);
  const [granularity, setGranularity] = useState(initialGranularity);
  const grid = useStatusGrid(scope, granularity);
  const scopes = useScopes();
  const options = scopeOptions(scopes.data);
  const format = useFormat();

  const change = (next: { scope: string; granularity: GridGranularity }) => {
    setScope(next.scope);
    setGranularity(next.granularity);
    router.replace(`${pathname}?${new URLSearchParams(next)}`, { scroll: false });
  };
  const data = grid.data;
  return (
    <div className="space-y-4">
      <PrintHeader title="Status" scope={data?.scope.name ?? ""} period={`By ${GRANULARITY_LABEL[granularity].toLowerCase()}`} />
      <div className="flex flex-wrap items-end justify-between gap-4 print:hidden">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Status</h1>
          <p className="text-sm text-slate-600">Each team&apos;s latest value of every headline metric, against its target, with the move since the period before.</p>
        </div>
        <div className="flex flex-wrap gap-3">
          <label className="text-sm text-slate-700">
            Scope
            <select value={scope} onChange={(e) => change({ scope: e.target.value, granularity })} className="mt-1 block rounded border border-slate-300 px-2 py-1 text-sm">
              <option value={options.org.value}>{options.org.label}</option>
              {options.groups.map((g) => (
                <option key={g.value} value={g.value}>{g.label}</option>
              ))}
            </select>
          </label>
          <label className="text-sm text-slate-700">
            Period
            <select value={granularity} onChange={(e) => change({ scope, granularity: e.target.value as GridGranularity })} className="mt-1 block rounded border border-slate-300 px-2 py-1 text-sm">
              {(Object.keys(GRANULARITY_LABEL) as GridGranularity[]).map((g) => (
                <option key={g} value={g}>{GRANULARITY_LABEL[g]}</option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {grid.isPending && <p className="text-sm text-slate-600">Loading the status grid…</p>}
      {grid.error && <ErrorAlert>The status grid could not be loaded: {grid.error.message}</ErrorAlert>}
      {data && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <Table
            className="min-w-full border-collapse text-sm"
            data-testid="status-grid"
            caption={`Status of each team's headline metrics, ${data.scope.name}, by ${granularity}`}
            headRowClassName="border-b border-slate-200 text-left text-xs text-slate-600"
            rowClassName={(_, i) => `border-b border-slate-100 ${i === 0 ? "bg-slate-50 font-medium" : ""}`}
            rowProps={(row) => ({ "data-testid": `status-row-${row.scope.name}` })}
            rows={data.rows}
            rowKey={(row) => row.scope.id ?? "scope"}
            columns={[
              {
                key: "team",
                header: "Team",
                rowHeader: true,
                headerClassName: "sticky left-0 z-10 bg-white p-2",
                className: "sticky left-0 z-10 bg-inherit p-2 text-left font-medium",
                cell: (row) => <TeamCell row={row} granularity={granularity} />,
              },
              ...data.metrics.map(
                (m, i): Column<StatusGridRow> => ({
                  key: m.key,
                  header: m.name,
                  headerProps: { title: m.howComputed },
                  headerClassName: "min-w-28 p-2 align-bottom font-medium",
                  cellProps: (row) => gridCellProps(row.cells[i]!, m),
                  cell: (row) => <GridCellContent cell={row.cells[i]!} metric={m} format={format.metric} />,
                }),
              ),
            ]}
          />
        </div>
      )}
      <p className="text-xs text-slate-600">
        Colour and word give the status against the target in force; ▲ ▼ ▶ give the move since the period before (green when it is an improvement, red when a decline). Empty cells have no value
        for the period, or say why a number is withheld.
      </p>
    </div>
  );
}

function TeamCell({ row, granularity }: { row: StatusGridRow; granularity: GridGranularity }) {
  const scopeParam = row.scope.type === "ORG" ? "org" : `${row.scope.type.toLowerCase()}:${row.scope.id}`;
  const href = `/?${new URLSearchParams({ scope: scopeParam, granularity, range: granularity === "week" ? "12w" : granularity === "month" ? "6m" : "1y" })}`;
  return (
    <>
      <Link href={href} className="text-blue-700 hover:underline">{row.scope.name}</Link>
      {row.groupName && <span className="block text-xs font-normal text-slate-600">{row.groupName}</span>}
    </>
  );
}

/** The cell's own attributes: its status (colour and data-status), or why it is empty. */
function gridCellProps(cell: GridCell, metric: MetricInfo) {
  if (cell.value === null) return { className: "p-2 text-xs text-slate-600", "data-status": "none", "data-withheld": cell.withheld ?? undefined };
  return { className: `p-2 tabular-nums ${cell.status ? CELL[cell.status] : ""}`, "data-status": cell.status ?? "none", title: `${metric.name}, ${cell.label}` };
}

function GridCellContent({ cell, metric, format }: { cell: GridCell; metric: MetricInfo; format: (m: MetricInfo, v: number) => string }) {
  if (cell.value === null) return cell.withheld ? WITHHELD_TEXT[cell.withheld] : <span aria-label="No value">—</span>;
  const status = cell.status ? TARGET_STATUS[cell.status].text : null;
  const tone = cell.improving === null ? "text-slate-700" : cell.improving ? "text-green-800" : "text-red-800";
  return (
    <>
      <span className="block">{format(metric, cell.value)}</span>
      <span className="block text-xs">
        {status && <span>{status}</span>}
        {cell.trend && (
          <span className={`ml-1 ${tone}`}>
            <span aria-hidden="true">{ARROW[cell.trend]}</span>
            <span className="sr-only">{cell.trend === "flat" ? "flat" : `${cell.trend}${cell.improving === null ? "" : cell.improving ? ", improving" : ", worsening"}`} since {cell.previous === null ? "the period before" : format(metric, cell.previous)}</span>
          </span>
        )}
      </span>
      <span className="block text-[11px] text-slate-700">{cell.label}</span>
    </>
  );
}
