import type { HTMLAttributes, ReactNode, TableHTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { formatNumber } from "@/lib/format";
import { ariaSort, nextSort, pageCount, type SortDir, type SortState, type SortValue } from "./table-core";

export type { SortDir, SortState, SortValue } from "./table-core";

/** `data-*` attributes, which React passes through to the element. */
export type DataAttributes = { [key: `data-${string}`]: string | number | boolean | undefined };

export interface Column<T> {
  /** React key of the column; also the sort key when `sortKey` is not given but `sortValue` is. */
  key: string;
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** Makes the header a sort button; the key the sort state (and a server) knows the column by. */
  sortKey?: string;
  /** The value client-side sorting compares (needed when the table sorts its own rows). */
  sortValue?: (row: T) => SortValue;
  /** Right-aligned, with tabular figures. */
  numeric?: boolean;
  /** The cell is the row's header (`<th scope="row">`). */
  rowHeader?: boolean;
  /** Classes of this column's header and cells, after the table's `thClassName` / `tdClassName`. */
  headerClassName?: string;
  className?: string;
  headerProps?: Omit<ThHTMLAttributes<HTMLTableCellElement>, "className" | "scope" | "children"> & DataAttributes;
  cellProps?: (row: T, index: number) => Omit<TdHTMLAttributes<HTMLTableCellElement>, "children"> & DataAttributes;
}

export interface TableProps<T> extends Omit<TableHTMLAttributes<HTMLTableElement>, "children" | "summary">, DataAttributes {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
  /** The table's name: a caption (screen-reader only unless `captionClassName` says otherwise) or `aria-label`. */
  caption?: ReactNode;
  captionClassName?: string;
  /** Shown instead of the table when there are no rows; `null` shows nothing (the pager stays when server-paged). */
  empty?: ReactNode;
  emptyClassName?: string;
  /** Wraps the table in a `<div>` with these classes (e.g. `overflow-x-auto`). */
  wrapperClassName?: string;
  headClassName?: string;
  headRowClassName?: string;
  bodyClassName?: string;
  thClassName?: string;
  tdClassName?: string;
  rowClassName?: string | ((row: T, index: number) => string | undefined);
  rowProps?: (row: T, index: number) => Omit<HTMLAttributes<HTMLTableRowElement>, "children"> & DataAttributes;
  /**
   * A row whose cells after the first `after` columns are one cell spanning the rest (e.g. a number withheld
   * for the whole row); `null` renders the row normally.
   */
  spanRow?: (row: T, index: number) => { after: number; cell: ReactNode; className?: string } | null | undefined;
  /** Rows of a `<tfoot>` (totals). */
  foot?: ReactNode;
  /**
   * Sorting. Controlled: `sort` and `onSortChange` (the rows arrive sorted, e.g. by the server). Client-side:
   * `defaultSort`, or leave it out and the rows keep their order until a sortable header is pressed.
   */
  sort?: SortState | null;
  defaultSort?: SortState;
  onSortChange?: (next: SortState) => void;
  /** The direction a column starts at when first pressed. */
  firstSortDir?: SortDir;
  sortButtonClassName?: string;
  /**
   * Paging with Previous/Next. Client-side: `pageSize` alone (the pager shows when there is more than one page).
   * Controlled: `page`, `pageSize`, `total` and `onPageChange`, `rows` being that page (the pager always shows).
   */
  pageSize?: number;
  page?: number;
  total?: number;
  onPageChange?: (page: number) => void;
  pagerClassName?: string;
  pagerButtonClassName?: string;
}

const SORT_BUTTON = "font-medium underline decoration-dotted hover:text-slate-900";
const PAGER = "flex items-center gap-3 text-sm";
const PAGER_BUTTON = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 disabled:opacity-50";

function cx(...classes: (string | false | null | undefined)[]): string | undefined {
  const s = classes.filter(Boolean).join(" ");
  return s || undefined;
}

/** The markup of `Table` for a given sort and page (no state of its own). */
export function TableView<T>(props: TableProps<T> & { pagerOnOnePage?: boolean }) {
  const {
    columns, rows, rowKey, caption, captionClassName, empty, emptyClassName, wrapperClassName, headClassName, headRowClassName, bodyClassName,
    thClassName, tdClassName, rowClassName, rowProps, spanRow, foot, sort, defaultSort: _defaultSort, onSortChange, firstSortDir, sortButtonClassName,
    pageSize, page, total, onPageChange, pagerClassName, pagerButtonClassName, pagerOnOnePage = true, ...tableProps
  } = props;
  const paged = pageSize !== undefined && page !== undefined && onPageChange !== undefined;
  const pages = paged ? pageCount(total ?? rows.length, pageSize) : 1;
  const pager = paged && (pages > 1 || pagerOnOnePage) && (
    <nav aria-label="Pages" className={pagerClassName ?? PAGER}>
      <button type="button" className={pagerButtonClassName ?? PAGER_BUTTON} disabled={page <= 1} onClick={() => onPageChange(page - 1)}>Previous page</button>
      <span className="text-slate-700">Page {formatNumber(page)} of {formatNumber(pages)}</span>
      <button type="button" className={pagerButtonClassName ?? PAGER_BUTTON} disabled={page >= pages} onClick={() => onPageChange(page + 1)}>Next page</button>
    </nav>
  );

  if (rows.length === 0 && empty !== undefined) {
    return (
      <>
        {empty !== null && <p className={emptyClassName ?? "text-sm text-slate-600"}>{empty}</p>}
        {empty === null && pager}
      </>
    );
  }

  const table = (
    <table {...tableProps}>
      {caption !== undefined && caption !== null && <caption className={captionClassName ?? "sr-only"}>{caption}</caption>}
      <thead className={headClassName}>
        <tr className={headRowClassName}>
          {columns.map((c) => {
            const key = c.sortKey ?? (c.sortValue ? c.key : undefined);
            const sorted = ariaSort(sort, key);
            return (
              <th key={c.key} scope="col" {...c.headerProps} className={cx(thClassName, c.numeric && "text-right", c.headerClassName)} aria-sort={sorted}>
                {key && onSortChange ? (
                  <button type="button" onClick={() => onSortChange(nextSort(sort, key, firstSortDir))} className={sortButtonClassName ?? SORT_BUTTON}>
                    {c.header}
                    <span aria-hidden="true">{sorted === "ascending" ? " ▲" : sorted === "descending" ? " ▼" : ""}</span>
                  </button>
                ) : (
                  c.header
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody className={bodyClassName}>
        {rows.map((row, i) => {
          const span = spanRow?.(row, i);
          return (
            <tr key={rowKey(row, i)} {...rowProps?.(row, i)} className={typeof rowClassName === "function" ? rowClassName(row, i) : rowClassName}>
              {(span ? columns.slice(0, span.after) : columns).map((c) => {
                const extra = c.cellProps?.(row, i);
                const className = cx(tdClassName, c.numeric && "text-right tabular-nums", c.className, extra?.className);
                return c.rowHeader ? (
                  <th key={c.key} scope="row" {...extra} className={className}>{c.cell(row, i)}</th>
                ) : (
                  <td key={c.key} {...extra} className={className}>{c.cell(row, i)}</td>
                );
              })}
              {span && <td colSpan={columns.length - span.after} className={span.className}>{span.cell}</td>}
            </tr>
          );
        })}
      </tbody>
      {foot && <tfoot>{foot}</tfoot>}
    </table>
  );
  return (
    <>
      {wrapperClassName !== undefined ? <div className={wrapperClassName}>{table}</div> : table}
      {pager}
    </>
  );
}
