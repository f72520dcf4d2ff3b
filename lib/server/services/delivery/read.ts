import "server-only";
import { deliveryFacts } from "@/lib/delivery/aggregate";
import type { ChangeRow, DeliveryScopeView, DeliverySummaryResponse, DeploymentRow, IncidentRow } from "@/lib/delivery/api-types";
import { DORA_2023, DORA_2024, DORA_TIERS_NOTE } from "@/lib/delivery/benchmarks";
import { DELIVERY_EXPLANATIONS } from "@/lib/delivery/explanations";
import { FREQUENCY_TIER_LABELS } from "@/lib/delivery/frequency";
import { restoreMinutes } from "@/lib/delivery/incidents";
import { computeDeliverySummary } from "@/lib/delivery/summary";
import { localDate } from "@/lib/domain/time";
import { previousSuccessBefore } from "@/lib/server/data/delivery/chain";
import { loadDeliveryRows, type DeliveryRows } from "@/lib/server/data/events";
import { serviceNamesOf } from "@/lib/server/data/delivery/services";
import { openSql } from "@/lib/server/data/runner";
import type { ChangeRowsQuery, DeliveryQuery, DeploymentRowsQuery, IncidentRowsQuery } from "@/lib/validation/delivery";
import { countedInLeadTime, DEPLOYMENT_SUBSETS, filterAndSort, pageRows, type RowAccess, type RowsRequest, type SortValue } from "@/lib/delivery/drilldown";
import type { CsvCell } from "@/lib/csv/write";
import { deliveryRecomputeStatus } from "@/lib/server/jobs/read";
import { instantBefore, resolveDeliveryScope, resolvePeriod, type DeliveryScope, type Period } from "./scope";

/**
 * The delivery (DORA) read side: the summary of a scope and period computed live from the events by
 * the same pure functions the stored weekly values come from, and the rows behind every number, so a
 * reader can check each one (the deployments, the changes with their four-part breakdown, the incidents).
 */
interface Loaded {
  scope: DeliveryScope;
  period: Period;
  rows: DeliveryRows;
  serviceNames: Map<string, string>;
}

async function load(query: DeliveryQuery, now: Date): Promise<Loaded> {
  const [scope, period] = await Promise.all([resolveDeliveryScope(query), resolvePeriod(query, now)]);
  const runner = await openSql();
  const floor = instantBefore(period.from);
  const previous = await previousSuccessBefore(runner, scope.serviceIds, floor);
  const rows = await loadDeliveryRows(runner, scope.serviceIds, previous && previous < floor ? previous : floor, floor);
  const services = await serviceNamesOf(scope.serviceIds);
  return { scope, period, rows, serviceNames: new Map(services.map((s) => [s.id, s.name])) };
}

const scopeOut = (s: DeliveryScope): DeliveryScopeView => ({ type: s.type, id: s.id, name: s.name, filter: s.filter });

export async function getDeliverySummary(query: DeliveryQuery, now = new Date()): Promise<DeliverySummaryResponse> {
  const [{ scope, period, rows }, recompute] = await Promise.all([load(query, now), deliveryRecomputeStatus()]);
  const summary = computeDeliverySummary({ ...rows, ...period });
  const pending = recompute.pendingTeamIds === "all" ? scope.teamIds.length > 0 : scope.teamIds.some((id) => (recompute.pendingTeamIds as string[]).includes(id));
  return {
    scope: scopeOut(scope),
    from: period.from,
    to: period.to,
    timeZone: period.timeZone,
    ...summary,
    deploymentFrequency: { ...summary.deploymentFrequency, tierLabel: FREQUENCY_TIER_LABELS[summary.deploymentFrequency.tier] },
    benchmarks: { note: DORA_TIERS_NOTE, reports: [DORA_2024, DORA_2023] },
    howComputed: DELIVERY_EXPLANATIONS,
    weekly: { pending, lastComputedAt: recompute.lastComputedAt },
  };
}

function inPeriod(instant: Date | null, period: Period): boolean {
  if (!instant) return false;
  const day = localDate(instant, period.timeZone);
  return day >= period.from && day <= period.to;
}

/** A drill-down's answer: one page of the rows (or, for CSV, every matching row) and what was asked. */
interface RowsResult<T> {
  scope: ReturnType<typeof scopeOut>;
  from: string;
  to: string;
  timeZone: string;
  subset: string;
  sort: string;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  total: number;
  services: string[];
  rows: T[];
}

