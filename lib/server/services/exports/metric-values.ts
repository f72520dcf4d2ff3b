import "server-only";
import { formatDay, weekStartOf } from "@/lib/domain/time";
import type { CsvCell } from "@/lib/csv/write";
import { getOrgSettings, resolveScope, teamIdsInScope } from "@/lib/server/data/org";
import { metricDisclosure } from "@/lib/server/disclosure/metrics";
import type { DisclosureViewer } from "@/lib/server/disclosure/viewer";
import { metricIdsByKeys, metricSensitivities, metricValuePage, metricValueWeekSpan, teamSlugsById, type ExportedValueRow } from "@/lib/server/data/exports/metric-values";
import { badRequest } from "@/lib/server/errors";
import type { MetricValuesExportQuery } from "@/lib/validation/imports";

/**
 * Team metric values as CSV rows in the long import format (team slug, metric key, week, value, note),
 * so an export re-imports as is. Read page by page: an export of any size holds one page in memory.
 *
 * Exports are views (disclosure.md rule 4): a survey or people value is written only when the disclosure
 * policy releases that team for that week, exactly as a chart of that team would — a file must not reveal
 * what a chart hides.
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
  const metrics = await metricIdsByKeys(keys);
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

/** The values in the filter that the disclosure policy releases to `viewer`, page by page. */
export async function* exportedValues(filter: ExportFilter, viewer: DisclosureViewer, now: Date): AsyncGenerator<ExportedValue> {
  const settings = await getOrgSettings();
  const [teams, metrics, span] = await Promise.all([
    teamSlugsById(filter.teamIds),
    metricSensitivities(filter.metricIds),
    metricValueWeekSpan(filter.metricIds),
  ]);
  const slugOf = new Map(teams.map((t) => [t.id, t.slug]));
  const metricOf = new Map(metrics.map((m) => [m.id, m]));
  const fromWeek = filter.from ?? (span.min ? formatDay(span.min) : weekStartOf(now, settings.timeZone));
  const toWeek = filter.to ?? (span.max ? formatDay(span.max) : weekStartOf(now, settings.timeZone));
  const disclosure = await metricDisclosure(viewer, now, { metrics, fromWeek, toWeek });
  for (let cursor: bigint | null = null; ; ) {
    const page: ExportedValueRow[] = await metricValuePage(filter, cursor, PAGE);
    if (page.length === 0) return;
    cursor = page[page.length - 1].id;
    for (const v of page) {
      const metric = metricOf.get(v.metricId);
      if (!metric) continue;
      const week = formatDay(v.weekStart);
      if (metric.sensitivity !== "NONE" && !disclosure.point(metric, [v.teamId], [week]).released) continue;
      yield { team: slugOf.get(v.teamId) ?? v.teamId, metric: metric.key, week, value: v.value, note: v.note, numerator: v.numerator, denominator: v.denominator };
    }
  }
}

export async function* metricValueCsvRows(filter: ExportFilter, viewer: DisclosureViewer, now: Date): AsyncGenerator<CsvCell[]> {
  for await (const v of exportedValues(filter, viewer, now)) yield [v.team, v.metric, v.week, v.value, v.note];
}
