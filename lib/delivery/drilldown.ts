/**
 * The rows behind each delivery number (presentation.md rule 12): which rows a number counts (its subset),
 * the columns a drill-down table and its CSV share, and filtering, sorting and paging of a row list. Pure.
 *
 * The subset predicates are the ones `bucketDelivery` counts with, so a panel's row count is its number's count
 * by construction: failed deployments for the change failure rate, recovered failures for the recovery time,
 * the changes whose lead time the median is taken over, the incidents resolved in the period for time to restore.
 */
import type { ChangeTiming } from "./changes";
import { isSuccessfulProduction } from "./deployments";
import type { DeploymentOutcome } from "./failures";

export const DEPLOYMENT_SUBSETS = {
  /** Every production deployment run: the change failure rate's and rework rate's denominator. */
  all: () => true,
  /** Deployment frequency. */
  successful: (o: DeploymentOutcome) => isSuccessfulProduction(o.deployment),
  /** Change failure rate's numerator. */
  failed: (o: DeploymentOutcome) => o.causedFailure,
  /** Failed deployment recovery time's sample. */
  recovered: (o: DeploymentOutcome) => o.causedFailure && o.recoveryMinutes !== null,
  /** Deployment rework rate's numerator. */
  rework: (o: DeploymentOutcome) => o.isRework,
} satisfies Record<string, (o: DeploymentOutcome) => boolean>;

/** Lead time's sample: changes whose shipping deployment finished in the period (and whose lead time is known). */
export const countedInLeadTime = (c: ChangeTiming): c is ChangeTiming & { deployedAt: Date; leadTime: number } =>
  c.deployedAt !== null && c.leadTime !== null;

export type DeploymentSubset = keyof typeof DEPLOYMENT_SUBSETS;
export const CHANGE_SUBSETS = ["all", "counted"] as const;
export type ChangeSubset = (typeof CHANGE_SUBSETS)[number];
/** `opened`: incidents opened in the period; `resolved`: time to restore's sample (resolved in the period). */
export const INCIDENT_SUBSETS = ["all", "opened", "resolved"] as const;
export type IncidentSubset = (typeof INCIDENT_SUBSETS)[number];

export type DrillKind = "deployments" | "changes" | "incidents";

export interface Column<S extends string = string> {
  key: string;
  label: string;
  /** The sort key a click on this column's header asks for; absent = not sortable. */
  sort?: S;
  unit?: "minutes" | "instant";
}

export const DEPLOYMENT_SORTS = ["finished", "service", "deployment", "changes", "recovery"] as const;
export const CHANGE_SORTS = ["date", "service", "pull_request", "coding", "pickup", "review", "deploy", "lead_time"] as const;
export const INCIDENT_SORTS = ["opened", "resolved", "service", "incident", "severity", "restore"] as const;

/**
 * The columns of each drill-down, in order: the table's headers and the CSV's. In the CSV, instants are ISO 8601
 * in UTC and durations whole minutes, so the header says so.
 */
