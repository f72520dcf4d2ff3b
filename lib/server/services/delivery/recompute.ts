import "server-only";
import { computeDeliveryWeekly } from "@/lib/delivery/weekly";
import { weekStartOf, weeksBetween } from "@/lib/domain/time";
import { computeFlowWeekly } from "@/lib/flow/weekly";
import { chainSpansByTeam, type ChainSpan } from "@/lib/server/data/delivery/chain";
import { loadDeliveryRowsByTeam, loadWorkItemRowsByTeam, servicesByTeam, type DeliveryRows } from "@/lib/server/data/events";
import { writeComputed } from "@/lib/server/data/metric-value-writer/computed";
import { getOrgSettings } from "@/lib/server/data/org";
import { mapLimited } from "@/lib/domain/async";
import { metricIdsOfKeys } from "@/lib/server/data/delivery/metrics";
import { deliveryEventWeeks, deliveryWeeklyValues, type DeliveryWeeksRequest, type WeeklyValueRow } from "@/lib/server/data/delivery/weekly";
import { teamIdsWithWorkItems, teamStatusMapRows } from "@/lib/server/data/delivery/teams";
import { openSql } from "@/lib/server/data/runner";
import { isEmbedded } from "@/lib/server/env";
import { refreshRollups } from "@/lib/server/services/rollups";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { teamStatusMap } from "@/lib/server/services/ingest/work-items";
import type { AffectedTeams, FlowRange, InstantRange } from "./affected";
import { AI_SHARE_KEY, DELIVERY_KEYS, FLOW_KEYS, aiShareValues, deliveryWeekValues, flowWeekValues, type WeeklyValue } from "@/lib/delivery/weekly-values";

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

/**
 * Where the delivery values are computed: `sql` in the database, set-based (lib/server/data/delivery/weekly.ts);
 * `memory` by the pure functions over the loaded events (lib/delivery/weekly.ts). Both give the same values
 * (recompute.int.test.ts compares them on random histories). Flow values are always computed in memory: a
 * work item's timeline walks its status transitions in order.
 */
export type RecomputeEngine = "sql" | "memory";

/** The database, on PostgreSQL and on the embedded database alike (measured faster on both). */
const DEFAULT_ENGINE: RecomputeEngine = "sql";

interface Context {
  runner: SqlRunner;
  timeZone: string;
  currentWeek: string;
  engine: RecomputeEngine;
}

interface TeamValues {
  teamId: string;
  keys: readonly string[];
  weeks: string[];
  values: WeeklyValue[];
  /**
   * A recompute of the team's whole history: its computed values of `keys` in any week it did not produce go,
   * not only those between its first and last week (events that moved to another team took their weeks along).
   */
  wholeHistory?: boolean;
}

/** The bounds a whole-history write clears outside what it produced. */
const FIRST_WEEK = "0001-01-01";
const LAST_WEEK = "9999-12-27";

async function context(runner: SqlRunner, now: Date, engine: RecomputeEngine): Promise<Context> {
  const { timeZone } = await getOrgSettings();
  return { runner, timeZone, currentWeek: weekStartOf(now, timeZone), engine };
}

/** Teams whose events are loaded together: four queries per chunk, and a bounded amount of rows in memory. */
const TEAM_CHUNK = 25;
/**
 * Teams whose delivery values of a batch's weeks the database computes in one statement: their events stay in
 * the database, and each statement costs a look-up of where the teams' chains start and end and its planning. A
 * batch that touched all 250 teams of the large benchmark dataset took 120–160 ms in two statements side by
 * side, 180–210 ms in ten of 25 teams and 220–250 ms in one.
 */
const SQL_TEAM_CHUNK = 125;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface DeliveryRange {
  teamId: string;
  serviceIds: string[];
  range: InstantRange;
}

