import "server-only";
import { cachedByDataVersion, dashboardKey } from "@/lib/server/cache";
import { addDays, formatDay, periodOfWeek, weekStartOf, weeksBetween, type Granularity } from "@/lib/domain/time";
import { changePct, rollUp, targetStatus, type WeeklyPoint } from "@/lib/metrics/aggregate";
import { builtInMetric, PILLARS, type PillarKey } from "@/lib/metrics/catalog";
import type { MetricInfo, MetricSeries, OverviewResponse, RangeKey, SeriesPoint, TargetInfo, WithheldReason } from "@/lib/metrics/series-types";
import { ancestorChains, getOrgSettings, listGroups, resolveScope, teamIdsInScope, type Scope } from "@/lib/server/data/org";
import { weeklyPointsForScope, weeklyPointsForTeams } from "@/lib/server/data/metric-points";
import { db } from "@/lib/server/db";
import { badRequest } from "@/lib/server/errors";
import { filterInfo, resolveFilteredTeams, type FilteredTeams } from "@/lib/server/services/segment-filter";
import { minimumGroup, sampleUnits, unitSamples, withheldPeriods } from "@/lib/server/services/segment-samples";
import type { FilterInfo, SegmentFilter } from "@/lib/review/segment-filter";

/**
 * Trend series for dashboards: weekly points for a scope, rolled up to the chosen granularity, with the
 * latest value, change vs the previous period, target status, anonymity withholding and completeness.
 */
const RANGE_WEEKS: Record<RangeKey, number> = { "12w": 12, "6m": 26, "1y": 52, "2y": 104 };
const PEOPLE_MIN_GROUP = 5;

export interface SeriesWindow {
  fromWeek: string;
  toWeek: string;
  periods: string[];
  granularity: Granularity;
}

export function seriesWindow(range: RangeKey, granularity: Granularity, currentWeek: string): SeriesWindow {
  const fromWeek = addDays(currentWeek, -7 * (RANGE_WEEKS[range] - 1));
  const periods = [...new Set(weeksBetween(fromWeek, currentWeek).map((w) => periodOfWeek(w, granularity)))];
  return { fromWeek, toWeek: currentWeek, periods, granularity };
}

type MetricRow = Awaited<ReturnType<typeof loadMetrics>>[number];

async function loadMetrics(where: { keys?: string[]; headline?: boolean }) {
  return db.metricDefinition.findMany({
    where: { archivedAt: null, ...(where.keys ? { key: { in: where.keys } } : {}), ...(where.headline ? { headline: true } : {}) },
    select: {
      id: true, key: true, name: true, pillar: true, unit: true, direction: true, aggregation: true, sensitivity: true,
      source: true, cadence: true, howComputed: true, appliesToAll: true, sortOrder: true, teams: { select: { teamId: true } },
    },
    orderBy: [{ pillar: "asc" }, { sortOrder: "asc" }],
  });
}

function infoOf(m: MetricRow): MetricInfo {
  return {
    key: m.key, name: m.name, pillar: m.pillar, unit: m.unit as MetricInfo["unit"], direction: m.direction,
    aggregation: m.aggregation, sensitivity: m.sensitivity, source: m.source, howComputed: m.howComputed,
  };
}

/** Scopes that a viewer can also see and subtract from this one: its ancestor groups and the org. */
async function comparisonScopes(scope: Scope): Promise<Scope[]> {
  if (scope.type === "ORG") return [];
  const chains = ancestorChains(await listGroups());
  let groupId: string | null;
  if (scope.type === "TEAM") {
    groupId = (await db.team.findUnique({ where: { id: scope.id }, select: { groupId: true } }))?.groupId ?? null;
  } else {
    groupId = (await db.group.findUnique({ where: { id: scope.id }, select: { parentId: true } }))?.parentId ?? null;
  }
  const chain = groupId ? (chains.get(groupId) ?? []) : [];
  return [...chain.map((id): Scope => ({ type: "GROUP", id, name: "" })), { type: "ORG", id: null, name: "" }];
}

/** The sample behind each period, for anonymity: respondents (largest run) or people (latest headcount). */
function periodSamples(points: WeeklyPoint[], sampleOf: (p: WeeklyPoint) => number | null, periods: string[], g: Granularity, survey: boolean) {
  const out = new Map<string, number>(periods.map((p) => [p, 0]));
  for (const p of points) {
    const key = periodOfWeek(p.week, g);
    const n = sampleOf(p) ?? 0;
    out.set(key, survey ? Math.max(out.get(key) ?? 0, n) : n); // points are sorted: people keep the latest week.
  }
  return out;
}

interface TargetRow {
  metricId: string;
  scopeType: "ORG" | "GROUP" | "TEAM";
  scopeId: string | null;
  green: number;
  amber: number;
  effectiveFrom: Date;
}

