import "server-only";
import type { CsvCell } from "@/lib/csv/write";
import { formatValue, unitLabel, valueStyle } from "@/lib/format";
import { getOrgSettings } from "@/lib/server/data/org";
import { getMetricSeries, type DashboardQuery } from "@/lib/server/services/overview";
import type { PillarKey } from "@/lib/metrics/catalog";

/**
 * The trend points a dashboard shows, as CSV: the same scope, segment filter, range and granularity, through
 * the same series service, so a file holds exactly the numbers on screen — withheld points stay withheld
 * (empty value, and the reason: too-few or differencing). `value` stays a plain number for spreadsheets;
 * `unit` and `shown` say how the dashboard reads it (the organisation's currency, pp, signed eNPS…); `complete` is
 * "so far" for the period still running (presentation.md rule 1), so a file never passes it off as final.
 */
export const SERIES_HEADER = ["scope", "filter", "metric", "period", "label", "value", "withheld", "teams", "unit", "shown", "complete"];

export async function seriesCsvRows(query: DashboardQuery & { metrics: string[]; pillar?: PillarKey }): Promise<CsvCell[][]> {
  const [{ scope, filter, series }, settings] = await Promise.all([getMetricSeries(query), getOrgSettings()]);
  return series.flatMap((s) => {
    const style = valueStyle(s.metric);
    const unit = unitLabel(style, settings).replace(/^Unit: /, "");
    return s.points.map((p): CsvCell[] => [
      scope.name, filter?.label ?? "", s.metric.key, p.period, p.label, p.value, p.withheld ?? "", p.teams,
      unit, p.value === null ? "" : formatValue(p.value, style, settings), p.soFar ? "so far" : "yes",
    ]);
  });
}
