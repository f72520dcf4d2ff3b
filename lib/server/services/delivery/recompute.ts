import "server-only";
import { computeDeliveryWeekly } from "@/lib/delivery/weekly";
import { weekStartOf } from "@/lib/domain/time";
import { computeFlowWeekly } from "@/lib/flow/weekly";
import {
  loadDeliveryRows,
  loadWorkItemRows,
  nextSuccessAfter,
  previousSuccessBefore,
  servicesByTeam,
} from "@/lib/server/data/events";
import { getOrgSettings } from "@/lib/server/data/org";
import { mapLimited } from "@/lib/domain/async";
import { sqlRunner } from "@/lib/server/db";
import { isEmbedded } from "@/lib/server/env";
import { refreshRollups } from "@/lib/server/services/rollups";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { teamStatusMap } from "@/lib/server/services/ingest/work-items";
import type { AffectedTeams, FlowRange, InstantRange } from "./affected";
import { AI_SHARE_KEY, DELIVERY_KEYS, FLOW_KEYS, aiShareValues, deliveryWeekValues, flowWeekValues, type WeeklyValue } from "./weekly-values";

/**
 * Keeps the computed delivery and flow metric values (MetricValue, source COMPUTED, per team and ISO
 * week) in step with the events. Incremental after an ingest batch: only the teams it touched, only
 * the weeks whose results can change; or everything (after a bulk load, a service re-mapping, a time
 * zone change).
 *
 * Which weeks can change when events around instants [lo, hi] change: a deployment changes what the
 * next successful production deployment ships (its lead times), whether the previous one was remediated
 * or recovered, and which deployment later incidents link to; a pull request changes the week of the
 * deployment that ships it; an incident the week of its deployment. So the weeks run from the last
 * successful production deployment before lo to the first one after hi (over the team's services).
 *
 * Manager-entered values (MANUAL, IMPORT) are never overwritten: they stand in for missing data.
 */
const DAY_MS = 86_400_000;
/** A local week starts at most 7 days and 14 hours (the widest zone offset) before any instant in it. */
const WEEK_FLOOR_MS = 8 * DAY_MS;

export interface RecomputeResult {
  teams: number;
  weeks: number;
  values: number;
}

interface Context {
  runner: SqlRunner;
  timeZone: string;
  currentWeek: string;
}

interface TeamValues {
  teamId: string;
  keys: readonly string[];
  weeks: string[];
  values: WeeklyValue[];
}

async function context(runner: SqlRunner): Promise<Context> {
  const { timeZone } = await getOrgSettings();
  return { runner, timeZone, currentWeek: weekStartOf(new Date(), timeZone) };
}

async function deliveryForRange(ctx: Context, teamId: string, serviceIds: string[], range: InstantRange): Promise<TeamValues> {
  const lo = new Date(range.min);
  const hi = new Date(range.max);
  const [before, after] = await Promise.all([
    previousSuccessBefore(ctx.runner, serviceIds, lo),
    nextSuccessAfter(ctx.runner, serviceIds, hi),
  ]);
  const start = before && before < lo ? before : lo;
  const end = after && after > hi ? after : hi;
  const floor = new Date(start.getTime() - WEEK_FLOOR_MS);
  const loadFrom = (await previousSuccessBefore(ctx.runner, serviceIds, floor)) ?? floor;
  const rows = await loadDeliveryRows(ctx.runner, serviceIds, loadFrom < floor ? loadFrom : floor);
  return deliveryValuesFor(ctx, teamId, rows, weekStartOf(start, ctx.timeZone), weekStartOf(end, ctx.timeZone));
}

async function deliveryForAll(ctx: Context, teamId: string, serviceIds: string[]): Promise<TeamValues | null> {
  const rows = await loadDeliveryRows(ctx.runner, serviceIds, null);
  const instants = [
    ...rows.deployments.map((d) => d.finishedAt.getTime()),
    ...rows.prs.flatMap((p) => (p.mergedAt ? [p.mergedAt.getTime()] : [])),
    ...rows.incidents.map((i) => i.openedAt.getTime()),
  ];
  if (instants.length === 0) return null;
  const first = weekStartOf(new Date(Math.min(...instants)), ctx.timeZone);
  const last = weekStartOf(new Date(Math.max(...instants)), ctx.timeZone);
  return deliveryValuesFor(ctx, teamId, rows, first, last > ctx.currentWeek ? last : ctx.currentWeek);
}

