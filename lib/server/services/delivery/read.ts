import "server-only";
import { deliveryFacts } from "@/lib/delivery/aggregate";
import { DORA_2023, DORA_2024, DORA_TIERS_NOTE } from "@/lib/delivery/benchmarks";
import { DELIVERY_EXPLANATIONS } from "@/lib/delivery/explanations";
import { FREQUENCY_TIER_LABELS } from "@/lib/delivery/frequency";
import { restoreMinutes } from "@/lib/delivery/incidents";
import { computeDeliverySummary } from "@/lib/delivery/summary";
import { localDate } from "@/lib/domain/time";
import { loadDeliveryRows, previousSuccessBefore, type DeliveryRows } from "@/lib/server/data/events";
import { db, sqlRunner } from "@/lib/server/db";
import type { DeliveryQuery } from "@/lib/validation/delivery";
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
  const runner = await sqlRunner();
  const floor = instantBefore(period.from);
  const previous = await previousSuccessBefore(runner, scope.serviceIds, floor);
  const rows = await loadDeliveryRows(runner, scope.serviceIds, previous && previous < floor ? previous : floor);
  const services = await db.service.findMany({ where: { id: { in: scope.serviceIds } }, select: { id: true, name: true } });
  return { scope, period, rows, serviceNames: new Map(services.map((s) => [s.id, s.name])) };
}

const scopeOut = (s: DeliveryScope) => ({ type: s.type, id: s.id, name: s.name, filter: s.filter });

export async function getDeliverySummary(query: DeliveryQuery, now = new Date()) {
  const { scope, period, rows } = await load(query, now);
  const summary = computeDeliverySummary({ ...rows, ...period });
  return {
    scope: scopeOut(scope),
    from: period.from,
    to: period.to,
    timeZone: period.timeZone,
    ...summary,
    deploymentFrequency: { ...summary.deploymentFrequency, tierLabel: FREQUENCY_TIER_LABELS[summary.deploymentFrequency.tier] },
    benchmarks: { note: DORA_TIERS_NOTE, reports: [DORA_2024, DORA_2023] },
    howComputed: DELIVERY_EXPLANATIONS,
  };
}

export type DeliverySummaryResponse = Awaited<ReturnType<typeof getDeliverySummary>>;

function inPeriod(instant: Date | null, period: Period): boolean {
  if (!instant) return false;
  const day = localDate(instant, period.timeZone);
  return day >= period.from && day <= period.to;
}

/** Production deployments that finished in the period, with what made each count as failed or rework. */
export async function listDeliveryDeployments(query: DeliveryQuery, now = new Date()) {
  const { scope, period, rows, serviceNames } = await load(query, now);
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
  const deployments = facts.outcomes
    .filter((o) => inPeriod(o.deployment.finishedAt, period))
    .map((o) => ({
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
    }))
    .reverse();
  return { scope: scopeOut(scope), from: period.from, to: period.to, timeZone: period.timeZone, deployments };
}

/** Merged pull requests deployed in the period (the lead-time sample) and those merged in it but not yet deployed. */
export async function listDeliveryChanges(query: DeliveryQuery, now = new Date()) {
  const { scope, period, rows, serviceNames } = await load(query, now);
  const facts = deliveryFacts(rows);
  const prById = new Map(rows.prs.map((p) => [p.id, p]));
  const deploymentExternal = new Map(rows.deployments.map((d) => [d.id, d.externalId]));
  const changes = facts.changes
    .filter((c) => (c.deployedAt ? inPeriod(c.deployedAt, period) : inPeriod(c.mergedAt, period)))
    .map((c) => {
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
        countedInLeadTime: c.deployedAt !== null && c.leadTime !== null,
      };
    })
    .sort((a, b) => (b.deployedAt ?? b.mergedAt).getTime() - (a.deployedAt ?? a.mergedAt).getTime());
  return { scope: scopeOut(scope), from: period.from, to: period.to, timeZone: period.timeZone, changes };
}

/** Incidents opened or resolved in the period, with the deployment each links to. */
export async function listDeliveryIncidents(query: DeliveryQuery, now = new Date()) {
  const { scope, period, rows, serviceNames } = await load(query, now);
  const facts = deliveryFacts(rows);
  const deploymentExternal = new Map(rows.deployments.map((d) => [d.id, d.externalId]));
  const incidents = rows.incidents
    .filter((i) => inPeriod(i.openedAt, period) || inPeriod(i.resolvedAt, period))
    .map((i) => {
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
    })
    .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime());
  return { scope: scopeOut(scope), from: period.from, to: period.to, timeZone: period.timeZone, incidents };
}
