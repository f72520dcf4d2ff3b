import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/**
 * The delivery event rows an import compares, records and undoes (services/imports/kinds/*): found by id, or
 * by owner (service name; team slug for work items) and external id.
 */
export type EventLookup = { ids: string[] } | { owners: string[]; externalIds: string[] };

const byService = (lookup: EventLookup) =>
  "ids" in lookup ? { id: { in: lookup.ids } } : { service: { name: { in: lookup.owners } }, externalId: { in: lookup.externalIds } };
const withService = { service: { select: { name: true, teamId: true } } } as const;

export async function deploymentsFor(lookup: EventLookup, tx: Tx = client) {
  return tx.deployment.findMany({ where: byService(lookup), include: withService });
}

export async function pullRequestsFor(lookup: EventLookup, tx: Tx = client) {
  return tx.pullRequest.findMany({ where: byService(lookup), include: withService });
}

export async function incidentsFor(lookup: EventLookup, tx: Tx = client) {
  return tx.incident.findMany({ where: byService(lookup), include: withService });
}

export async function workItemsFor(lookup: EventLookup, tx: Tx = client) {
  const where = "ids" in lookup ? { id: { in: lookup.ids } } : { team: { slug: { in: lookup.owners } }, externalId: { in: lookup.externalIds } };
  return tx.workItem.findMany({ where, include: { team: { select: { slug: true } } } });
}

/** When the service's deployment with this external id finished, or null when there is none. */
export async function deploymentFinishedAt(serviceName: string, externalId: string, tx: Tx = client): Promise<{ finishedAt: Date } | null> {
  return tx.deployment.findFirst({ where: { service: { name: serviceName }, externalId }, select: { finishedAt: true } });
}

export async function deleteDeploymentById(id: string, tx: Tx = client): Promise<void> {
  await tx.deployment.delete({ where: { id } });
}
export async function restoreDeployment(id: string, data: Prisma.DeploymentUncheckedUpdateInput, tx: Tx = client): Promise<void> {
  await tx.deployment.update({ where: { id }, data });
}

export async function deletePullRequestById(id: string, tx: Tx = client): Promise<void> {
  await tx.pullRequest.delete({ where: { id } });
}
export async function restorePullRequest(id: string, data: Prisma.PullRequestUncheckedUpdateInput, tx: Tx = client): Promise<void> {
  await tx.pullRequest.update({ where: { id }, data });
}

export async function deleteIncidentById(id: string, tx: Tx = client): Promise<void> {
  await tx.incident.delete({ where: { id } });
}
export async function restoreIncident(id: string, data: Prisma.IncidentUncheckedUpdateInput, tx: Tx = client): Promise<void> {
  await tx.incident.update({ where: { id }, data });
}

export async function deleteWorkItemById(id: string, tx: Tx = client): Promise<void> {
  await tx.workItem.delete({ where: { id } });
}
export async function restoreWorkItem(id: string, data: Prisma.WorkItemUncheckedUpdateInput, tx: Tx = client): Promise<void> {
  await tx.workItem.update({ where: { id }, data });
}
