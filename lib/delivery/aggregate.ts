/**
 * Derives the per-event facts once over the whole history (what shipped what, which deployment
 * failed, which incident links where) and then buckets them into periods. History before the
 * period matters: the previous deployment and an incident's cause can lie outside it.
 *
 * Bucketing: a deployment belongs to the period its finish falls in; a change to the period its
 * shipping deployment finished in; an incident's time to restore to the period it was resolved in
 * (so a closed week's value does not move when an old incident is finally resolved); an incident
 * counts as opened in the period its opening falls in.
 */
import { attributeChanges, type ChangeTiming } from "./changes";
import { countedInLeadTime, DEPLOYMENT_SUBSETS } from "./drilldown";
import { assessProductionDeployments, type DeploymentOutcome } from "./failures";
import { linkIncidents, restoreMinutes } from "./incidents";
import type { DeploymentEvent, IncidentEvent, PullRequestEvent } from "./types";

export interface DeliveryEvents {
  deployments: readonly DeploymentEvent[];
  prs: readonly PullRequestEvent[];
  incidents: readonly IncidentEvent[];
}

export interface DeliveryFacts {
  changes: ChangeTiming[];
  outcomes: DeploymentOutcome[];
  incidentLinks: Map<string, string | null>;
  incidents: readonly IncidentEvent[];
}

export function deliveryFacts(events: DeliveryEvents): DeliveryFacts {
  const incidentLinks = linkIncidents(events.incidents, events.deployments);
  return {
    changes: attributeChanges(events.prs, events.deployments),
    outcomes: assessProductionDeployments(events.deployments, events.incidents, incidentLinks),
    incidentLinks,
    incidents: events.incidents,
  };
}

/** The raw numerators, denominators and samples of one period. */
export interface DeliveryBucket {
  successfulDeployments: DeploymentEvent[];
  /** Lead times (minutes) of the changes shipped in the period. */
  leadTimes: number[];
  coding: number[];
  pickup: number[];
  review: number[];
  deploy: number[];
  productionDeployments: number;
  failedDeployments: number;
  reworkDeployments: number;
  recoveryMinutes: number[];
  restoreMinutes: number[];
  /** Incidents opened in the period. */
  incidentsOpened: IncidentEvent[];
}

export function emptyDeliveryBucket(): DeliveryBucket {
  return {
    successfulDeployments: [],
    leadTimes: [],
    coding: [],
    pickup: [],
    review: [],
    deploy: [],
    productionDeployments: 0,
    failedDeployments: 0,
    reworkDeployments: 0,
    recoveryMinutes: [],
    restoreMinutes: [],
    incidentsOpened: [],
  };
}

/** Buckets the facts by `periodOf(instant)`; instants mapped to null fall outside every period. */
export function bucketDelivery(
  facts: DeliveryFacts,
  periodOf: (instant: Date) => string | null,
): Map<string, DeliveryBucket> {
  const buckets = new Map<string, DeliveryBucket>();
  const bucketAt = (instant: Date): DeliveryBucket | null => {
    const key = periodOf(instant);
    if (key === null) return null;
    const existing = buckets.get(key);
    if (existing) return existing;
    const created = emptyDeliveryBucket();
    buckets.set(key, created);
    return created;
  };

  for (const o of facts.outcomes) {
    const bucket = bucketAt(o.deployment.finishedAt);
    if (!bucket) continue;
    // The drill-downs list rows by the same predicates, so a panel's rows are exactly what its number counts.
    bucket.productionDeployments += 1;
    if (DEPLOYMENT_SUBSETS.successful(o)) bucket.successfulDeployments.push(o.deployment);
    if (DEPLOYMENT_SUBSETS.rework(o)) bucket.reworkDeployments += 1;
    if (DEPLOYMENT_SUBSETS.failed(o)) bucket.failedDeployments += 1;
    if (DEPLOYMENT_SUBSETS.recovered(o) && o.recoveryMinutes !== null) bucket.recoveryMinutes.push(o.recoveryMinutes);
  }

  for (const c of facts.changes) {
    if (!countedInLeadTime(c)) continue;
    const bucket = bucketAt(c.deployedAt);
    if (!bucket) continue;
    bucket.leadTimes.push(c.leadTime);
    if (c.coding !== null) bucket.coding.push(c.coding);
    if (c.pickup !== null) bucket.pickup.push(c.pickup);
    if (c.review !== null) bucket.review.push(c.review);
    if (c.deploy !== null) bucket.deploy.push(c.deploy);
  }

  for (const incident of facts.incidents) {
    bucketAt(incident.openedAt)?.incidentsOpened.push(incident);
    const minutes = restoreMinutes(incident);
    if (minutes === null || incident.resolvedAt === null) continue;
    const bucket = bucketAt(incident.resolvedAt);
    if (bucket) bucket.restoreMinutes.push(minutes);
  }
  return buckets;
}