/** Each team's weeks from the last successful production deployment before its range to the first after it. */
async function deliveryForRanges(ctx: Context, entries: readonly DeliveryRange[]): Promise<TeamValues[]> {
  const chain = await chainSpansByTeam(ctx.runner, entries.map((e) => ({ teamId: e.teamId, serviceIds: e.serviceIds, lo: new Date(e.range.min), hi: new Date(e.range.max) })), WEEK_FLOOR_MS);
  const spans = entries.map((e) => ({ ...e, ...(chain.get(e.teamId) as ChainSpan) }));
  // Values are kept from the first week on: the floor is before it.
  if (ctx.engine === "sql") {
    return deliveryInDatabase(ctx, spans.map((s) => ({
      teamId: s.teamId, serviceIds: s.serviceIds, since: s.loadFrom, keptFrom: s.floor,
      fromWeek: weekStartOf(s.start, ctx.timeZone), toWeek: weekStartOf(s.end, ctx.timeZone),
    })));
  }
  const rows = await loadDeliveryRowsByTeam(ctx.runner, spans.map((s) => ({ teamId: s.teamId, serviceIds: s.serviceIds, from: s.loadFrom, keptFrom: s.floor })));
  return spans.map((s) => deliveryValuesFor(ctx, s.teamId, rows.get(s.teamId) as DeliveryRows, weekStartOf(s.start, ctx.timeZone), weekStartOf(s.end, ctx.timeZone)));
}

/** Every week of each team's event history. */
async function deliveryForAll(ctx: Context, teams: readonly { teamId: string; serviceIds: string[] }[]): Promise<TeamValues[]> {
  if (ctx.engine === "sql") {
    const bounds = await deliveryEventWeeks(ctx.runner, teams, ctx.timeZone);
    return deliveryInDatabase(ctx, teams.flatMap(({ teamId, serviceIds }) => {
      const b = bounds.get(teamId);
      return b ? [{ teamId, serviceIds, since: null, fromWeek: b.first, toWeek: b.last > ctx.currentWeek ? b.last : ctx.currentWeek }] : [];
    }));
  }
  const rows = await loadDeliveryRowsByTeam(ctx.runner, teams.map((t) => ({ ...t, from: null })));
  return teams.flatMap(({ teamId }) => {
    const team = rows.get(teamId) as DeliveryRows;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    const see = (t: number) => {
      if (t < min) min = t;
      if (t > max) max = t;
    };
    for (const d of team.deployments) see(d.finishedAt.getTime());
    for (const p of team.prs) if (p.mergedAt) see(p.mergedAt.getTime());
    for (const i of team.incidents) see(i.openedAt.getTime());
    if (min === Number.POSITIVE_INFINITY) return [];
    const first = weekStartOf(new Date(min), ctx.timeZone);
    const last = weekStartOf(new Date(max), ctx.timeZone);
    return [deliveryValuesFor(ctx, teamId, team, first, last > ctx.currentWeek ? last : ctx.currentWeek)];
  });
}

const DELIVERY_VALUE_KEYS = [...DELIVERY_KEYS, AI_SHARE_KEY];

/** The same values as `deliveryValuesFor`, computed by the database. */
async function deliveryInDatabase(ctx: Context, requests: readonly DeliveryWeeksRequest[]): Promise<TeamValues[]> {
  const rows = await deliveryWeeklyValues(ctx.runner, requests, ctx.timeZone);
  const byTeam = new Map<string, WeeklyValueRow[]>();
  for (const r of rows) {
    const list = byTeam.get(r.teamId);
    if (list) list.push(r);
    else byTeam.set(r.teamId, [r]);
  }
  return requests.map((r) => ({
    teamId: r.teamId,
    keys: DELIVERY_VALUE_KEYS,
    weeks: weeksBetween(r.fromWeek, r.toWeek),
    values: (byTeam.get(r.teamId) ?? []).map(({ key, week, value, numerator, denominator }) => ({ key, week, value, numerator, denominator })),
  }));
}

function deliveryValuesFor(ctx: Context, teamId: string, rows: DeliveryRows, fromWeek: string, toWeek: string): TeamValues {
  const weekly = computeDeliveryWeekly({ ...rows, fromWeek, toWeek, timeZone: ctx.timeZone });
  const weeks = weekly.map((w) => w.weekStart);
  const values = [...weekly.flatMap(deliveryWeekValues), ...aiShareValues(rows.prs, new Set(weeks), ctx.timeZone, rows.aiLabelled)];
  return { teamId, keys: DELIVERY_VALUE_KEYS, weeks, values };
}

async function statusMappings(ctx: Context, teamIds: readonly string[]) {
  const rows = await teamStatusMapRows(ctx.runner, teamIds);
  return new Map(rows.map((r) => [r.id, teamStatusMap(r.statusMap)]));
}

