import "server-only";
import { isShowable } from "@/lib/domain/anonymity";
import { formatDay } from "@/lib/domain/time";
import type { CsvCell } from "@/lib/csv/write";
import { getOrgSettings, resolveScope, teamIdsInScope } from "@/lib/server/data/org";
import { db } from "@/lib/server/db";
import { badRequest } from "@/lib/server/errors";
import type { MetricValuesExportQuery } from "@/lib/validation/imports";

/**
 * Team metric values as CSV rows in the long import format (team slug, metric key, week, value, note),
 * so an export re-imports as is. Read page by page: an export of any size holds one page in memory.
 *
 * The dashboards' anonymity rules hold here too: a survey value whose respondents are fewer than the
 * organisation's threshold, and a people value of a team with fewer people than that, are withheld
 * (left out) — a file must not reveal what a chart hides.
 */
export const METRIC_VALUES_HEADER = ["team", "metric", "week", "value", "note"];
const PAGE = 5000;

export interface ExportFilter {
  teamIds: string[];
  metricIds: string[];
  from?: string;
  to?: string;
}

export async function metricValuesFilter(query: Pick<MetricValuesExportQuery, "scope" | "metrics" | "from" | "to">): Promise<ExportFilter> {
  const scope = await resolveScope(query.scope);
  const teamIds = await teamIdsInScope(scope);
  const keys = query.metrics?.split(",").map((k) => k.trim()).filter(Boolean);
  const metrics = await db.metricDefinition.findMany({ where: keys?.length ? { key: { in: keys } } : {}, select: { id: true, key: true } });
  if (keys?.length && metrics.length < new Set(keys).size) {
    const known = new Set(metrics.map((m) => m.key));
    throw badRequest(`Unknown metric ${keys.filter((k) => !known.has(k)).map((k) => `"${k}"`).join(", ")}.`);
  }
  if (query.from && query.to && query.from > query.to) throw badRequest("`from` must not be after `to`.");
  return { teamIds, metricIds: metrics.map((m) => m.id), from: query.from, to: query.to };
}

export interface ExportedValue {
  team: string;
  metric: string;
  week: string;
  value: number;
  note: string | null;
  numerator: number | null;
  denominator: number | null;
}

/** The values in the filter that may be shown, in (team, metric, week) order. */
export async function* exportedValues(filter: ExportFilter): AsyncGenerator<ExportedValue> {
  const settings = await getOrgSettings();
  const [teams, metrics, headcountMetric] = await Promise.all([
    db.team.findMany({ where: { id: { in: filter.teamIds } }, select: { id: true, slug: true } }),
    db.metricDefinition.findMany({ where: { id: { in: filter.metricIds } }, select: { id: true, key: true, sensitivity: true } }),
    db.metricDefinition.findUnique({ where: { key: "headcount" }, select: { id: true } }),
  ]);
  const slugOf = new Map(teams.map((t) => [t.id, t.slug]));
  const metricOf = new Map(metrics.map((m) => [m.id, m]));
  const weekRange = {
    ...(filter.from ? { gte: new Date(filter.from) } : {}),
    ...(filter.to ? { lte: new Date(filter.to) } : {}),
  };
  const where = { teamId: { in: filter.teamIds }, metricId: { in: filter.metricIds }, weekStart: weekRange };
  const needsHeadcount = metrics.some((m) => m.sensitivity === "PEOPLE") && headcountMetric;
  for (let cursor: bigint | null = null; ; ) {
    const page: { id: bigint; teamId: string; metricId: string; weekStart: Date; value: number; note: string | null; numerator: number | null; denominator: number | null }[] =
      await db.metricValue.findMany({
        where: cursor === null ? where : { ...where, id: { gt: cursor } },
        orderBy: { id: "asc" },
        take: PAGE,
        select: { id: true, teamId: true, metricId: true, weekStart: true, value: true, note: true, numerator: true, denominator: true },
      });
    if (page.length === 0) return;
    cursor = page[page.length - 1].id;
    const headcounts = needsHeadcount ? await headcountsFor(headcountMetric.id, page) : new Map<string, number>();
    for (const v of page) {
      const metric = metricOf.get(v.metricId);
      if (!metric) continue;
      const week = formatDay(v.weekStart);
      if (metric.sensitivity === "SURVEY" && !isShowable(v.denominator ?? 0, settings.anonymityThreshold)) continue;
      if (metric.sensitivity === "PEOPLE" && !isShowable(headcounts.get(`${v.teamId}|${week}`) ?? 0, settings.anonymityThreshold)) continue;
      yield { team: slugOf.get(v.teamId) ?? v.teamId, metric: metric.key, week, value: v.value, note: v.note, numerator: v.numerator, denominator: v.denominator };
    }
  }
}

async function headcountsFor(metricId: string, page: { teamId: string; weekStart: Date }[]): Promise<Map<string, number>> {
  const rows = await db.metricValue.findMany({
    where: { metricId, teamId: { in: [...new Set(page.map((p) => p.teamId))] }, weekStart: { in: [...new Set(page.map((p) => p.weekStart.getTime()))].map((t) => new Date(t)) } },
    select: { teamId: true, weekStart: true, value: true },
  });
  return new Map(rows.map((r) => [`${r.teamId}|${formatDay(r.weekStart)}`, r.value]));
}

export async function* metricValueCsvRows(filter: ExportFilter): AsyncGenerator<CsvCell[]> {
  for await (const v of exportedValues(filter)) yield [v.team, v.metric, v.week, v.value, v.note];
}
