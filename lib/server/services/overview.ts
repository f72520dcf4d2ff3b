import "server-only";
import { cachedByDataVersion, dashboardKey } from "@/lib/server/cache";
import { addDays, mondayOf, periodOfWeek, weekStartOf, weeksBetween, type Granularity } from "@/lib/domain/time";
import { changePct, rollUp, targetStatus } from "@/lib/metrics/aggregate";
import { isDayWeighted, isPeriodComplete } from "@/lib/metrics/periods";
import { ANNUALISED_EXPLANATION, ANNUALISED_METRICS, annualisedPeriods, TRAILING_WEEKS } from "@/lib/retention/annualised";
import { PILLARS, type PillarKey } from "@/lib/metrics/catalog";
import { targetFor } from "@/lib/metrics/targets";
import type { MetricInfo, MetricSeries, OverviewResponse, RangeKey, SeriesPoint, TargetInfo, WithheldReason } from "@/lib/metrics/series-types";
import { ancestorChains, getOrgSettings, listGroups, resolveScope, teamIdsInScope, type Scope } from "@/lib/server/data/org";
import { listTargetsOfMetrics } from "@/lib/server/data/targets";
import { weeklyPointsForScope, weeklyPointsForTeams } from "@/lib/server/data/metric-points";
import { groupIdOfTeam, hasAnyMetricValue, listDashboardMetrics, parentIdOfGroup } from "@/lib/server/data/overview/metrics";
import { badRequest } from "@/lib/server/errors";
import { filterInfo, resolveFilteredTeams, type FilteredTeams } from "@/lib/server/services/segment-filter";
import type { FilterInfo, SegmentFilter } from "@/lib/segments/segment-filter";
import { metricDisclosure } from "@/lib/server/disclosure/metrics";
import { disclosureOrg, teamsOfKey } from "@/lib/server/disclosure/org";
import { publishClosedRuns } from "@/lib/server/disclosure/surveys";
import type { DisclosureViewer } from "@/lib/server/disclosure/viewer";

/**
 * Trend series for dashboards: weekly points for a scope, rolled up to the chosen granularity, with the
 * latest value, change vs the previous period, target status, anonymity withholding and completeness.
 */
const RANGE_WEEKS: Record<RangeKey, number> = { "12w": 12, "6m": 26, "1y": 52, "2y": 104 };

export interface SeriesWindow {
  fromWeek: string;
  toWeek: string;
  periods: string[];
  granularity: Granularity;
}

/**
 * The weeks and periods a range covers. The first period is taken whole (the window starts at the week holding
 * its first day), so no period on a chart is cut short by the range.
 */
export function seriesWindow(range: RangeKey, granularity: Granularity, currentWeek: string): SeriesWindow {
  const firstWeek = addDays(currentWeek, -7 * (RANGE_WEEKS[range] - 1));
  const fromWeek = granularity === "week" ? firstWeek : mondayOf(periodOfWeek(firstWeek, granularity));
  const periods = [...new Set(weeksBetween(firstWeek, currentWeek).map((w) => periodOfWeek(w, granularity)))];
  return { fromWeek, toWeek: currentWeek, periods, granularity };
}

type MetricRow = Awaited<ReturnType<typeof listDashboardMetrics>>[number];

function infoOf(m: MetricRow): MetricInfo {
  const info: MetricInfo = {
    key: m.key, name: m.name, pillar: m.pillar, unit: m.unit as MetricInfo["unit"], direction: m.direction,
    aggregation: m.aggregation, sensitivity: m.sensitivity, source: m.source, howComputed: m.howComputed,
  };
  return ANNUALISED_METRICS.has(m.key) ? { ...info, annualised: true, howComputed: `${m.howComputed} ${ANNUALISED_EXPLANATION}` } : info;
}

/** Scopes that a viewer can also see and subtract from this one: its ancestor groups and the org. */
async function comparisonScopes(scope: Scope): Promise<Scope[]> {
  if (scope.type === "ORG") return [];
  const chains = ancestorChains(await listGroups());
  let groupId: string | null;
  if (scope.type === "TEAM") {
    groupId = await groupIdOfTeam(scope.id);
  } else {
    groupId = await parentIdOfGroup(scope.id);
  }
  const chain = groupId ? (chains.get(groupId) ?? []) : [];
  return [...chain.map((id): Scope => ({ type: "GROUP", id, name: "" })), { type: "ORG", id: null, name: "" }];
}

export interface SeriesRequest {
  scope: Scope;
  metrics: MetricRow[];
  window: SeriesWindow;
  currentWeek: string;
  /** A filtered dashboard: the scope's teams that match the segment filter, combined as a group would be. */
  teamSet?: FilteredTeams | null;
  /** Who reads it (rule 5 depends on the role) and when (people numbers of a running week are not shown). */
  viewer: DisclosureViewer;
  now: Date;
}

/** The scope's teams whose values its points combine: archived teams count, as they do in the roll-ups. */
async function dataTeams(scope: Scope): Promise<string[]> {
  const org = await disclosureOrg();
  return teamsOfKey(org, scope.type === "ORG" ? "org" : `${scope.type.toLowerCase()}:${scope.id}`);
}