/** Flow values of the weeks each team's touched items can change (up to now while one is unfinished). */
async function flowForRanges(ctx: Context, entries: readonly (readonly [string, FlowRange])[]): Promise<TeamValues[]> {
  const teamIds = entries.map(([teamId]) => teamId);
  const [items, mappings] = await Promise.all([
    loadWorkItemRowsByTeam(ctx.runner, entries.map(([teamId, range]) => ({ teamId, from: new Date(range.min - WEEK_FLOOR_MS) }))),
    statusMappings(ctx, teamIds),
  ]);
  return entries.map(([teamId, range]) => {
    const fromWeek = weekStartOf(new Date(range.min), ctx.timeZone);
    const lastTouched = weekStartOf(new Date(range.max), ctx.timeZone);
    const toWeek = range.open && ctx.currentWeek > lastTouched ? ctx.currentWeek : lastTouched;
    const weekly = computeFlowWeekly({ items: items.get(teamId) ?? [], timeZone: ctx.timeZone, statusMapping: mappings.get(teamId), fromWeek, toWeek });
    return { teamId, keys: FLOW_KEYS, weeks: weekly.map((w) => w.weekStart), values: weekly.flatMap(flowWeekValues) };
  });
}

/** Flow values of every week from each team's first work item to now. */
async function flowForAll(ctx: Context, teamIds: readonly string[]): Promise<TeamValues[]> {
  const [items, mappings] = await Promise.all([
    loadWorkItemRowsByTeam(ctx.runner, teamIds.map((teamId) => ({ teamId, from: null }))),
    statusMappings(ctx, teamIds),
  ]);
  return teamIds.flatMap((teamId) => {
    const own = items.get(teamId) ?? [];
    if (own.length === 0) return [];
    let min = Number.POSITIVE_INFINITY;
    for (const i of own) if (i.createdAt.getTime() < min) min = i.createdAt.getTime();
    const first = weekStartOf(new Date(min), ctx.timeZone);
    const weekly = computeFlowWeekly({ items: own, timeZone: ctx.timeZone, statusMapping: mappings.get(teamId), fromWeek: first, toWeek: ctx.currentWeek > first ? ctx.currentWeek : first });
    return [{ teamId, keys: FLOW_KEYS, weeks: weekly.map((w) => w.weekStart), values: weekly.flatMap(flowWeekValues) }];
  });
}

/**
 * Teams computed at once: on PostgreSQL one team's queries overlap another's computation (the pool has
 * connections to spare); the embedded database runs one statement at a time anyway.
 */
const TEAM_CONCURRENCY = isEmbedded ? 1 : 3;

/**
 * Writes each team's values for its keys and weeks, touching only what changed: a value that differs is
 * upserted, a computed value no longer produced is deleted, equal values are left alone (through the one
 * computed-value writer, lib/server/data/metric-value-writer/computed.ts, whose rule keeps values people gave); then,
 * in the same transaction, the roll-ups of the changed (metric, week) pairs are rewritten, so the values and
 * their roll-ups commit together or not at all.
 */
async function writeValues(runner: SqlRunner, all: readonly TeamValues[]): Promise<RecomputeResult> {
  const keys = [...new Set(all.flatMap((t) => t.keys))];
  if (keys.length === 0) return { teams: 0, weeks: 0, values: 0 };
  const metrics = await metricIdsOfKeys(runner, keys);
  const metricId = new Map(metrics.map((m) => [m.key, m.id]));
  let produced = 0;
  for (const t of all) for (const v of t.values) if (metricId.has(v.key)) produced++;
  const allWeeks = [...new Set(all.flatMap((t) => t.weeks))];
  const changed = new Set<string>();
  const note = (r: { metricId: string; week: string }) => changed.add(`${r.metricId}|${r.week}`);

  await runner.transaction(async (tx) => {
    // Teams with the same metrics and weeks are written together, their recomputed cells named as one range
    // (each team's weeks are consecutive): one statement finds the values no longer produced.
    const groups = new Map<string, TeamValues[]>();
    const bounds = (t: TeamValues): [string, string] => (t.wholeHistory ? [FIRST_WEEK, LAST_WEEK] : [t.weeks[0], t.weeks[t.weeks.length - 1]]);
    for (const t of all) {
      if (t.weeks.length === 0 && !t.wholeHistory) continue;
      const key = `${t.keys.join(",")}|${bounds(t).join("|")}`;
      const list = groups.get(key);
      if (list) list.push(t);
      else groups.set(key, [t]);
    }
    for (const group of groups.values()) {
      const { keys: groupKeys } = group[0];
      const [fromWeek, toWeek] = bounds(group[0]);
      const metricIds = groupKeys.flatMap((k) => metricId.get(k) ?? []);
      const values = group.flatMap((t) => t.values.flatMap((v) => {
        const id = metricId.get(v.key);
        return id ? [{ metricId: id, teamId: t.teamId, week: v.week, value: v.value, numerator: v.numerator, denominator: v.denominator }] : [];
      }));
      const teamIds = group.map((t) => t.teamId);
      const written = await writeComputed(tx, values, { kind: "range", metricIds, teamIds, fromWeek, toWeek });
      written.changed.forEach(note);
    }
    // In the same transaction: the values and their roll-ups commit together, or neither does.
    if (changed.size > 0) {
      const pairs = [...changed].map((k) => k.split("|") as [string, string]);
      await refreshRollups({ metricIds: [...new Set(pairs.map(([m]) => m))], weeks: [...new Set(pairs.map(([, w]) => w))] }, tx);
    }
  });
  return { teams: new Set(all.map((t) => t.teamId)).size, weeks: allWeeks.length, values: produced };
}

