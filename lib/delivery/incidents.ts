/**
 * Which deployment caused each incident. The client may name it (`causedByDeploymentId`);
 * otherwise the incident links to the latest successful production deployment of its service
 * that finished strictly before the incident opened. An incident before any such deployment
 * links to nothing.
 */
import { compareByFinish, isSuccessfulProduction } from "./deployments";
import { spanMinutes } from "./spans";
import type { DeploymentEvent, IncidentEvent } from "./types";

/** Incident id → the id of the deployment it is attributed to, or null. */
export function linkIncidents(
  incidents: readonly IncidentEvent[],
  deployments: readonly DeploymentEvent[],
): Map<string, string | null> {
  const byService = new Map<string, DeploymentEvent[]>();
  for (const d of deployments) {
    if (!isSuccessfulProduction(d)) continue;
    const list = byService.get(d.serviceId);
    if (list) list.push(d);
    else byService.set(d.serviceId, [d]);
  }
  for (const list of byService.values()) list.sort(compareByFinish);

  const links = new Map<string, string | null>();
  for (const incident of incidents) {
    // The client's word wins, even for a deployment outside the history passed in.
    if (incident.causedByDeploymentId) {
      links.set(incident.id, incident.causedByDeploymentId);
      continue;
    }
    const candidates = byService.get(incident.serviceId) ?? [];
    const opened = incident.openedAt.getTime();
    let linked: DeploymentEvent | null = null;
    for (const d of candidates) {
      if (d.finishedAt.getTime() < opened) linked = d;
      else break;
    }
    links.set(incident.id, linked?.id ?? null);
  }
  return links;
}

/** Time to restore service (pre-2023 MTTR): opened → resolved in whole minutes; null while open. */
export function restoreMinutes(incident: IncidentEvent): number | null {
  return spanMinutes(incident.openedAt, incident.resolvedAt);
}