function answer<T>(loaded: Loaded, query: RowsRequest & { subset: string; format: "json" | "csv" }, rows: T[], access: RowAccess<T>): RowsResult<T> {
  const base = { scope: scopeOut(loaded.scope), from: loaded.period.from, to: loaded.period.to, timeZone: loaded.period.timeZone, subset: query.subset, sort: query.sort, dir: query.dir };
  if (query.format === "csv") {
    const all = filterAndSort(rows, query, access);
    return { ...base, page: 1, pageSize: all.length, total: all.length, services: [], rows: all };
  }
  const page = pageRows(rows, query, access);
  return { ...base, ...page };
}

/** Production deployments that finished in the period (those the chosen number counts), with what made each count as failed or rework. */
export async function listDeliveryDeployments(query: DeploymentRowsQuery, now = new Date()) {
  const loaded = await load(query, now);
  const { period, rows, serviceNames } = loaded;
  const facts = deliveryFacts(rows);
  const shipped = new Map<string, number>();
  for (const c of facts.changes) if (c.deploymentId) shipped.set(c.deploymentId, (shipped.get(c.deploymentId) ?? 0) + 1);
  const incidentsOf = new Map<string, string[]>();
  const incidentExternal = new Map(rows.incidents.map((i) => [i.id, i.externalId]));
  for (const [incidentId, deploymentId] of facts.incidentLinks) {
    if (!deploymentId) continue;
    incidentsOf.set(deploymentId, [...(incidentsOf.get(deploymentId) ?? []), incidentExternal.get(incidentId) ?? incidentId]);
  }
  const externalOf = new Map(rows.deployments.map((d) => [d.id, d.externalId]));
  const counts = DEPLOYMENT_SUBSETS[query.subset];
  const deployments = facts.outcomes
    .filter((o) => inPeriod(o.deployment.finishedAt, period) && counts(o))
    .map((o): DeploymentRow => ({
      externalId: externalOf.get(o.deployment.id) ?? o.deployment.id,
      service: serviceNames.get(o.deployment.serviceId) ?? o.deployment.serviceId,
      environment: o.deployment.environment,
      status: o.deployment.status,
      kind: o.deployment.kind,
      finishedAt: o.deployment.finishedAt,
      commitSha: o.deployment.commitSha,
      shippedChanges: shipped.get(o.deployment.id) ?? 0,
      causedFailure: o.causedFailure,
      failureReasons: o.reasons,
      isRework: o.isRework,
      recoveredAt: o.recoveredAt,
      recoveryMinutes: o.recoveryMinutes,
      incidents: incidentsOf.get(o.deployment.id) ?? [],
    }));
  type Row = (typeof deployments)[number];
  const sortValue: Record<DeploymentRowsQuery["sort"], (r: Row) => SortValue> = {
    finished: (r) => r.finishedAt,
    service: (r) => r.service,
    deployment: (r) => r.externalId,
    changes: (r) => r.shippedChanges,
    recovery: (r) => r.recoveryMinutes,
  };
  const result = answer(loaded, query, deployments, {
    service: (r) => r.service,
    searchable: (r) => [r.externalId, r.commitSha, ...r.incidents],
    sortValue: (r, sort) => sortValue[sort as DeploymentRowsQuery["sort"]](r),
    id: (r) => `${r.service}\u0000${r.externalId}`,
  });
  const { rows: page, ...rest } = result;
  return { ...rest, deployments: page };
}

/** Merged pull requests deployed in the period (the lead-time sample) and those merged in it but not yet deployed. */
export async function listDeliveryChanges(query: ChangeRowsQuery, now = new Date()) {
  const loaded = await load(query, now);
  const { period, rows, serviceNames } = loaded;
  const facts = deliveryFacts(rows);
  const prById = new Map(rows.prs.map((p) => [p.id, p]));
  const deploymentExternal = new Map(rows.deployments.map((d) => [d.id, d.externalId]));
  const changes = facts.changes
    .filter((c) => (c.deployedAt ? inPeriod(c.deployedAt, period) : inPeriod(c.mergedAt, period)))
    .filter((c) => query.subset === "all" || countedInLeadTime(c))
    .map((c): ChangeRow => {
      const pr = prById.get(c.prId);
      return {
        externalId: pr?.externalId ?? c.prId,
        service: serviceNames.get(c.serviceId) ?? c.serviceId,
        title: pr?.title ?? null,
        author: pr?.author ?? null,
        createdAt: pr?.createdAt ?? null,
        firstCommitAt: c.firstCommitAt,
        firstReviewAt: c.firstReviewAt,
        mergedAt: c.mergedAt,
        deployedAt: c.deployedAt,
        deployment: c.deploymentId ? (deploymentExternal.get(c.deploymentId) ?? null) : null,
        coding: c.coding,
        pickup: c.pickup,
        review: c.review,
        deploy: c.deploy,
        leadTime: c.leadTime,
        countedInLeadTime: countedInLeadTime(c),
      };
    });
  type Row = (typeof changes)[number];
  const sortValue: Record<ChangeRowsQuery["sort"], (r: Row) => SortValue> = {
    date: (r) => r.deployedAt ?? r.mergedAt,
    service: (r) => r.service,
    pull_request: (r) => r.externalId,
    coding: (r) => r.coding,
    pickup: (r) => r.pickup,
    review: (r) => r.review,
    deploy: (r) => r.deploy,
    lead_time: (r) => r.leadTime,
  };
  const { rows: page, ...rest } = answer(loaded, query, changes, {
    service: (r) => r.service,
    searchable: (r) => [r.externalId, r.title, r.author, r.deployment],
    sortValue: (r, sort) => sortValue[sort as ChangeRowsQuery["sort"]](r),
    id: (r) => `${r.service}\u0000${r.externalId}`,
  });
  return { ...rest, changes: page };
}

