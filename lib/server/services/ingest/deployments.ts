import "server-only";
import { randomUUID } from "node:crypto";
import type { AffectedTeams } from "@/lib/server/services/delivery/affected";
import type { SqlRunner } from "@/lib/server/sql-runner";
import type { DeploymentInput } from "@/lib/validation/ingest";
import { epochMs, fromEpoch, utcTimestamp, type IngestResult } from "./batch";
import { lastPerKey, resolveServices } from "./services";

/**
 * Upserts a batch of deployments in one statement, keyed by (service, externalId): resending a
 * deployment updates it. Records the teams and instants touched (old and new finish) for the recompute.
 */
export async function writeDeployments(tx: SqlRunner, items: readonly DeploymentInput[], affected: AffectedTeams): Promise<IngestResult> {
  const services = await resolveServices(tx, items.map((d, index) => ({ index, service: d.service, team: d.team })));
  const rows = lastPerKey(
    items.map((d, index) => ({ ...d, index, serviceId: (services.get(d.service) as { id: string }).id })),
    (d) => `${d.serviceId}\u0000${d.externalId}`,
  );

  const previous = await tx.query<{ serviceId: string; finishedAt: number }>(
    `SELECT d."serviceId", ${epochMs(`d."finishedAt"`)} AS "finishedAt"
     FROM "Deployment" d JOIN unnest($1::text[], $2::text[]) AS k(s, e) ON d."serviceId" = k.s AND d."externalId" = k.e`,
    [rows.map((r) => r.serviceId), rows.map((r) => r.externalId)],
  );

  const written = await tx.query<{ inserted: boolean }>(
    `INSERT INTO "Deployment" ("id", "serviceId", "externalId", "environment", "status", "kind", "startedAt", "finishedAt", "commitSha", "commits", "updatedAt")
     SELECT id, s, e, env, st, k, ${utcTimestamp("sa")}, ${utcTimestamp("fa")}, sha,
            CASE WHEN c IS NULL THEN ARRAY[]::text[] ELSE ARRAY(SELECT jsonb_array_elements_text(c::jsonb)) END, CURRENT_TIMESTAMP
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::text[], $10::text[])
       AS x(id, s, e, env, st, k, sa, fa, sha, c)
     ON CONFLICT ("serviceId", "externalId") DO UPDATE SET
       "environment" = EXCLUDED."environment", "status" = EXCLUDED."status", "kind" = EXCLUDED."kind",
       "startedAt" = EXCLUDED."startedAt", "finishedAt" = EXCLUDED."finishedAt", "commitSha" = EXCLUDED."commitSha",
       "commits" = EXCLUDED."commits", "updatedAt" = CURRENT_TIMESTAMP
     RETURNING (xmax = 0) AS inserted`,
    [
      rows.map(() => randomUUID()),
      rows.map((r) => r.serviceId),
      rows.map((r) => r.externalId),
      rows.map((r) => r.environment),
      rows.map((r) => r.status),
      rows.map((r) => r.kind),
      rows.map((r) => r.startedAt ?? null),
      rows.map((r) => r.finishedAt),
      rows.map((r) => r.commitSha),
      rows.map((r) => (r.commits ? JSON.stringify(r.commits) : null)),
    ],
  );

  const teamOf = new Map([...services.values()].map((s) => [s.id, s.teamId]));
  for (const r of rows) affected.addDelivery(teamOf.get(r.serviceId) ?? null, [new Date(r.finishedAt)]);
  for (const p of previous) affected.addDelivery(teamOf.get(p.serviceId) ?? null, [fromEpoch(p.finishedAt)]);

  const created = written.filter((w) => w.inserted).length;
  return {
    received: items.length,
    created,
    updated: written.length - created,
    unassignedServices: [...services.entries()].filter(([, s]) => s.teamId === null).map(([name]) => name),
  };
}