export const DRILL_COLUMNS = {
  deployments: [
    { key: "externalId", label: "Deployment", sort: "deployment" },
    { key: "service", label: "Service", sort: "service" },
    { key: "finishedAt", label: "Finished", sort: "finished", unit: "instant" },
    { key: "commitSha", label: "Commit" },
    { key: "status", label: "Status" },
    { key: "kind", label: "Kind" },
    { key: "shippedChanges", label: "Changes shipped", sort: "changes" },
    { key: "causedFailure", label: "Caused a failure" },
    { key: "recoveryMinutes", label: "Recovery", sort: "recovery", unit: "minutes" },
    { key: "incidents", label: "Incidents" },
  ],
  changes: [
    { key: "externalId", label: "Pull request", sort: "pull_request" },
    { key: "title", label: "Title" },
    { key: "author", label: "Author" },
    { key: "service", label: "Service", sort: "service" },
    { key: "coding", label: "Coding", sort: "coding", unit: "minutes" },
    { key: "pickup", label: "Pickup", sort: "pickup", unit: "minutes" },
    { key: "review", label: "Review", sort: "review", unit: "minutes" },
    { key: "deploy", label: "Deploy", sort: "deploy", unit: "minutes" },
    { key: "leadTime", label: "Lead time", sort: "lead_time", unit: "minutes" },
    { key: "deployedAt", label: "Deployed", sort: "date", unit: "instant" },
    { key: "deployment", label: "Shipped by" },
  ],
  incidents: [
    { key: "externalId", label: "Incident", sort: "incident" },
    { key: "title", label: "Title" },
    { key: "service", label: "Service", sort: "service" },
    { key: "severity", label: "Severity", sort: "severity" },
    { key: "openedAt", label: "Opened", sort: "opened", unit: "instant" },
    { key: "resolvedAt", label: "Resolved", sort: "resolved", unit: "instant" },
    { key: "restoreMinutes", label: "Time to restore", sort: "restore", unit: "minutes" },
    { key: "linkedDeployment", label: "Linked deployment" },
  ],
} as const satisfies Record<DrillKind, readonly Column[]>;

/** The CSV header of a drill-down: its columns' labels, with the unit the file writes them in. */
export function csvHeader(kind: DrillKind): string[] {
  return DRILL_COLUMNS[kind].map((c: Column) => (c.unit === "minutes" ? `${c.label} (minutes)` : c.unit === "instant" ? `${c.label} (UTC)` : c.label));
}

export type SortValue = number | string | Date | null;

export interface RowsRequest {
  sort: string;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  /** Case-insensitive text search over each row's searchable fields. */
  q?: string;
  /** Only rows of this service (exact name). */
  filterService?: string;
}

export interface RowAccess<T> {
  service: (row: T) => string;
  /** The fields `q` searches (ids, SHAs, titles). */
  searchable: (row: T) => (string | null)[];
  /** The value a sort key orders by; nulls sort last in either direction. */
  sortValue: (row: T, sort: string) => SortValue;
  /** Unique within the list, for a total order: rows equal on the sort key keep the same place on every page. */
  id: (row: T) => string;
}

export interface RowsPage<T> {
  /** Rows after filtering, before paging. */
  total: number;
  page: number;
  pageSize: number;
  /** The services among the subset's rows (before the service and text filters), for a filter picker. */
  services: string[];
  rows: T[];
}

function compareValues(a: SortValue, b: SortValue): number {
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  if (typeof x === "number" && typeof y === "number") return x - y;
  return String(x).localeCompare(String(y), "en", { numeric: true, sensitivity: "base" });
}

/** Filters, sorts (stable: ties by id, ascending, whatever the direction) and returns every matching row. */
export function filterAndSort<T>(rows: readonly T[], request: Omit<RowsRequest, "page" | "pageSize">, access: RowAccess<T>): T[] {
  const needle = request.q?.trim().toLowerCase();
  const matching = rows.filter(
    (r) =>
      (!request.filterService || access.service(r) === request.filterService) &&
      (!needle || access.searchable(r).some((field) => field !== null && field.toLowerCase().includes(needle))),
  );
  const sign = request.dir === "asc" ? 1 : -1;
  return matching
    .map((row) => ({ row, key: access.sortValue(row, request.sort), id: access.id(row) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key !== b.key) return a.key === null ? 1 : -1;
      } else {
        const order = compareValues(a.key, b.key) * sign;
        if (order !== 0) return order;
      }
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    })
    .map((entry) => entry.row);
}

/** One page of the filtered, sorted rows, with the total a pager needs. A page past the end is empty. */
export function pageRows<T>(rows: readonly T[], request: RowsRequest, access: RowAccess<T>): RowsPage<T> {
  const sorted = filterAndSort(rows, request, access);
  const start = (request.page - 1) * request.pageSize;
  return {
    total: sorted.length,
    page: request.page,
    pageSize: request.pageSize,
    services: [...new Set(rows.map(access.service))].sort((a, b) => a.localeCompare(b)),
    rows: sorted.slice(start, start + request.pageSize),
  };
}