/**
 * Incidents opened or resolved in the period, with the deployment each links to. `opened` and `resolved` are the
 * rows behind "incidents opened" and "time to restore", bucketed as `bucketDelivery` does (opening day; resolution
 * day, when the restore time is known).
 */
export async function listDeliveryIncidents(query: IncidentRowsQuery, now = new Date()) {
  const loaded = await load(query, now);
  const { period, rows, serviceNames } = loaded;
  const facts = deliveryFacts(rows);
  const deploymentExternal = new Map(rows.deployments.map((d) => [d.id, d.externalId]));
  const counts: Record<IncidentRowsQuery["subset"], (i: DeliveryRows["incidents"][number]) => boolean> = {
    all: (i) => inPeriod(i.openedAt, period) || inPeriod(i.resolvedAt, period),
    opened: (i) => inPeriod(i.openedAt, period),
    resolved: (i) => restoreMinutes(i) !== null && inPeriod(i.resolvedAt, period),
  };
  const incidents = rows.incidents.filter(counts[query.subset]).map((i): IncidentRow => {
    const linked = facts.incidentLinks.get(i.id) ?? null;
    return {
      externalId: i.externalId,
      service: serviceNames.get(i.serviceId) ?? i.serviceId,
      title: i.title,
      severity: i.severity,
      openedAt: i.openedAt,
      resolvedAt: i.resolvedAt,
      restoreMinutes: restoreMinutes(i),
      openedInPeriod: inPeriod(i.openedAt, period),
      resolvedInPeriod: inPeriod(i.resolvedAt, period),
      linkedDeployment: linked ? (deploymentExternal.get(linked) ?? i.causedByExternalId) : null,
      linkNamedByClient: i.causedByExternalId !== null,
    };
  });
  type Row = (typeof incidents)[number];
  const sortValue: Record<IncidentRowsQuery["sort"], (r: Row) => SortValue> = {
    opened: (r) => r.openedAt,
    resolved: (r) => r.resolvedAt,
    service: (r) => r.service,
    incident: (r) => r.externalId,
    severity: (r) => r.severity,
    restore: (r) => r.restoreMinutes,
  };
  const { rows: page, ...rest } = answer(loaded, query, incidents, {
    service: (r) => r.service,
    searchable: (r) => [r.externalId, r.title, r.linkedDeployment],
    sortValue: (r, sort) => sortValue[sort as IncidentRowsQuery["sort"]](r),
    id: (r) => `${r.service}\u0000${r.externalId}`,
  });
  return { ...rest, incidents: page };
}

const minutesCell = (v: number | null) => v;

/** The CSV cells of each drill-down row, in `DRILL_COLUMNS` order (the writer neutralises formula-like text). */
export const DRILL_CSV_CELLS = {
  deployments: (r: DeploymentRow): CsvCell[] => [
    r.externalId, r.service, r.finishedAt, r.commitSha, r.status, r.isRework ? `${r.kind} (rework)` : r.kind, r.shippedChanges,
    r.causedFailure ? `yes: ${r.failureReasons.join(", ")}` : "no", minutesCell(r.causedFailure ? r.recoveryMinutes : null), r.incidents.join("; "),
  ],
  changes: (r: ChangeRow): CsvCell[] => [
    r.externalId, r.title, r.author, r.service, r.coding, r.pickup, r.review, r.deploy, r.leadTime, r.deployedAt, r.deployment ?? "not deployed yet",
  ],
  incidents: (r: IncidentRow): CsvCell[] => [
    r.externalId, r.title, r.service, r.severity, r.openedAt, r.resolvedAt, r.restoreMinutes, r.linkedDeployment,
  ],
};