function deliveryValuesFor(
  ctx: Context,
  teamId: string,
  rows: Awaited<ReturnType<typeof loadDeliveryRows>>,
  fromWeek: string,
  toWeek: string,
): TeamValues {
  const weekly = computeDeliveryWeekly({ ...rows, fromWeek, toWeek, timeZone: ctx.timeZone });
  const weeks = weekly.map((w) => w.weekStart);
  const values = [...weekly.flatMap(deliveryWeekValues), ...aiShareValues(rows.prs, new Set(weeks), ctx.timeZone)];
  return { teamId, keys: [...DELIVERY_KEYS, AI_SHARE_KEY], weeks, values };
}

async function statusMapping(ctx: Context, teamId: string) {
  const rows = await ctx.runner.query<{ statusMap: unknown }>(`SELECT "statusMap" FROM "Team" WHERE "id" = $1`, [teamId]);
  return teamStatusMap(rows[0]?.statusMap);
}

async function flowForRange(ctx: Context, teamId: string, range: FlowRange): Promise<TeamValues> {
  const fromWeek = weekStartOf(new Date(range.min), ctx.timeZone);
  const lastTouched = weekStartOf(new Date(range.max), ctx.timeZone);
  const toWeek = range.open && ctx.currentWeek > lastTouched ? ctx.currentWeek : lastTouched;
  const items = await loadWorkItemRows(ctx.runner, [teamId], new Date(range.min - WEEK_FLOOR_MS));
  const weekly = computeFlowWeekly({ items, timeZone: ctx.timeZone, statusMapping: await statusMapping(ctx, teamId), fromWeek, toWeek });
  return { teamId, keys: FLOW_KEYS, weeks: weekly.map((w) => w.weekStart), values: weekly.flatMap(flowWeekValues) };
}

async function flowForAll(ctx: Context, teamId: string): Promise<TeamValues | null> {
  const items = await loadWorkItemRows(ctx.runner, [teamId], null);
  if (items.length === 0) return null;
  const first = weekStartOf(new Date(Math.min(...items.map((i) => i.createdAt.getTime()))), ctx.timeZone);
  const weekly = computeFlowWeekly({
    items,
    timeZone: ctx.timeZone,
    statusMapping: await statusMapping(ctx, teamId),
    fromWeek: first,
    toWeek: ctx.currentWeek > first ? ctx.currentWeek : first,
  });
  return { teamId, keys: FLOW_KEYS, weeks: weekly.map((w) => w.weekStart), values: weekly.flatMap(flowWeekValues) };
}

const WRITE_BATCH = 5000;
/**
 * Teams computed at once: on PostgreSQL one team's queries overlap another's computation (the pool has
 * connections to spare); the embedded database runs one statement at a time anyway.
 */
const TEAM_CONCURRENCY = isEmbedded ? 1 : 4;

/**
 * Writes each team's values for its keys and weeks, touching only what changed: a value that differs is
 * upserted, a computed value no longer produced is deleted, equal values are left alone; then the roll-ups
 * of the changed (metric, week) pairs are rewritten. Manager-entered values (MANUAL, IMPORT) are kept.
 */
