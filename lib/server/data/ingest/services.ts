import "server-only";
import { randomUUID } from "node:crypto";
import type { SqlRunner } from "@/lib/server/data/runner";
import { epochMs } from "./sql";

/** Teams and services as an ingest batch resolves them, on the batch's runner. */

/** Teams among `slugs`, with their id. */
export async function teamsBySlug(runner: SqlRunner, slugs: readonly string[]): Promise<{ id: string; slug: string }[]> {
  return runner.query<{ id: string; slug: string }>(`SELECT "id", "slug" FROM "Team" WHERE "slug" = ANY($1::text[])`, [slugs]);
}

/** Services among `names`, with their team (null while unassigned). */
export async function servicesByName(runner: SqlRunner, names: readonly string[]): Promise<{ id: string; name: string; teamId: string | null }[]> {
  return runner.query<{ id: string; name: string; teamId: string | null }>(`SELECT "id", "name", "teamId" FROM "Service" WHERE "name" = ANY($1::text[])`, [names]);
}

/** Creates the named services (a name taken meanwhile is left as it is). */
export async function insertServices(runner: SqlRunner, services: readonly { name: string; teamId: string | null }[]): Promise<void> {
  await runner.query(
    `INSERT INTO "Service" ("id", "name", "teamId")
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT ("name") DO NOTHING`,
    [services.map(() => randomUUID()), services.map((s) => s.name), services.map((s) => s.teamId)],
  );
}

/** Attaches each service to its team, if it still has none. */
export async function attachServicesToTeams(runner: SqlRunner, pairs: readonly { serviceId: string; teamId: string }[]): Promise<void> {
  await runner.query(
    `UPDATE "Service" s SET "teamId" = a.team_id
     FROM unnest($1::text[], $2::text[]) AS a(id, team_id)
     WHERE s."id" = a.id AND s."teamId" IS NULL`,
    [pairs.map((p) => p.serviceId), pairs.map((p) => p.teamId)],
  );
}

/**
 * Per service, the first and last instant of its delivery events (deployment finishes, merges, incidents opened
 * and resolved), in epoch milliseconds; services without events are left out.
 */
export async function eventBoundsOfServices(runner: SqlRunner, serviceIds: readonly string[]): Promise<{ serviceId: string; first: number; last: number }[]> {
  if (serviceIds.length === 0) return [];
  return runner.query<{ serviceId: string; first: number; last: number }>(
    `SELECT "serviceId", ${epochMs("min(t)")} AS "first", ${epochMs("max(t)")} AS "last" FROM (
       SELECT "serviceId", "finishedAt" AS t FROM "Deployment" WHERE "serviceId" = ANY($1::text[])
       UNION ALL SELECT "serviceId", "mergedAt" FROM "PullRequest" WHERE "serviceId" = ANY($1::text[]) AND "mergedAt" IS NOT NULL
       UNION ALL SELECT "serviceId", "openedAt" FROM "Incident" WHERE "serviceId" = ANY($1::text[])
       UNION ALL SELECT "serviceId", "resolvedAt" FROM "Incident" WHERE "serviceId" = ANY($1::text[]) AND "resolvedAt" IS NOT NULL
     ) e GROUP BY 1`,
    [serviceIds],
  );
}
