import "server-only";
import type { CsvCell } from "@/lib/csv/write";
import { getMetricSeries, type DashboardQuery } from "@/lib/server/services/series";
import type { PillarKey } from "@/lib/metrics/catalog";

/**
 * The trend points a dashboard shows, as CSV: the same scope, segment filter, range and granularity, through
 * the same series service, so a file holds exactly the numbers on screen — withheld points stay withheld
 * (empty value, and the reason: too-few or differencing).
 */
export const SERIES_HEADER = ["scope", "filter", "metric", "period", "label", "value", "withheld", "teams"];

export async function seriesCsvRows(query: DashboardQuery & { metrics: string[]; pillar?: PillarKey }): Promise<CsvCell[][]> {
  const { scope, filter, series } = await getMetricSeries(query);
  return series.flatMap((s) =>
    s.points.map((p): CsvCell[] => [scope.name, filter?.label ?? "", s.metric.key, p.period, p.label, p.value, p.withheld ?? "", p.teams]),
  );
}
