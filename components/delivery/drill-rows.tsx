"use client";

import { useDeferredValue, useId, useState, type ReactNode } from "react";
import { useFormat, type Formatters } from "@/components/format/format-context";
import { DRILL_COLUMNS, type Column } from "@/lib/delivery/drilldown";
import { formatNumber } from "@/lib/format";
import { rowsHref, useDeliveryRows, type DeliveryView, type RowKind, type RowsParams } from "@/lib/client/use-delivery";

const TH = "py-1.5 pr-3 font-medium";
const TD = "py-1.5 pr-3 align-top";
const INPUT = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900";
const PAGE_SIZE = 50;

export interface RowsTableProps<T> {
  kind: RowKind;
  view: DeliveryView;
  /** The rows the number counts, as the API names them, with a label each; the first is the panel's default. */
  subsets: { value: string; label: string }[];
  initialSubset: string;
  defaultSort: string;
  caption: string;
  searchHint: string;
  cells: Record<string, (row: T, f: Formatters) => ReactNode>;
  rowKey: (row: T) => string;
  rowData?: (row: T) => Record<string, string | boolean>;
}

/**
 * One drill-down table: the rows its number counts (the subset), filtered by service and text, sorted by a
 * column, one page at a time with the total, and the whole filtered set as CSV (presentation.md rule 12).
 */
export function RowsTable<T>(p: RowsTableProps<T>) {
  const id = useId();
  const f = useFormat();
  const [params, setParams] = useState<RowsParams>({ subset: p.initialSubset, sort: p.defaultSort, dir: "desc", page: 1, pageSize: PAGE_SIZE, q: "", filterService: "" });
  const deferred = useDeferredValue(params);
  const q = useDeliveryRows<T>(p.kind, p.view, deferred);
  const data = q.data;
  const change = (next: Partial<RowsParams>) => setParams((prev) => ({ ...prev, page: 1, ...next }));
  const sortBy = (sort: string) => change({ sort, dir: params.sort === sort && params.dir === "desc" ? "asc" : "desc" });
  const columns: readonly Column[] = DRILL_COLUMNS[p.kind];
  const first = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? Math.min(data.total, data.page * data.pageSize) : 0;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="space-y-3">
      <div role="group" aria-label="Filter the rows" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-subset`} className="block text-xs font-medium text-slate-700">Rows</label>
          <select id={`${id}-subset`} className={`mt-1 block ${INPUT}`} value={params.subset} onChange={(e) => change({ subset: e.target.value })}>
            {p.subsets.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-service`} className="block text-xs font-medium text-slate-700">Service</label>
          <select id={`${id}-service`} className={`mt-1 block ${INPUT}`} value={params.filterService} onChange={(e) => change({ filterService: e.target.value })}>
            <option value="">All services</option>
            {(data?.services ?? []).map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-search`} className="block text-xs font-medium text-slate-700">Search</label>
          <input id={`${id}-search`} type="search" className={`mt-1 block w-56 ${INPUT}`} placeholder={p.searchHint} value={params.q} onChange={(e) => change({ q: e.target.value })} />
        </div>
        <a href={rowsHref(p.kind, p.view, params, "csv")} download className="pb-1 text-sm font-medium text-blue-700 underline">
          Download CSV{data ? ` (${formatNumber(data.total)} rows)` : ""}
        </a>
      </div>
      {q.isError && <p role="alert" className="text-sm text-red-700">{q.error instanceof Error ? q.error.message : "The rows could not be loaded."}</p>}
      {q.isPending && <p role="status" className="text-sm text-slate-600">Loading rows…</p>}
      {data && (
        <>
          <p id={`${id}-count`} role="status" data-testid={`drilldown-${p.kind}-count`} data-total={data.total} className="text-sm text-slate-700">
            {data.total === 0 ? "No rows match." : `Rows ${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(data.total)}`}
          </p>
          {data.rows.length > 0 && (
            <div className="overflow-x-auto">
              <table data-testid={`drilldown-${p.kind}`} className="w-full text-left text-sm" aria-describedby={`${id}-count`}>
                <caption className="sr-only">{p.caption}</caption>
                <thead className="text-xs text-slate-600">
                  <tr>
                    {columns.map((c) => (
                      <th key={c.key} scope="col" className={TH} aria-sort={c.sort && params.sort === c.sort ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
                        {c.sort ? (
                          <button type="button" onClick={() => sortBy(c.sort as string)} className="font-medium underline decoration-dotted hover:text-slate-900">
                            {c.label}
                            <span aria-hidden="true">{params.sort === c.sort ? (params.dir === "asc" ? " ▲" : " ▼") : ""}</span>
                          </button>
                        ) : (
                          c.label
                        )}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row) => (
                    <tr key={p.rowKey(row)} className="border-t border-slate-100" {...Object.fromEntries(Object.entries(p.rowData?.(row) ?? {}).map(([k, v]) => [`data-${k}`, String(v)]))}>
                      {columns.map((c) => <td key={c.key} className={TD}>{p.cells[c.key]?.(row, f)}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
            <button type="button" className={INPUT} disabled={data.page <= 1} onClick={() => setParams((prev) => ({ ...prev, page: prev.page - 1 }))}>Previous page</button>
            <span className="text-slate-700">Page {formatNumber(data.page)} of {formatNumber(pages)}</span>
            <button type="button" className={INPUT} disabled={data.page >= pages} onClick={() => setParams((prev) => ({ ...prev, page: prev.page + 1 }))}>Next page</button>
          </nav>
        </>
      )}
    </div>
  );
}
