import "server-only";
import { epochMs as ms } from "@/lib/server/data/ingest/sql";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { perService, SERVICES } from "./per-service";
import { listsCommits, successfulProduction } from "./predicates";

/**
 * Where a read of delivery events must start: each service's chain of successful production deployments (the
 * one before an instant, the one after it, the first listing a commit), so the first deployment read knows
 * what it ships.
 */

/** One team's services and an instant to look around. */
export interface TeamInstant {
  teamId: string;
  serviceIds: readonly string[];
  at: Date;
}

/**
 * Per team: finish of the latest successful production deployment before its instant, the earliest over
 * its services that have one (null when none has). A service without one starts its chain after the
 * instant, so it needs nothing earlier; the others' predecessors must not be lost because of it.
 */
export async function previousSuccessBeforeByTeam(runner: SqlRunner, entries: readonly TeamInstant[]): Promise<Map<string, Date | null>> {
  const rows = await runner.query<{ teamId: string; at: number | null }>(
    `SELECT s."teamId", ${ms(`(SELECT max(d."finishedAt") FROM "Deployment" d
       WHERE d."serviceId" = s."serviceId" AND ${successfulProduction("d")} AND d."finishedAt" < (s."since" AT TIME ZONE 'UTC'))`)} AS "at"
     FROM ${SERVICES}`,
    [...perService(entries)],
  );
  const out = new Map<string, Date | null>(entries.map((e) => [e.teamId, null]));
  for (const r of rows) {
    const current = out.get(r.teamId) ?? null;
    if (r.at !== null && (current === null || r.at < current.getTime())) out.set(r.teamId, new Date(r.at));
  }
  return out;
}

/**
 * Per team: finish of the first successful production deployment after its instant, the latest over its
 * services (null when none has one).
 */
export async function nextSuccessAfterByTeam(runner: SqlRunner, entries: readonly TeamInstant[]): Promise<Map<string, Date | null>> {
  const rows = await runner.query<{ teamId: string; at: number | null }>(
    `SELECT s."teamId", ${ms(`(SELECT min(d."finishedAt") FROM "Deployment" d
       WHERE d."serviceId" = s."serviceId" AND ${successfulProduction("d")} AND d."finishedAt" > (s."since" AT TIME ZONE 'UTC'))`)} AS "at"
     FROM ${SERVICES}`,
    [...perService(entries)],
  );
  const out = new Map<string, Date | null>(entries.map((e) => [e.teamId, null]));
  for (const r of rows) {
    const current = out.get(r.teamId) ?? null;
    if (r.at !== null && (current === null || r.at > current.getTime())) out.set(r.teamId, new Date(r.at));
  }
  return out;
}

/** Finish of the latest successful production deployment before `before`, the earliest over the services that have one. */
export async function previousSuccessBefore(runner: SqlRunner, serviceIds: readonly string[], before: Date): Promise<Date | null> {
  if (serviceIds.length === 0) return null;
  return (await previousSuccessBeforeByTeam(runner, [{ teamId: "", serviceIds, at: before }])).get("") ?? null;
}

/**
 * Finish of the first successful production deployment of `serviceIds` that lists commits and lists `sha` (or is
 * that commit), whenever it finished: with clock skew a deployment may finish before the merge it ships.
 */
export async function firstListingOf(runner: SqlRunner, serviceIds: readonly string[], sha: string): Promise<Date | null> {
  if (serviceIds.length === 0) return null;
  const [row] = await runner.query<{ at: number | null }>(
    `SELECT ${ms(`min(d."finishedAt")`)} AS "at" FROM "Deployment" d
     WHERE d."serviceId" = ANY($1::text[]) AND ${successfulProduction("d")} AND ${listsCommits("d")}
       AND (d."commitSha" = $2 OR $2 = ANY(d."commits"))`,
    [[...serviceIds], sha],
  );
  return row?.at === null || row?.at === undefined ? null : new Date(row.at);
}
