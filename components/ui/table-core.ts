/** Sorting and paging for `Table`, without React: the same rules whichever side (client or server) sorts. */

export type SortDir = "asc" | "desc";
export interface SortState {
  key: string;
  dir: SortDir;
}
export type SortValue = string | number | boolean | Date | null | undefined;

/** The sort after a click on the header of `key`: the same column flips, another column starts at `firstDir`. */
export function nextSort(current: SortState | null | undefined, key: string, firstDir: SortDir = "asc"): SortState {
  if (current && current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: firstDir };
}

/** The value of `aria-sort` for a header: only the sorted column says how it is sorted. */
export function ariaSort(current: SortState | null | undefined, key: string | undefined): "ascending" | "descending" | undefined {
  if (!key || !current || current.key !== key) return undefined;
  return current.dir === "asc" ? "ascending" : "descending";
}

function compareValues(a: SortValue, b: SortValue): number {
  // Empty values go last whichever way the column is sorted.
  const aEmpty = a === null || a === undefined || a === "";
  const bEmpty = b === null || b === undefined || b === "";
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  const av = a instanceof Date ? a.getTime() : typeof a === "boolean" ? Number(a) : a;
  const bv = b instanceof Date ? b.getTime() : typeof b === "boolean" ? Number(b) : b;
  if (typeof av === "number" && typeof bv === "number") return av - bv;
  return String(av).localeCompare(String(bv), undefined, { numeric: true, sensitivity: "base" });
}

/** A sorted copy of `rows` (stable); rows without a value for the key stay at the end in either direction. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, dir: SortDir): T[] {
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((x, y) => {
      const xEmpty = x.v === null || x.v === undefined || x.v === "";
      const yEmpty = y.v === null || y.v === undefined || y.v === "";
      if (xEmpty || yEmpty) return xEmpty === yEmpty ? x.index - y.index : xEmpty ? 1 : -1;
      const c = compareValues(x.v, y.v);
      return (dir === "asc" ? c : -c) || x.index - y.index;
    })
    .map((e) => e.row);
}

/** How many pages `total` rows make (at least one, so "Page 1 of 1" reads right when empty). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The rows of page `page` (1-based), the page clamped to the pages there are. */
export function pageSlice<T>(rows: readonly T[], page: number, pageSize: number): T[] {
  const p = Math.min(Math.max(1, page), pageCount(rows.length, pageSize));
  return rows.slice((p - 1) * pageSize, p * pageSize);
}