/** The most specific target for the scope (team, then its groups nearest first, then org) in force on `day`. */
function targetFor(targets: TargetRow[], scopeChain: { type: string; id: string | null }[], day: string): TargetRow | null {
  for (const s of scopeChain) {
    const candidates = targets
      .filter((t) => t.scopeType === s.type && (t.scopeId ?? null) === s.id && formatDay(t.effectiveFrom) <= day)
      .sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime());
    if (candidates.length) return candidates[0];
  }
  return null;
}

export interface SeriesRequest {
  scope: Scope;
  metrics: MetricRow[];
  window: SeriesWindow;
  currentWeek: string;
  /** A filtered dashboard: the scope's teams that match the segment filter, combined as a group would be. */
  teamSet?: FilteredTeams | null;
}

export async function buildSeries({ scope, metrics, window, currentWeek, teamSet }: SeriesRequest): Promise<MetricSeries[]> {
  const settings = await getOrgSettings();
  const threshold = settings.anonymityThreshold;
  const headcount = await db.metricDefinition.findUnique({ where: { key: "headcount" }, select: { id: true } });
  const needsPeople = metrics.some((m) => m.sensitivity === "PEOPLE") && headcount;
  const ids = [...new Set([...metrics.map((m) => m.id), ...(needsPeople && headcount ? [headcount.id] : [])])];
  const [points, comparisons, targets, scopeTeams] = await Promise.all([
    teamSet ? weeklyPointsForTeams(teamSet.teamIds, ids, window.fromWeek, window.toWeek) : weeklyPointsForScope(scope, ids, window.fromWeek, window.toWeek),
    comparisonScopes(scope),
    db.target.findMany({ where: { metricId: { in: metrics.map((m) => m.id) } } }) as Promise<TargetRow[]>,
    teamSet ? teamSet.activeTeamIds : teamIdsInScope(scope),
  ]);
  const sensitive = metrics.some((m) => m.sensitivity !== "NONE");
  const comparisonPoints = sensitive && !teamSet
    ? await Promise.all(comparisons.map((c) => weeklyPointsForScope(c, ids, window.fromWeek, window.toWeek)))
    : [];
  const units = sensitive && teamSet ? sampleUnits([{ key: teamSet.key, teamIds: teamSet.teamIds }, ...teamSet.context]) : null;
  const teamSetSamples = units ? await unitSamples(metrics, headcount?.id ?? null, window, units.unitOf) : null;
  const scopeChain = [{ type: scope.type, id: scope.id }, ...comparisons.map((c) => ({ type: c.type, id: c.id }))];

  return metrics.map((m) => {
    const weekly = points.get(m.id) ?? [];
    const rolled = rollUp(weekly, window.periods, window.granularity, m.aggregation, m.unit);
    const withheld = new Map<string, WithheldReason>();
    const teamSetPeriods = teamSet && teamSetSamples?.get(m.id);
    if (teamSet && units && teamSetPeriods) {
      const min = minimumGroup(m.sensitivity, threshold);
      const [own, ...context] = units.groups;
      const verdicts = withheldPeriods([own], context, teamSetPeriods, min).get(teamSet.key);
      for (const r of rolled) {
        const reason = r.value !== null ? verdicts?.get(r.period) : undefined;
        if (reason) withheld.set(r.period, reason);
      }
    } else if (m.sensitivity !== "NONE") {
      const survey = m.sensitivity === "SURVEY";
      const min = survey ? threshold : Math.max(PEOPLE_MIN_GROUP, threshold);
      const sampleSource = (set: Map<string, WeeklyPoint[]>) => (survey ? set.get(m.id) ?? [] : set.get(headcount?.id ?? "") ?? []);
      const respondentsIn = builtInMetric(m.key)?.anonymitySample === "numerator" ? "numerator" : "denominator";
      const sampleOf = (p: WeeklyPoint) => (survey ? p[respondentsIn] : p.value);
      const own = periodSamples(sampleSource(points), sampleOf, window.periods, window.granularity, survey);
      const others = comparisonPoints.map((set) => periodSamples(sampleSource(set), sampleOf, window.periods, window.granularity, survey));
      for (const period of window.periods) {
        const n = own.get(period) ?? 0;
        const hasData = rolled.find((r) => r.period === period)?.value !== null;
        if (!hasData) continue;
        if (n < min) withheld.set(period, "too-few");
        else if (others.some((o) => { const d = (o.get(period) ?? 0) - n; return d > 0 && d < min; })) withheld.set(period, "differencing");
      }
    }
    const seriesPoints: SeriesPoint[] = rolled.map((r) => {
      const reason = withheld.get(r.period);
      return reason
        ? { period: r.period, label: r.label, value: null, withheld: reason, teams: r.teams }
        : { period: r.period, label: r.label, value: r.value, teams: r.teams };
    });
    const shown = seriesPoints.filter((p) => p.value !== null);
    const latestPoint = shown.at(-1) ?? null;
    const previousPoint = shown.at(-2) ?? null;
    const metricTargets = targets.filter((t) => t.metricId === m.id);
    const targetLine = seriesPoints.map((p) => {
      const t = targetFor(metricTargets, scopeChain, p.period);
      return t ? t.green : null;
    });
    let target: TargetInfo | null = null;
    const current = targetFor(metricTargets, scopeChain, latestPoint?.period ?? currentWeek);
    if (current) {
      target = {
        green: current.green, amber: current.amber, scope: current.scopeType,
        status: latestPoint ? targetStatus(latestPoint.value as number, current.green, current.amber, m.direction) : null,
      };
    }
    const expectedTeams = m.appliesToAll ? scopeTeams.length : m.teams.filter((t) => scopeTeams.includes(t.teamId)).length;
    const lastWeekTeams = weekly.filter((p) => p.week === currentWeek).reduce((n, p) => Math.max(n, p.teams), 0);
    const previousWeekTeams = weekly.filter((p) => p.week === addDays(currentWeek, -7)).reduce((n, p) => Math.max(n, p.teams), 0);
    const incomplete = m.source === "MANUAL" && m.cadence === "WEEKLY" && expectedTeams > 0 && (lastWeekTeams < expectedTeams || previousWeekTeams < expectedTeams);
    return {
      metric: infoOf(m),
      points: seriesPoints,
      latest: latestPoint ? { period: latestPoint.period, label: latestPoint.label, value: latestPoint.value as number } : null,
      previous: previousPoint ? { period: previousPoint.period, label: previousPoint.label, value: previousPoint.value as number } : null,
      changePct: changePct(latestPoint?.value ?? null, previousPoint?.value ?? null),
      target,
      targetLine,
      incomplete,
    };
  });
}