async function writeValues(runner: SqlRunner, all: readonly TeamValues[]): Promise<RecomputeResult> {
  const keys = [...new Set(all.flatMap((t) => t.keys))];
  if (keys.length === 0) return { teams: 0, weeks: 0, values: 0 };
  const metrics = await runner.query<{ id: string; key: string }>(`SELECT "id", "key" FROM "MetricDefinition" WHERE "key" = ANY($1::text[])`, [keys]);
  const metricId = new Map(metrics.map((m) => [m.key, m.id]));
  const rows = all.flatMap((t) => t.values.filter((v) => metricId.has(v.key)).map((v) => ({ ...v, teamId: t.teamId })));
  const allWeeks = [...new Set(all.flatMap((t) => t.weeks))];
  const changed = new Set<string>();
  const note = (r: { metricId: string; week: string }) => changed.add(`${r.metricId}|${r.week}`);

  await runner.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      const batch = rows.slice(i, i + WRITE_BATCH);
      const written = await tx.query<{ metricId: string; week: string }>(
        `INSERT INTO "MetricValue" AS v ("metricId", "teamId", "weekStart", "value", "numerator", "denominator", "source", "updatedAt")
         SELECT m, t, w, x.v, n, d, 'COMPUTED'::"ValueSource", CURRENT_TIMESTAMP
         FROM unnest($1::text[], $2::text[], $3::date[], $4::float8[], $5::float8[], $6::float8[]) AS x(m, t, w, v, n, d)
         ON CONFLICT ("metricId", "teamId", "weekStart") DO UPDATE
           SET "value" = EXCLUDED."value", "numerator" = EXCLUDED."numerator", "denominator" = EXCLUDED."denominator",
               "source" = 'COMPUTED', "note" = NULL, "enteredById" = NULL, "importId" = NULL,
               "version" = v."version" + 1, "updatedAt" = CURRENT_TIMESTAMP
           WHERE v."source" NOT IN ('MANUAL', 'IMPORT')
             AND (v."source" <> 'COMPUTED' OR (v."value", v."numerator", v."denominator") IS DISTINCT FROM (EXCLUDED."value", EXCLUDED."numerator", EXCLUDED."denominator"))
         RETURNING v."metricId", to_char(v."weekStart", 'YYYY-MM-DD') AS week`,
        [
          batch.map((r) => metricId.get(r.key) as string),
          batch.map((r) => r.teamId),
          batch.map((r) => r.week),
          batch.map((r) => r.value),
          batch.map((r) => r.numerator),
          batch.map((r) => r.denominator),
        ],
      );
      written.forEach(note);
    }
    for (const t of all) {
      if (t.weeks.length === 0) continue;
      const produced = t.values.filter((v) => metricId.has(v.key));
      const removed = await tx.query<{ metricId: string; week: string }>(
        `DELETE FROM "MetricValue" v
         WHERE v."teamId" = $1 AND v."metricId" = ANY($2::text[]) AND v."weekStart" = ANY($3::date[]) AND v."source" NOT IN ('MANUAL', 'IMPORT')
           AND NOT EXISTS (SELECT 1 FROM unnest($4::text[], $5::date[]) AS p(m, w) WHERE p.m = v."metricId" AND p.w = v."weekStart")
         RETURNING v."metricId", to_char(v."weekStart", 'YYYY-MM-DD') AS week`,
        [t.teamId, t.keys.flatMap((k) => metricId.get(k) ?? []), t.weeks, produced.map((v) => metricId.get(v.key) as string), produced.map((v) => v.week)],
      );
      removed.forEach(note);
    }
  });
  // Not inside the transaction above: the roll-up refresh reads the group tree through Prisma, which on
  // the embedded database waits for the one connection a raw transaction holds.
  if (changed.size > 0) {
    const pairs = [...changed].map((k) => k.split("|") as [string, string]);
    await refreshRollups({ metricIds: [...new Set(pairs.map(([m]) => m))], weeks: [...new Set(pairs.map(([, w]) => w))] });
  }
  return { teams: new Set(all.map((t) => t.teamId)).size, weeks: allWeeks.length, values: rows.length };
}

/** Recomputes what an ingest batch touched (call after its transaction committed). */
export async function recomputeAffected(affected: AffectedTeams): Promise<RecomputeResult> {
  if (affected.isEmpty) return { teams: 0, weeks: 0, values: 0 };
  const ctx = await context(await sqlRunner());
  const services = await servicesByTeam(ctx.runner, [...affected.delivery.keys()]);
  const delivery = [...affected.delivery].filter(([teamId]) => (services.get(teamId) ?? []).length > 0);
  const work = [
    ...(await mapLimited(delivery, TEAM_CONCURRENCY, ([teamId, range]) => deliveryForRange(ctx, teamId, services.get(teamId) ?? [], range))),
    ...(await mapLimited([...affected.flow], TEAM_CONCURRENCY, ([teamId, range]) => flowForRange(ctx, teamId, range))),
  ];
  return writeValues(ctx.runner, work);
}

/** Recomputes every week of the given teams (all teams when omitted) from their whole event history. */
export async function recomputeTeams(teamIds?: readonly string[]): Promise<RecomputeResult> {
  const ctx = await context(await sqlRunner());
  const services = await servicesByTeam(ctx.runner, teamIds ?? null);
  const flowTeams = teamIds ?? (await ctx.runner.query<{ teamId: string }>(`SELECT DISTINCT "teamId" FROM "WorkItem"`)).map((r) => r.teamId);
  const delivery = await mapLimited([...services], TEAM_CONCURRENCY, ([teamId, serviceIds]) => deliveryForAll(ctx, teamId, serviceIds));
  const flow = await mapLimited(flowTeams, TEAM_CONCURRENCY, (teamId) => flowForAll(ctx, teamId));
  return writeValues(ctx.runner, [...delivery, ...flow].filter((t): t is TeamValues => t !== null));
}