/** Recomputes what an ingest batch touched (call after its transaction committed). */
export async function recomputeAffected(affected: AffectedTeams, now: Date = new Date()): Promise<RecomputeResult> {
  return recomputeAffectedUsing(DEFAULT_ENGINE, affected, now);
}

/** `recomputeAffected` with the delivery values computed by `engine`. */
export async function recomputeAffectedUsing(engine: RecomputeEngine, affected: AffectedTeams, now: Date = new Date()): Promise<RecomputeResult> {
  if (affected.isEmpty) return { teams: 0, weeks: 0, values: 0 };
  const ctx = await context(await openSql(), now, engine);
  const services = await servicesByTeam(ctx.runner, [...affected.delivery.keys()]);
  const delivery: DeliveryRange[] = [...affected.delivery].flatMap(([teamId, range]) => {
    const serviceIds = services.get(teamId) ?? [];
    return serviceIds.length > 0 ? [{ teamId, serviceIds, range }] : [];
  });
  // Delivery and flow side by side: on PostgreSQL the database computes the one while this process computes the other.
  const work = await Promise.all([
    mapLimited(chunks(delivery, engine === "sql" ? SQL_TEAM_CHUNK : TEAM_CHUNK), TEAM_CONCURRENCY, (chunk) => deliveryForRanges(ctx, chunk)),
    mapLimited(chunks([...affected.flow], TEAM_CHUNK), TEAM_CONCURRENCY, (chunk) => flowForRanges(ctx, chunk)),
  ]);
  return writeValues(ctx.runner, work.flat(2));
}

/**
 * Recomputes every week of the given teams (all teams when omitted) from their whole event history, up to
 * the week of `now`.
 */
export async function recomputeTeams(teamIds?: readonly string[] | null, now: Date = new Date()): Promise<RecomputeResult> {
  return recomputeTeamsUsing(DEFAULT_ENGINE, teamIds, now);
}

/** `recomputeTeams` with the delivery values computed by `engine`. */
export async function recomputeTeamsUsing(engine: RecomputeEngine, teamIds?: readonly string[] | null, now: Date = new Date()): Promise<RecomputeResult> {
  const ctx = await context(await openSql(), now, engine);
  const services = await servicesByTeam(ctx.runner, teamIds ?? null);
  const flowTeams = teamIds ?? (await teamIdsWithWorkItems(ctx.runner));
  const teams = [...services].map(([teamId, serviceIds]) => ({ teamId, serviceIds }));
  const [delivery, flow] = await Promise.all([
    mapLimited(chunks(teams, TEAM_CHUNK), TEAM_CONCURRENCY, (chunk) => deliveryForAll(ctx, chunk)),
    mapLimited(chunks(flowTeams, TEAM_CHUNK), TEAM_CONCURRENCY, (chunk) => flowForAll(ctx, chunk)),
  ]);
  // Every delivery value of these teams is recomputed: a team whose services (or events) are gone keeps none.
  const computed = new Map(delivery.flat().map((t) => [t.teamId, t]));
  const wholeTeams = [...new Set([...(teamIds ?? []), ...services.keys()])].map(
    (teamId): TeamValues => ({ ...(computed.get(teamId) ?? { teamId, keys: DELIVERY_VALUE_KEYS, weeks: [], values: [] }), wholeHistory: true }),
  );
  return writeValues(ctx.runner, [...wholeTeams, ...flow.flat()]);
}
