import "server-only";
import { randomUUID } from "node:crypto";
import type { SqlRunner } from "@/lib/server/data/runner";
import { epochMs, utcTimestamp, type EventKeys } from "./sql";

/** The stored start and finish of the work items with these (team, externalId) keys, in epoch milliseconds. */
export async function storedWorkItemInstants(
  runner: SqlRunner,
  keys: EventKeys,
): Promise<{ teamId: string; startedAt: number | null; finishedAt: number | null }[]> {
  return runner.query<{ teamId: string; startedAt: number | null; finishedAt: number | null }>(
    `SELECT w."teamId", ${epochMs(`w."startedAt"`)} AS "startedAt", ${epochMs(`w."finishedAt"`)} AS "finishedAt"
     FROM "WorkItem" w JOIN unnest($1::text[], $2::text[]) AS k(t, e) ON w."teamId" = k.t AND w."externalId" = k.e`,
    [keys.ownerIds, keys.externalIds],
  );
}

/** Deletes the work items with these external ids held by teams other than the one given; returns what went. */
export async function deleteWorkItemsElsewhere(
  runner: SqlRunner,
  keys: EventKeys,
): Promise<{ teamId: string; startedAt: number | null; finishedAt: number | null }[]> {
  return runner.query<{ teamId: string; startedAt: number | null; finishedAt: number | null }>(
    `DELETE FROM "WorkItem" w USING unnest($1::text[], $2::text[]) AS k(t, e) WHERE w."externalId" = k.e AND w."teamId" <> k.t
     RETURNING w."teamId", ${epochMs(`w."startedAt"`)} AS "startedAt", ${epochMs(`w."finishedAt"`)} AS "finishedAt"`,
    [keys.ownerIds, keys.externalIds],
  );
}

export interface WorkItemUpsert {
  teamId: string;
  externalId: string;
  /** The stored enum value (FEATURE, DEFECT, RISK, DEBT). */
  type: string;
  title: string | null;
  /** ISO instants. */
  createdAt: string;
  transitions: readonly { status: string; at: string }[];
  startedAt: string | null;
  finishedAt: string | null;
}

/** Inserts or updates work items keyed by (team, externalId), in one statement; `inserted` per row written. */
export async function upsertWorkItems(runner: SqlRunner, rows: readonly WorkItemUpsert[]): Promise<{ inserted: boolean }[]> {
  return runner.query<{ inserted: boolean }>(
    `INSERT INTO "WorkItem" ("id", "teamId", "externalId", "type", "title", "createdAt", "transitions", "startedAt", "finishedAt", "updatedAt")
     SELECT id, t, e, ty::"WorkItemType", ti, ${utcTimestamp("c")}, tr::jsonb, ${utcTimestamp("s")}, ${utcTimestamp("f")}, CURRENT_TIMESTAMP
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::timestamptz[], $9::timestamptz[])
       AS x(id, t, e, ty, ti, c, tr, s, f)
     ON CONFLICT ("teamId", "externalId") DO UPDATE SET
       "type" = EXCLUDED."type", "title" = EXCLUDED."title", "createdAt" = EXCLUDED."createdAt", "transitions" = EXCLUDED."transitions",
       "startedAt" = EXCLUDED."startedAt", "finishedAt" = EXCLUDED."finishedAt", "updatedAt" = CURRENT_TIMESTAMP
     RETURNING (xmax = 0) AS inserted`,
    [
      rows.map(() => randomUUID()),
      rows.map((r) => r.teamId),
      rows.map((r) => r.externalId),
      rows.map((r) => r.type),
      rows.map((r) => r.title),
      rows.map((r) => r.createdAt),
      rows.map((r) => JSON.stringify(r.transitions)),
      rows.map((r) => r.startedAt),
      rows.map((r) => r.finishedAt),
    ],
  );
}
