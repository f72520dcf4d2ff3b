import "server-only";
import { randomUUID } from "node:crypto";
import type { AffectedTeams } from "@/lib/server/services/delivery/affected";
import type { SqlRunner } from "@/lib/server/sql-runner";
import type { IncidentInput } from "@/lib/validation/ingest";
import { epochMs, fromEpoch, utcTimestamp, type IngestResult } from "./batch";
import { lastPerKey, resolveServices } from "./services";

/**
 * Upserts incidents keyed by (service, externalId). The weeks touched are the incident's opening and
 * resolution and the finish of the deployment it names (old and new versions), so a late incident
 * re-scores its deployment's week; a time-linked incident's deployment is found by the recompute.
 */
export async function writeIncidents(tx: SqlRunner, items: readonly IncidentInput[], affected: AffectedTeams): Promise<IngestResult> {
  const services = await resolveServices(tx, items.map((p, index) => ({ index, service: p.service })));
  const rows = lastPerKey(
    items.map((p, index) => ({ ...p, index, serviceId: (services.get(p.service) as { id: string }).id })),
    (p) => `${p.serviceId}\u0000${p.externalId}`,
  );
  const keys = [rows.map((r) => r.serviceId), rows.map((r) => r.externalId)];

  const previous = await tx.query<{ serviceId: string; openedAt: number; resolvedAt: number | null; causeFinishedAt: number | null }>(
    `SELECT i."serviceId", ${epochMs(`i."openedAt"`)} AS "openedAt", ${epochMs(`i."resolvedAt"`)} AS "resolvedAt",
            ${epochMs(`d."finishedAt"`)} AS "causeFinishedAt"
     FROM "Incident" i JOIN unnest($1::text[], $2::text[]) AS k(s, e) ON i."serviceId" = k.s AND i."externalId" = k.e
     LEFT JOIN "Deployment" d ON d."serviceId" = i."serviceId" AND d."externalId" = i."causedByDeployment"`,
    keys,
  );
  const named = rows.filter((r) => r.causedByDeployment);
  const causes = await tx.query<{ serviceId: string; finishedAt: number }>(
    `SELECT d."serviceId", ${epochMs(`d."finishedAt"`)} AS "finishedAt"
     FROM "Deployment" d JOIN unnest($1::text[], $2::text[]) AS k(s, e) ON d."serviceId" = k.s AND d."externalId" = k.e`,
    [named.map((r) => r.serviceId), named.map((r) => r.causedByDeployment as string)],
  );

  const written = await tx.query<{ inserted: boolean }>(
    `INSERT INTO "Incident" ("id", "serviceId", "externalId", "title", "severity", "openedAt", "resolvedAt", "causedByDeployment", "updatedAt")
     SELECT id, s, e, t, sev, ${utcTimestamp("o")}, ${utcTimestamp("r")}, c, CURRENT_TIMESTAMP
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::text[])
       AS x(id, s, e, t, sev, o, r, c)
     ON CONFLICT ("serviceId", "externalId") DO UPDATE SET
       "title" = EXCLUDED."title", "severity" = EXCLUDED."severity", "openedAt" = EXCLUDED."openedAt",
       "resolvedAt" = EXCLUDED."resolvedAt", "causedByDeployment" = EXCLUDED."causedByDeployment", "updatedAt" = CURRENT_TIMESTAMP
     RETURNING (xmax = 0) AS inserted`,
    [
      rows.map(() => randomUUID()),
      ...keys,
      rows.map((r) => r.title ?? null),
      rows.map((r) => r.severity ?? null),
      rows.map((r) => r.openedAt),
      rows.map((r) => r.resolvedAt ?? null),
      rows.map((r) => r.causedByDeployment ?? null),
    ],
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
