/**
 * The retention table as CSV, with the same suppression as the page and the API: a suppressed
 * row says why and carries no numbers. Pure.
 */
import { round } from "@/lib/domain/stats";
import { toCsv, type CsvCell } from "@/lib/csv/write";
import { WITHHELD_TEXT } from "@/lib/disclosure/reasons";
import { ORG_SEGMENT_KEY, type RetentionNumbers, type RetentionRow } from "@/lib/retention/report-core";

const COLUMNS: { header: string; value: (m: RetentionNumbers) => number | null }[] = [
  { header: "People in period", value: (m) => m.people },
  { header: "Headcount at start", value: (m) => m.headcountStart },
  { header: "Headcount at end", value: (m) => m.headcountEnd },
  { header: "Average headcount", value: (m) => m.averageHeadcount },
  { header: "Hires", value: (m) => m.hires },
  { header: "Separations", value: (m) => m.separations },
  { header: "Voluntary separations", value: (m) => m.voluntary },
  { header: "Involuntary separations", value: (m) => m.involuntary },
  { header: "Regretted separations", value: (m) => m.regretted },
  { header: "Turnover rate %", value: (m) => m.turnoverRate },
  { header: "Voluntary attrition %", value: (m) => m.voluntaryRate },
  { header: "Involuntary attrition %", value: (m) => m.involuntaryRate },
  { header: "Regretted attrition %", value: (m) => m.regrettedRate },
  { header: "Annualised turnover %", value: (m) => m.annualisedTurnover },
  { header: "Retention rate %", value: (m) => m.retentionRate },
  { header: "Median tenure (days)", value: (m) => m.medianTenureDays },
  { header: "Median tenure at exit (days)", value: (m) => m.medianTenureAtExitDays },
  { header: "Promotions", value: (m) => m.promotions },
  { header: "Promotion rate %", value: (m) => m.promotionRate },
  { header: "Median time in level (days)", value: (m) => m.medianTimeInLevelDays },
  { header: "Team moves", value: (m) => m.teamMoves },
  { header: "Internal mobility %", value: (m) => m.internalMobility },
];

export const RETENTION_EXPORT_HEADER = ["Segment by", "Segment", "Period", "Shown", ...COLUMNS.map((c) => c.header)];

export function retentionRowsCsv(segmentName: string, rows: readonly RetentionRow[]): string {
  const lines = rows.map((r): CsvCell[] => {
    const first: CsvCell[] = [r.segment === ORG_SEGMENT_KEY ? "organisation" : segmentName, r.label, r.periodLabel];
    if (r.suppressed || !r.metrics) return [...first, WITHHELD_TEXT[r.suppressed ?? "too-few"], ...COLUMNS.map(() => null)];
    const m = r.metrics;
    return [...first, "yes", ...COLUMNS.map((c) => {
      const v = c.value(m);
      return v === null ? null : round(v, 2);
    })];
  });
  return toCsv(RETENTION_EXPORT_HEADER, lines, { bom: true });
}