export interface DashboardQuery extends SegmentFilter {
  scope?: string;
  range: RangeKey;
  granularity: Granularity;
  now?: Date;
}

/** Headline series of every pillar; computed once per data version and query (lib/server/cache.ts). */
export function getOverview(query: DashboardQuery): Promise<OverviewResponse> {
  return cachedByDataVersion(dashboardKey("overview", query), () => computeOverview(query));
}

async function computeOverview(query: DashboardQuery): Promise<OverviewResponse> {
  const settings = await getOrgSettings();
  const scope = await resolveScope(query.scope);
  const currentWeek = weekStartOf(query.now ?? new Date(), settings.timeZone);
  const window = seriesWindow(query.range, query.granularity, currentWeek);
  const metrics = await loadMetrics({ headline: true });
  const teamSet = await resolveFilteredTeams(scope, query);
  const series = await buildSeries({ scope, metrics, window, currentWeek, teamSet });
  const empty = (await db.metricValue.findFirst({ select: { id: true } })) === null;
  return {
    scope: { type: scope.type, id: scope.id, name: scope.name },
    filter: filterInfo(teamSet),
    range: query.range,
    granularity: query.granularity,
    from: window.fromWeek,
    to: window.toWeek,
    empty,
    pillars: PILLARS.map((p) => ({ ...p, series: series.filter((s) => s.metric.pillar === p.key) })),
  };
}

type MetricSeriesQuery = DashboardQuery & { metrics: string[]; pillar?: PillarKey };
type MetricSeriesResult = { scope: Scope; filter: FilterInfo | null; from: string; to: string; series: MetricSeries[] };

/** Series of chosen metrics; computed once per data version and query (lib/server/cache.ts). */
export function getMetricSeries(query: MetricSeriesQuery): Promise<MetricSeriesResult> {
  return cachedByDataVersion(dashboardKey("series", query), () => computeMetricSeries(query));
}

async function computeMetricSeries(query: MetricSeriesQuery): Promise<MetricSeriesResult> {
  const settings = await getOrgSettings();
  const scope = await resolveScope(query.scope);
  const currentWeek = weekStartOf(query.now ?? new Date(), settings.timeZone);
  const window = seriesWindow(query.range, query.granularity, currentWeek);
  const metrics = await loadMetrics({ keys: query.metrics.length ? query.metrics : undefined });
  const selected = query.pillar ? metrics.filter((m) => m.pillar === query.pillar) : metrics;
  const unknown = query.metrics.filter((k) => !metrics.some((m) => m.key === k));
  if (unknown.length) throw badRequest(`Unknown metric: ${unknown.join(", ")}`);
  const teamSet = await resolveFilteredTeams(scope, query);
  const series = await buildSeries({ scope, metrics: selected, window, currentWeek, teamSet });
  return { scope, filter: filterInfo(teamSet), from: window.fromWeek, to: window.toWeek, series };
}
