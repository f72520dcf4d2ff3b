import "server-only";
import { weekStartOf } from "@/lib/domain/time";
import { rollUp, type WeeklyPoint } from "@/lib/metrics/aggregate";
import { isDayWeighted, isPeriodComplete } from "@/lib/metrics/periods";
import type { MetricInfo, SeriesPoint } from "@/lib/metrics/series-types";
import type { CompareResponse, SegmentsResponse } from "@/lib/review/compare-types";
import { resolveSegment, segmentOptions, type Segment } from "@/lib/segments/segments";
import { getOrgSettings, listGroups, listTeams } from "@/lib/server/data/org";
import { weeklyPointsForScope, weeklyPointsForTeams } from "@/lib/server/data/metric-points";
import { activeMetricsByKeys, listActiveMetricOptions } from "@/lib/server/data/review/segments";
import { badRequest } from "@/lib/server/errors";
import { metricDisclosure, type MetricDisclosure } from "@/lib/server/disclosure/metrics";
import { disclosureOrg, teamsOfKey } from "@/lib/server/disclosure/org";
import type { DisclosureViewer } from "@/lib/server/disclosure/viewer";
import { seriesWindow, type SeriesWindow } from "@/lib/server/services/overview";
import type { CompareQuery } from "@/lib/validation/leadership";

/**
 * Comparisons of teams and segments (group, location, sourcing, origin) side by side, one chart per
 * metric with the organisation as baseline. Segment values combine their teams' weekly values with the
 * same rules as the roll-ups; people and survey metrics are withheld per period by the disclosure policy.
 */
export async function listSegmentOptions(): Promise<SegmentsResponse> {
  const [teams, groups, metrics] = await Promise.all([
    listTeams(),
    listGroups(),
    listActiveMetricOptions(),
  ]);
  return { segments: segmentOptions(teams, groups), metrics };
}

type MetricRow = Awaited<ReturnType<typeof activeMetricsByKeys>>[number];

const infoOf = (m: MetricRow): MetricInfo => ({
  key: m.key, name: m.name, pillar: m.pillar, unit: m.unit as MetricInfo["unit"], direction: m.direction,
  aggregation: m.aggregation, sensitivity: m.sensitivity, source: m.source, howComputed: m.howComputed,
});

/** Rolls a line's weekly points up and withholds the periods the disclosure policy does not release for its teams. */
function toPoints(weekly: WeeklyPoint[], metric: MetricRow, window: SeriesWindow, teamIds: readonly string[], disclosure: MetricDisclosure, currentWeek: string): SeriesPoint[] {
  const rolled = rollUp(weekly, window.periods, window.granularity, metric.aggregation, metric.unit, { dayWeighted: isDayWeighted(metric.aggregation, metric.cadence) });
  return rolled.map((r) => {
    const verdict = r.value !== null && metric.sensitivity !== "NONE" ? disclosure.point(metric, teamIds, r.weeks) : null;
    const point: SeriesPoint = verdict && !verdict.released
      ? { period: r.period, label: r.label, value: null, withheld: verdict.reason, teams: r.teams }
      : { period: r.period, label: r.label, value: r.value, teams: r.teams };
    return isPeriodComplete(r.period, window.granularity, currentWeek) ? point : { ...point, soFar: true };
  });
}

export async function compareSegments(query: CompareQuery, viewer: DisclosureViewer, now = new Date()): Promise<CompareResponse> {
  const settings = await getOrgSettings();
  const window = seriesWindow(query.range, query.granularity, weekStartOf(now, settings.timeZone));
  const [teams, groups] = await Promise.all([listTeams(), listGroups()]);
  const items: Segment[] = [];
  for (const key of new Set(query.items)) {
    const segment = resolveSegment(key, teams, groups);
    if (!segment) throw badRequest(`Unknown team or segment: ${key}`, { issues: [{ path: "items", message: `unknown: ${key}` }] });
    items.push(segment);
  }
  if (items.length < 2) throw badRequest("Choose at least 2 different teams or segments.");
  const metrics = await activeMetricsByKeys(query.metrics);
  const unknown = query.metrics.filter((k) => !metrics.some((m) => m.key === k));
  if (unknown.length) throw badRequest(`Unknown metric: ${unknown.join(", ")}`);
  const ordered = query.metrics.map((k) => metrics.find((m) => m.key === k) as MetricRow);
  const ids = ordered.map((m) => m.id);

  const [baseline, ...lines] = await Promise.all([
    weeklyPointsForScope({ type: "ORG", id: null, name: "" }, ids, window.fromWeek, window.toWeek),
    ...items.map((s) => weeklyPointsForTeams(s.teamIds, ids, window.fromWeek, window.toWeek)),
  ]);
  const org = await disclosureOrg();
  const orgTeams = teamsOfKey(org, "org");
  const disclosure = await metricDisclosure(viewer, now, { metrics: ordered, fromWeek: window.fromWeek, toWeek: window.toWeek });
  return {
    range: query.range, granularity: query.granularity, from: window.fromWeek, to: window.toWeek,
    metrics: ordered.map((m) => ({
      metric: infoOf(m),
      baseline: toPoints(baseline.get(m.id) ?? [], m, window, orgTeams, disclosure, window.toWeek),
      lines: items.map((s, i) => ({
        key: s.key, label: s.label, teamCount: s.teamIds.length,
        points: toPoints(lines[i].get(m.id) ?? [], m, window, s.teamIds, disclosure, window.toWeek),
      })),
    })),
  };
}
