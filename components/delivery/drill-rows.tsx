"use client";

import { useDeferredValue, useId, useState, type ReactNode } from "react";
import { useFormat, type Formatters } from "@/components/format/format-context";
import { DRILL_COLUMNS, type Column } from "@/lib/delivery/drilldown";
import { formatNumber } from "@/lib/format";
import { rowsHref, useDeliveryRows, type DeliveryView, type RowKind, type RowsParams } from "@/lib/client/use-delivery";
import { ErrorAlert, errorMessage } from "@/components/ui/error-alert";
import { Field, Select } from "@/components/ui/field";
import { Table } from "@/components/ui/table";

const TH = "py-1.5 pr-3 font-medium";
const TD = "py-1.5 pr-3 align-top";
const LABEL = "block text-xs font-medium text-slate-700";
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
  const columns: readonly Column[] = DRILL_COLUMNS[p.kind];
  const first = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? Math.min(data.total, data.page * data.pageSize) : 0;

  return (
    <div className="space-y-3">
      <div role="group" aria-label="Filter the rows" className="flex flex-wrap items-end gap-3">
        <Select
          id={`${id}-subset`}
          label="Rows"
          labelClassName={LABEL}
          selectClassName={`mt-1 block ${INPUT}`}
          options={p.subsets}
          value={params.subset}
          onChange={(e) => change({ subset: e.target.value })}
        />
        <Select
          id={`${id}-service`}
          label="Service"
          labelClassName={LABEL}
          selectClassName={`mt-1 block ${INPUT}`}
          options={[{ value: "", label: "All services" }, ...(data?.services ?? []).map((s) => ({ value: s, label: s }))]}
          value={params.filterService}
          onChange={(e) => change({ filterService: e.target.value })}
        />
        <Field id={`${id}-search`} label="Search" labelClassName={LABEL}>
          {(control) => (
            <input {...control} type="search" className={`mt-1 block w-56 ${INPUT}`} placeholder={p.searchHint} value={params.q} onChange={(e) => change({ q: e.target.value })} />
          )}
        </Field>
        <a href={rowsHref(p.kind, p.view, params, "csv")} download className="pb-1 text-sm font-medium text-blue-700 underline">
          Download CSV{data ? ` (${formatNumber(data.total)} rows)` : ""}
        </a>
      </div>
      {q.isError && <ErrorAlert>{errorMessage(q.error, "The rows could not be loaded.")}</ErrorAlert>}
      {q.isPending && <p role="status" className="text-sm text-slate-600">Loading rows…</p>}
      {data && (
        <>
          <p id={`${id}-count`} role="status" data-testid={`drilldown-${p.kind}-count`} data-total={data.total} className="text-sm text-slate-700">
            {data.total === 0 ? "No rows match." : `Rows ${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(data.total)}`}
          </p>
          <Table<T>
            data-testid={`drilldown-${p.kind}`}
            className="w-full text-left text-sm"
            aria-describedby={`${id}-count`}
            caption={p.caption}
            wrapperClassName="overflow-x-auto"
            headClassName="text-xs text-slate-600"
            thClassName={TH}
            tdClassName={TD}
            rowClassName="border-t border-slate-100"
            columns={columns.map((c) => ({ key: c.key, header: c.label, sortKey: c.sort, cell: (row: T) => p.cells[c.key]?.(row, f) }))}
            rows={data.rows}
            rowKey={(row) => p.rowKey(row)}
            rowProps={(row) => Object.fromEntries(Object.entries(p.rowData?.(row) ?? {}).map(([k, v]) => [`data-${k}`, String(v)]))}
            empty={null}
            sort={{ key: params.sort, dir: params.dir }}
            onSortChange={(next) => change({ sort: next.key, dir: next.dir })}
            firstSortDir="desc"
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPageChange={(page) => setParams((prev) => ({ ...prev, page }))}
            pagerButtonClassName={INPUT}
          />
        </>
      )}
    </div>
  );
}
