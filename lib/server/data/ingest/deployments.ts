import "server-only";
import { listsCommits } from "@/lib/server/data/delivery/predicates";
import { randomUUID } from "node:crypto";
import type { SqlRunner } from "@/lib/server/data/runner";
import { epochMs, utcTimestamp, type EventKeys } from "./sql";

/**
 * The finish of the stored deployments with these (service, externalId) keys, in epoch milliseconds, and the
 * commits each listed (with its own; none when it listed none): what writing them again can move.
 */
export async function storedDeploymentFinishes(runner: SqlRunner, keys: EventKeys): Promise<{ serviceId: string; finishedAt: number; shas: string[] }[]> {
  return runner.query<{ serviceId: string; finishedAt: number; shas: string[] }>(
    `SELECT d."serviceId", ${epochMs(`d."finishedAt"`)} AS "finishedAt",
            CASE WHEN coalesce(cardinality(d."commits"), 0) > 0 THEN array_append(d."commits", d."commitSha") ELSE ARRAY[]::text[] END AS "shas"
     FROM "Deployment" d JOIN unnest($1::text[], $2::text[]) AS k(s, e) ON d."serviceId" = k.s AND d."externalId" = k.e`,
    [keys.ownerIds, keys.externalIds],
  );
}

/**
 * Finish instants of the teams' deployments that list one of `shas` (or are one): writing a pull request merged
 * as one of them moves what those deployments ship.
 */
export async function finishesListingShas(runner: SqlRunner, teamIds: readonly string[], shas: readonly string[]): Promise<{ teamId: string; finishedAt: number }[]> {
  if (teamIds.length === 0 || shas.length === 0) return [];
  return runner.query<{ teamId: string; finishedAt: number }>(
    `SELECT s."teamId", ${epochMs(`d."finishedAt"`)} AS "finishedAt"
     FROM "Service" s JOIN "Deployment" d ON d."serviceId" = s."id"
     WHERE s."teamId" = ANY($1::text[]) AND ${listsCommits("d")}
       AND (d."commitSha" = ANY($2::text[]) OR d."commits" && $2::text[])`,
    [teamIds, shas],
  );
}

/**
 * The teams among `teamIds` with a deployment that lists the commits it ships. Most teams have none; for
 * them nothing ships by list, and what a write moves stays around its own instants. (Through the partial index
 * of listing deployments: one empty probe per service.)
 */
export async function teamsListingCommits(runner: SqlRunner, teamIds: readonly string[]): Promise<Set<string>> {
  if (teamIds.length === 0) return new Set();
  const rows = await runner.query<{ teamId: string }>(
    `SELECT DISTINCT s."teamId" FROM "Service" s
     WHERE s."teamId" = ANY($1::text[]) AND EXISTS (SELECT 1 FROM "Deployment" d WHERE d."serviceId" = s."id" AND ${listsCommits("d")})`,
    [teamIds],
  );
  return new Set(rows.map((r) => r.teamId));
}

export interface DeploymentUpsert {
  serviceId: string;
  externalId: string;
  environment: string;
  status: string;
  kind: string;
  /** ISO instants. */
  startedAt: string | null;
  finishedAt: string;
  commitSha: string;
  commits: readonly string[] | null;
}

/** Inserts or updates deployments keyed by (service, externalId), in one statement; `inserted` per row written. */
export async function upsertDeployments(runner: SqlRunner, rows: readonly DeploymentUpsert[]): Promise<{ inserted: boolean }[]> {
  return runner.query<{ inserted: boolean }>(
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
      rows.map((r) => r.startedAt),
      rows.map((r) => r.finishedAt),
      rows.map((r) => r.commitSha),
      rows.map((r) => (r.commits ? JSON.stringify(r.commits) : null)),
    ],
  );
}
