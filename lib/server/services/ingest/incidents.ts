import "server-only";
import { storedDeploymentFinishes } from "@/lib/server/data/ingest/deployments";
import { storedIncidentInstants, upsertIncidents } from "@/lib/server/data/ingest/incidents";
import type { AffectedTeams } from "@/lib/server/services/delivery/affected";
import type { SqlRunner } from "@/lib/server/sql-runner";
import type { IncidentInput } from "@/lib/validation/ingest";
import { fromEpoch, type IngestResult } from "./batch";
import { lastPerKey, resolveServices } from "./services";

/**
 * Upserts incidents keyed by (service, externalId). The weeks touched are the incident's opening and
 * resolution and the finish of the deployment it names (old and new versions), so a late incident
 * re-scores its deployment's week; a time-linked incident's deployment is found by the recompute.
 */
export async function writeIncidents(tx: SqlRunner, items: readonly IncidentInput[], affected: AffectedTeams): Promise<IngestResult> {
  const services = await resolveServices(tx, items.map((p, index) => ({ index, service: p.service })), affected);
  const rows = lastPerKey(
    items.map((p, index) => ({ ...p, index, serviceId: (services.get(p.service) as { id: string }).id })),
    (p) => `${p.serviceId}\u0000${p.externalId}`,
  );
  const previous = await storedIncidentInstants(tx, { ownerIds: rows.map((r) => r.serviceId), externalIds: rows.map((r) => r.externalId) });
  const named = rows.filter((r) => r.causedByDeployment);
  const causes = await storedDeploymentFinishes(tx, { ownerIds: named.map((r) => r.serviceId), externalIds: named.map((r) => r.causedByDeployment as string) });

  const written = await upsertIncidents(
    tx,
    rows.map((r) => ({
      serviceId: r.serviceId,
      externalId: r.externalId,
      title: r.title ?? null,
      severity: r.severity ?? null,
      openedAt: r.openedAt,
      resolvedAt: r.resolvedAt ?? null,
      causedByDeployment: r.causedByDeployment ?? null,
    })),
  );

  const teamOf = new Map([...services.values()].map((s) => [s.id, s.teamId]));
  for (const r of rows) affected.addDelivery(teamOf.get(r.serviceId) ?? null, [new Date(r.openedAt), r.resolvedAt ? new Date(r.resolvedAt) : null]);
  for (const c of causes) affected.addDelivery(teamOf.get(c.serviceId) ?? null, [fromEpoch(c.finishedAt)]);
  for (const p of previous) {
    affected.addDelivery(teamOf.get(p.serviceId) ?? null, [fromEpoch(p.openedAt), fromEpoch(p.resolvedAt), fromEpoch(p.causeFinishedAt)]);
  }

  const created = written.filter((w) => w.inserted).length;
  return {
    received: items.length,
    created,
    updated: written.length - created,
    unassignedServices: [...services.entries()].filter(([, s]) => s.teamId === null).map(([name]) => name),
  };
}