export async function buildSeries({ scope, metrics, window, currentWeek, teamSet, viewer, now }: SeriesRequest): Promise<MetricSeries[]> {
  const ids = metrics.map((m) => m.id);
  // Annualised rates rest on the 12 months before each period, so their weeks are read from further back.
  const annualised = metrics.filter((m) => ANNUALISED_METRICS.has(m.key));
  const trailingFrom = annualised.length ? addDays(window.fromWeek, -7 * TRAILING_WEEKS) : window.fromWeek;
  const pointsFor = (metricIds: string[], fromWeek: string) =>
    teamSet ? weeklyPointsForTeams(teamSet.teamIds, metricIds, fromWeek, window.toWeek) : weeklyPointsForScope(scope, metricIds, fromWeek, window.toWeek);
  const [windowPoints, trailingPoints, comparisons, targets, scopeTeams, teamsOfPoints] = await Promise.all([
    pointsFor(ids.filter((id) => !annualised.some((m) => m.id === id)), window.fromWeek),
    annualised.length ? pointsFor(annualised.map((m) => m.id), trailingFrom) : Promise.resolve(new Map<string, never[]>()),
    comparisonScopes(scope),
    listTargetsOfMetrics(metrics.map((m) => m.id)),
    teamSet ? teamSet.activeTeamIds : teamIdsInScope(scope),
    teamSet ? teamSet.teamIds : dataTeams(scope),
  ]);
  const points = new Map([...windowPoints, ...trailingPoints]);
  const disclosure = await metricDisclosure(viewer, now, { metrics, fromWeek: trailingFrom, toWeek: window.toWeek });
  const scopeChain = [{ type: scope.type, id: scope.id }, ...comparisons.map((c) => ({ type: c.type, id: c.id }))];

  return metrics.map((m) => {
    const weekly = points.get(m.id) ?? [];
    const rolled = ANNUALISED_METRICS.has(m.key)
      ? annualisedPeriods(weekly, window.periods, window.granularity, window.toWeek)
      : rollUp(weekly, window.periods, window.granularity, m.aggregation, m.unit, { dayWeighted: isDayWeighted(m.aggregation, m.cadence) });
    const withheld = new Map<string, WithheldReason>();
    if (m.sensitivity !== "NONE") {
      for (const r of rolled) {
        if (r.value === null) continue;
        const verdict = disclosure.point(m, teamsOfPoints, r.weeks);
        if (!verdict.released) withheld.set(r.period, verdict.reason);
      }
    }
    const seriesPoints: SeriesPoint[] = rolled.map((r) => {
      const reason = withheld.get(r.period);
      const point: SeriesPoint = reason
        ? { period: r.period, label: r.label, value: null, withheld: reason, teams: r.teams }
        : { period: r.period, label: r.label, value: r.value, teams: r.teams };
      return isPeriodComplete(r.period, window.granularity, currentWeek) ? point : { ...point, soFar: true };
    });
    // The headline and its comparison are complete periods; the running one is drawn as "so far" only.
    const shown = seriesPoints.filter((p) => p.value !== null && !p.soFar);
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
  /** Who reads the dashboard: part of the cache key, as what may be shown depends on the role. */
  viewer: DisclosureViewer;
}

/**
 * Headline series of every pillar; computed once per data version and query (lib/server/cache.ts). A survey run
 * whose closing day has passed is published first (its final snapshot), so dashboards need no scheduler.
 */
export async function getOverview(query: DashboardQuery): Promise<OverviewResponse> {
  await publishClosedRuns(query.now ?? new Date());
  return overviewOfPublished(query);
}

/** The overview, for a caller that has published closed runs already (the status grid, once for all its rows). */
export function overviewOfPublished(query: DashboardQuery): Promise<OverviewResponse> {
  return cachedByDataVersion(dashboardKey("overview", query), () => computeOverview(query));
}

async function computeOverview(query: DashboardQuery): Promise<OverviewResponse> {
  const settings = await getOrgSettings();
  const scope = await resolveScope(query.scope);
  const now = query.now ?? new Date();
  const currentWeek = weekStartOf(now, settings.timeZone);
  const window = seriesWindow(query.range, query.granularity, currentWeek);
  const metrics = await listDashboardMetrics({ headline: true });
  const teamSet = await resolveFilteredTeams(scope, query);
  const series = await buildSeries({ scope, metrics, window, currentWeek, teamSet, viewer: query.viewer, now });
  const empty = !(await hasAnyMetricValue());
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
export async function getMetricSeries(query: MetricSeriesQuery): Promise<MetricSeriesResult> {
  await publishClosedRuns(query.now ?? new Date());
  return cachedByDataVersion(dashboardKey("series", query), () => computeMetricSeries(query));
}

async function computeMetricSeries(query: MetricSeriesQuery): Promise<MetricSeriesResult> {
  const settings = await getOrgSettings();
  const scope = await resolveScope(query.scope);
  const now = query.now ?? new Date();
  const currentWeek = weekStartOf(now, settings.timeZone);
  const window = seriesWindow(query.range, query.granularity, currentWeek);
  const metrics = await listDashboardMetrics({ keys: query.metrics.length ? query.metrics : undefined });
  const selected = query.pillar ? metrics.filter((m) => m.pillar === query.pillar) : metrics;
  const unknown = query.metrics.filter((k) => !metrics.some((m) => m.key === k));
  if (unknown.length) throw badRequest(`Unknown metric: ${unknown.join(", ")}`);
  const teamSet = await resolveFilteredTeams(scope, query);
  const series = await buildSeries({ scope, metrics: selected, window, currentWeek, teamSet, viewer: query.viewer, now });
  return { scope, filter: filterInfo(teamSet), from: window.fromWeek, to: window.toWeek, series };
}
