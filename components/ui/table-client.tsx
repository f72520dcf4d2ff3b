"use client";

import { useState } from "react";
import { TableView, type TableProps } from "./table-view";
import { pageCount, pageSlice, sortRows, type SortState } from "./table-core";

/** `Table` when it sorts or pages its own rows (state lives here, so `Table` itself stays usable on the server). */
export function ClientTable<T>({ clientSort, clientPage, ...props }: TableProps<T> & { clientSort: boolean; clientPage: boolean }) {
  const [ownSort, setOwnSort] = useState<SortState | null>(props.defaultSort ?? null);
  const [ownPage, setOwnPage] = useState(1);
  const sort = clientSort ? ownSort : (props.sort ?? null);
  let rows = props.rows;
  if (clientSort && sort) {
    const column = props.columns.find((c) => (c.sortKey ?? c.key) === sort.key && c.sortValue);
    if (column?.sortValue) rows = sortRows(rows, column.sortValue, sort.dir);
  }
  if (!clientPage || props.pageSize === undefined) {
    return <TableView {...props} rows={rows} sort={sort} onSortChange={clientSort ? setOwnSort : props.onSortChange} />;
  }
  const page = Math.min(ownPage, pageCount(rows.length, props.pageSize));
  return (
    <TableView
      {...props}
      rows={pageSlice(rows, page, props.pageSize)}
      sort={sort}
      onSortChange={
        clientSort
          ? (next) => {
              setOwnSort(next);
              setOwnPage(1);
            }
          : props.onSortChange
      }
      page={page}
      total={rows.length}
      pagerOnOnePage={false}
      onPageChange={setOwnPage}
    />
  );
}
