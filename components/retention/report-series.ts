/**
 * Shapes the retention report for the page: one segment value's rows as trend series the shared
 * TrendChart draws (suppressed periods become withheld points, so the chart and its data table
 * say why there is no number), and the table of segment values for one period. Pure.
 */
import type { MetricUnit } from "@/lib/metrics/catalog";
import type { MetricSeries, SeriesPoint } from "@/lib/metrics/series-types";
import type { RetentionReport } from "@/lib/retention/api-types";
import type { RetentionNumbers, RetentionRow } from "@/lib/retention/report-core";

export interface RetentionCardDef {
  key: keyof RetentionNumbers & string;
  explanation: keyof RetentionReport["explanations"];
  name: string;
  unit: MetricUnit;
  direction: MetricSeries["metric"]["direction"];
}

export const RETENTION_CARDS: RetentionCardDef[] = [
  { key: "headcountEnd", explanation: "headcount", name: "Headcount (end of period)", unit: "people", direction: "NEUTRAL" },
  { key: "averageHeadcount", explanation: "average_headcount", name: "Average headcount", unit: "people", direction: "NEUTRAL" },
  { key: "hires", explanation: "hires", name: "Hires", unit: "people", direction: "NEUTRAL" },
  { key: "turnoverRate", explanation: "turnover_rate", name: "Turnover rate", unit: "percent", direction: "LOWER_IS_BETTER" },
  { key: "annualisedTurnover", explanation: "annualised_turnover", name: "Annualised turnover", unit: "percent", direction: "LOWER_IS_BETTER" },
  { key: "voluntaryRate", explanation: "voluntary_attrition", name: "Voluntary attrition", unit: "percent", direction: "LOWER_IS_BETTER" },
  { key: "involuntaryRate", explanation: "involuntary_attrition", name: "Involuntary attrition", unit: "percent", direction: "LOWER_IS_BETTER" },
  { key: "regrettedRate", explanation: "regretted_attrition", name: "Regretted attrition", unit: "percent", direction: "LOWER_IS_BETTER" },
  { key: "retentionRate", explanation: "retention_rate", name: "Retention rate", unit: "percent", direction: "HIGHER_IS_BETTER" },
  { key: "medianTenureDays", explanation: "median_tenure", name: "Median tenure", unit: "days", direction: "HIGHER_IS_BETTER" },
  { key: "medianTenureAtExitDays", explanation: "tenure_at_exit", name: "Median tenure at exit", unit: "days", direction: "NEUTRAL" },
  { key: "promotionRate", explanation: "promotion_rate", name: "Promotion rate", unit: "percent", direction: "HIGHER_IS_BETTER" },
  { key: "medianTimeInLevelDays", explanation: "time_in_level", name: "Median time in level", unit: "days", direction: "NEUTRAL" },
  { key: "internalMobility", explanation: "internal_mobility", name: "Internal mobility", unit: "percent", direction: "NEUTRAL" },
];

function numberOf(row: RetentionRow | undefined, key: RetentionCardDef["key"]): number | null {
  const v = row?.metrics?.[key];
  return typeof v === "number" ? v : null;
}

export function seriesFor(report: RetentionReport, segment: string, card: RetentionCardDef): MetricSeries {
  const rows = new Map(report.rows.filter((r) => r.segment === segment).map((r) => [r.period, r]));
  const points: SeriesPoint[] = report.periods.map((p) => {
    const row = rows.get(p.start);
    const running = p.complete ? {} : { soFar: true as const };
    if (row?.suppressed) return { period: p.start, label: p.label, value: null, withheld: row.suppressed, teams: 0, ...running };
    return { period: p.start, label: p.label, value: numberOf(row, card.key), teams: 0, ...running };
  });
  // The headline and its comparison are complete periods; a running period is drawn as "so far" only.
  const shown = points.filter((p) => p.value !== null && !p.soFar);
  const latest = shown.at(-1) ?? null;
  const previous = shown.at(-2) ?? null;
  return {
    metric: {
      key: card.key, name: card.name, pillar: "RETENTION", unit: card.unit, direction: card.direction, aggregation: "LAST",
      sensitivity: "PEOPLE", source: "COMPUTED", howComputed: report.explanations[card.explanation],
    },
    points,
    latest: latest ? { period: latest.period, label: latest.label, value: latest.value as number } : null,
    previous: previous ? { period: previous.period, label: previous.label, value: previous.value as number } : null,
    changePct: latest && previous && previous.value !== 0 ? (((latest.value as number) - (previous.value as number)) / Math.abs(previous.value as number)) * 100 : null,
    target: null,
    targetLine: points.map(() => null),
    incomplete: false,
  };
}

/** The period a report's table shows: the last complete one (a running period is not final), else the running one. */
export function headlinePeriod(report: Pick<RetentionReport, "periods">): RetentionReport["periods"][number] | undefined {
  return report.periods.findLast((p) => p.complete) ?? report.periods.at(-1);
}

/** The rows of one period, the organisation first, then segment values in the report's order. */
export function rowsForPeriod(report: RetentionReport, period: string): RetentionRow[] {
  const order = new Map(report.segments.map((s, i) => [s.key, i]));
  return report.rows.filter((r) => r.period === period).sort((a, b) => (order.get(a.segment) ?? 0) - (order.get(b.segment) ?? 0));
}
