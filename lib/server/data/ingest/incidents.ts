import "server-only";
import { randomUUID } from "node:crypto";
import type { SqlRunner } from "@/lib/server/data/runner";
import { epochMs, utcTimestamp, type EventKeys } from "./sql";

/**
 * The stored incidents with these (service, externalId) keys: their opening and resolution and the finish of the
 * deployment they name, in epoch milliseconds.
 */
export async function storedIncidentInstants(
  runner: SqlRunner,
  keys: EventKeys,
): Promise<{ serviceId: string; openedAt: number; resolvedAt: number | null; causeFinishedAt: number | null }[]> {
  return runner.query<{ serviceId: string; openedAt: number; resolvedAt: number | null; causeFinishedAt: number | null }>(
    `SELECT i."serviceId", ${epochMs(`i."openedAt"`)} AS "openedAt", ${epochMs(`i."resolvedAt"`)} AS "resolvedAt",
            ${epochMs(`d."finishedAt"`)} AS "causeFinishedAt"
     FROM "Incident" i JOIN unnest($1::text[], $2::text[]) AS k(s, e) ON i."serviceId" = k.s AND i."externalId" = k.e
     LEFT JOIN "Deployment" d ON d."serviceId" = i."serviceId" AND d."externalId" = i."causedByDeployment"`,
    [keys.ownerIds, keys.externalIds],
  );
}

export interface IncidentUpsert {
  serviceId: string;
  externalId: string;
  title: string | null;
  severity: string | null;
  /** ISO instants. */
  openedAt: string;
  resolvedAt: string | null;
  causedByDeployment: string | null;
}

/** Inserts or updates incidents keyed by (service, externalId), in one statement; `inserted` per row written. */
export async function upsertIncidents(runner: SqlRunner, rows: readonly IncidentUpsert[]): Promise<{ inserted: boolean }[]> {
  return runner.query<{ inserted: boolean }>(
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
      rows.map((r) => r.serviceId),
      rows.map((r) => r.externalId),
      rows.map((r) => r.title),
      rows.map((r) => r.severity),
      rows.map((r) => r.openedAt),
      rows.map((r) => r.resolvedAt),
      rows.map((r) => r.causedByDeployment),
    ],
  );
}
