import { ClientTable } from "./table-client";
import { TableView, type TableProps } from "./table-view";

export type { Column, DataAttributes, SortDir, SortState, SortValue, TableProps } from "./table-view";
export { TableView } from "./table-view";

/**
 * The app's data table: named (caption or aria-label), column headers with `scope`, optional sorting (header
 * buttons with `aria-sort`) and paging, and an empty state. Works in server components when nothing is
 * client-side (no `defaultSort`, no sortable column without `onSortChange`, no `pageSize` without `onPageChange`).
 */
export function Table<T>(props: TableProps<T>) {
  const clientSort = !props.onSortChange && (props.defaultSort !== undefined || props.columns.some((c) => c.sortKey !== undefined || c.sortValue !== undefined));
  const clientPage = !props.onPageChange && props.pageSize !== undefined;
  if (clientSort || clientPage) return <ClientTable {...props} clientSort={clientSort} clientPage={clientPage} />;
  return <TableView {...props} />;
}

