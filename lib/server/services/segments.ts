import "server-only";
import { weekStartOf } from "@/lib/domain/time";
import { rollUp, type WeeklyPoint } from "@/lib/metrics/aggregate";
import type { MetricInfo, SeriesPoint } from "@/lib/metrics/series-types";
import type { CompareMetric, CompareResponse, SegmentsResponse } from "@/lib/review/compare-types";
import { groupAncestors, resolveSegment, segmentOptions, type Segment, type SampleGroup } from "@/lib/review/segments";
import { getOrgSettings, listGroups, listTeams } from "@/lib/server/data/org";
import { weeklyPointsForScope, weeklyPointsForTeams } from "@/lib/server/data/metric-points";
import { db } from "@/lib/server/db";
import { badRequest } from "@/lib/server/errors";
import { minimumGroup, sampleUnits, unitSamples, withheldPeriods } from "@/lib/server/services/segment-samples";
import { seriesWindow, type SeriesWindow } from "@/lib/server/services/series";
import type { CompareQuery } from "@/lib/validation/leadership";

/**
 * Comparisons of teams and segments (group, location, sourcing, origin) side by side, one chart per
 * metric with the organisation as baseline. Segment values combine their teams' weekly values with the
 * same rules as the roll-ups; people and survey metrics are withheld per period under the anonymity rules.
 */
export async function listSegmentOptions(): Promise<SegmentsResponse> {
  const [teams, groups, metrics] = await Promise.all([
    listTeams(),
    listGroups(),
    db.metricDefinition.findMany({ where: { archivedAt: null }, select: { key: true, name: true, pillar: true }, orderBy: [{ pillar: "asc" }, { sortOrder: "asc" }] }),
  ]);
  return { segments: segmentOptions(teams, groups), metrics };
}

type MetricRow = Awaited<ReturnType<typeof loadMetrics>>[number];

function loadMetrics(keys: string[]) {
  return db.metricDefinition.findMany({
    where: { key: { in: keys }, archivedAt: null },
    select: { id: true, key: true, name: true, pillar: true, unit: true, direction: true, aggregation: true, sensitivity: true, source: true, howComputed: true },
  });
}

const infoOf = (m: MetricRow): MetricInfo => ({
  key: m.key, name: m.name, pillar: m.pillar, unit: m.unit as MetricInfo["unit"], direction: m.direction,
  aggregation: m.aggregation, sensitivity: m.sensitivity, source: m.source, howComputed: m.howComputed,
});

function toPoints(weekly: WeeklyPoint[], metric: MetricRow, window: SeriesWindow, withheld?: Map<string, "too-few" | "differencing">): SeriesPoint[] {
  return rollUp(weekly, window.periods, window.granularity, metric.aggregation, metric.unit).map((r) => {
    const reason = r.value !== null ? withheld?.get(r.period) : undefined;
    return reason
      ? { period: r.period, label: r.label, value: null, withheld: reason, teams: r.teams }
      : { period: r.period, label: r.label, value: r.value, teams: r.teams };
  });
}

export async function compareSegments(query: CompareQuery, now = new Date()): Promise<CompareResponse> {
  const settings = await getOrgSettings();
  const window = seriesWindow(query.range, query.granularity, weekStartOf(now, settings.timeZone));
  const [teams, allTeams, groups] = await Promise.all([listTeams(), listTeams({ includeArchived: true }), listGroups()]);
  const items: Segment[] = [];
  for (const key of new Set(query.items)) {
    const segment = resolveSegment(key, teams, groups);
    if (!segment) throw badRequest(`Unknown team or segment: ${key}`, { issues: [{ path: "items", message: `unknown: ${key}` }] });
    items.push(segment);
  }
  if (items.length < 2) throw badRequest("Choose at least 2 different teams or segments.");
  const metrics = await loadMetrics(query.metrics);
  const unknown = query.metrics.filter((k) => !metrics.some((m) => m.key === k));
  if (unknown.length) throw badRequest(`Unknown metric: ${unknown.join(", ")}`);
  const ordered = query.metrics.map((k) => metrics.find((m) => m.key === k) as MetricRow);
  const ids = ordered.map((m) => m.id);

  const [baseline, ...lines] = await Promise.all([
    weeklyPointsForScope({ type: "ORG", id: null, name: "" }, ids, window.fromWeek, window.toWeek),
    ...items.map((s) => weeklyPointsForTeams(s.teamIds, ids, window.fromWeek, window.toWeek)),
  ]);

  // Groups a viewer sees elsewhere, so differencing against them is checked: the org and the groups
  // enclosing any compared team or group (their overview dashboards show those numbers).
  const context: SampleGroup[] = [{ key: "org", teamIds: allTeams.map((t) => t.id) }];
  for (const s of items) {
    const groupId = s.kind === "team" ? teams.find((t) => t.id === s.teamIds[0])?.groupId : s.kind === "group" ? s.key.slice("group:".length) : undefined;
    if (!groupId) continue;
    const chain = s.kind === "team" ? [groupId, ...groupAncestors(groupId, groups)] : groupAncestors(groupId, groups);
    for (const g of chain) {
      const seg = resolveSegment(`group:${g}`, teams, groups);
      if (seg) context.push({ key: seg.key, teamIds: seg.teamIds });
    }
  }
  const headcountId = ordered.some((m) => m.sensitivity === "PEOPLE")
    ? ((await db.metricDefinition.findUnique({ where: { key: "headcount" }, select: { id: true } }))?.id ?? null)
    : null;

  const units = sampleUnits([...items, ...context]);
  const samples = await unitSamples(ordered, headcountId, window, units.unitOf);
  const out: CompareMetric[] = [];
  for (const m of ordered) {
    let withheld = new Map<string, Map<string, "too-few" | "differencing">>();
    let baselineWithheld: Map<string, "too-few"> | undefined;
    const perPeriod = samples.get(m.id);
    if (perPeriod) {
      const min = minimumGroup(m.sensitivity, settings.anonymityThreshold);
      withheld = withheldPeriods(units.groups.slice(0, items.length), units.groups.slice(items.length), perPeriod, min);
      baselineWithheld = new Map();
      for (const [period, perTeam] of perPeriod) {
        const orgCount = [...perTeam.values()].reduce((a, b) => a + b, 0);
        if (orgCount < min) baselineWithheld.set(period, "too-few");
      }
    }
    out.push({
      metric: infoOf(m),
      baseline: toPoints(baseline.get(m.id) ?? [], m, window, baselineWithheld),
      lines: items.map((s, i) => ({
        key: s.key, label: s.label, teamCount: s.teamIds.length,
        points: toPoints(lines[i].get(m.id) ?? [], m, window, withheld.get(s.key)),
      })),
    });
  }
  return { range: query.range, granularity: query.granularity, from: window.fromWeek, to: window.toWeek, metrics: out };
}
