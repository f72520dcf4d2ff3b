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

/** One team's services and the instants its changed events span. */
export interface TeamSpan {
  teamId: string;
  serviceIds: readonly string[];
  lo: Date;
  hi: Date;
}

/** Where a team's recompute runs and where its read of events starts (see `chainSpansByTeam`). */
export interface ChainSpan {
  start: Date;
  end: Date;
  floor: Date;
  loadFrom: Date;
}

/**
 * Per team, in one statement (three look-ups, the third depending on the first, in one round trip):
 * - `start`: the latest successful production deployment before `lo`, the earliest over the services that have
 *   one (as `previousSuccessBeforeByTeam`), or `lo` when none has;
 * - `end`: the first successful production deployment after `hi`, the latest over the services that have one,
 *   or `hi`;
 * - `floor`: `floorMs` before `start`;
 * - `loadFrom`: the latest successful production deployment before `floor`, the earliest over the services, or
 *   `floor` when none has one (the read's first deployment then knows what it ships).
 */
export async function chainSpansByTeam(runner: SqlRunner, entries: readonly TeamSpan[], floorMs: number): Promise<Map<string, ChainSpan>> {
  if (entries.length === 0) return new Map();
  const [teams, services, lo] = perService(entries.map((e) => ({ teamId: e.teamId, serviceIds: e.serviceIds, at: e.lo })));
  const hi = entries.flatMap((e) => e.serviceIds.map(() => e.hi.toISOString()));
  const latestBefore = (service: string, instant: string) =>
    `(SELECT max(d."finishedAt") AS "at" FROM "Deployment" d
      WHERE d."serviceId" = ${service} AND ${successfulProduction("d")} AND d."finishedAt" < ${instant})`;
  // least/greatest and min/max skip nulls: a service with no such deployment takes no part.
  const rows = await runner.query<{ teamId: string; start: number; end: number; floor: number; loadFrom: number }>(
    `WITH s AS (
       SELECT x."teamId", x."serviceId", x."lo" AT TIME ZONE 'UTC' AS "lo", x."hi" AT TIME ZONE 'UTC' AS "hi"
       FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS x("teamId", "serviceId", "lo", "hi")
     ), ends AS (
       SELECT s."teamId", least(min(s."lo"), min(b."at")) AS "start", greatest(max(s."hi"), max(a."at")) AS "end"
       FROM s
       CROSS JOIN LATERAL ${latestBefore(`s."serviceId"`, `s."lo"`)} b
       CROSS JOIN LATERAL (SELECT min(d."finishedAt") AS "at" FROM "Deployment" d
         WHERE d."serviceId" = s."serviceId" AND ${successfulProduction("d")} AND d."finishedAt" > s."hi") a
       GROUP BY s."teamId"
     ), floors AS (
       SELECT e.*, e."start" - $5::float8 * interval '1 millisecond' AS "floor" FROM ends e
     )
     SELECT f."teamId", ${ms(`f."start"`)} AS "start", ${ms(`f."end"`)} AS "end", ${ms(`f."floor"`)} AS "floor",
       ${ms(`least(f."floor", min(p."at"))`)} AS "loadFrom"
     FROM floors f
     JOIN s ON s."teamId" = f."teamId"
     CROSS JOIN LATERAL ${latestBefore(`s."serviceId"`, `f."floor"`)} p
     GROUP BY f."teamId", f."start", f."end", f."floor"`,
    [teams, services, lo, hi, floorMs],
  );
  return new Map(rows.map((r) => [r.teamId, { start: new Date(r.start), end: new Date(r.end), floor: new Date(r.floor), loadFrom: new Date(r.loadFrom) }]));
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
