import "server-only";
import { randomUUID } from "node:crypto";
import type { SqlRunner } from "@/lib/server/data/runner";

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
