"use client";

import { useFormat } from "@/components/format/format-context";
import { formatValue, type FormatSettings } from "@/lib/format";
import type { RetentionNumbers, RetentionRow } from "@/lib/retention/report-core";
import type { MetricUnit } from "@/lib/metrics/catalog";
import { WITHHELD_TEXT } from "@/lib/disclosure/reasons";
import { Table, type Column } from "@/components/ui/table";

const COLUMNS: { key: keyof RetentionNumbers; label: string; unit: MetricUnit }[] = [
  { key: "headcountEnd", label: "Headcount", unit: "people" },
  { key: "averageHeadcount", label: "Avg headcount", unit: "people" },
  { key: "hires", label: "Hires", unit: "people" },
  { key: "separations", label: "Separations", unit: "people" },
  { key: "turnoverRate", label: "Turnover", unit: "percent" },
  { key: "regrettedRate", label: "Regretted", unit: "percent" },
  { key: "retentionRate", label: "Retention", unit: "percent" },
  { key: "medianTenureDays", label: "Median tenure", unit: "days" },
  { key: "promotionRate", label: "Promotion rate", unit: "percent" },
  { key: "internalMobility", label: "Mobility", unit: "percent" },
];

/** Columns that tell how separations are classified: left out where the reader may not see them (rule 5). */
const CLASSIFICATION_COLUMNS = new Set<keyof RetentionNumbers>(["voluntary", "involuntary", "regretted", "voluntaryRate", "involuntaryRate", "regrettedRate"]);

function cell(value: RetentionNumbers[keyof RetentionNumbers], unit: MetricUnit, settings: FormatSettings): string {
  return typeof value === "number" ? formatValue(value, unit, settings) : "—";
}

/**
 * Every segment value for one period; a suppressed row says why across its cells and shows no number. "n/s" (not
 * shown) marks how separations were classified where too few people left for this reader to see it.
 */
export function RetentionTable({ rows, caption }: { rows: RetentionRow[]; caption: string }) {
  const format = useFormat();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <Table
        className="min-w-full text-sm"
        data-testid="retention-table"
        caption={caption}
        captionClassName="px-4 py-2 text-left text-sm font-medium text-slate-700"
        headClassName="bg-slate-50 text-left text-xs text-slate-600"
        thClassName="px-3 py-2 font-medium"
        rowClassName="border-t border-slate-100"
        rowProps={(r) => ({ "data-testid": `retention-row-${r.label}` })}
        rows={rows}
        rowKey={(r) => r.segment}
        spanRow={(r) => (r.suppressed || !r.metrics ? { after: 1, cell: WITHHELD_TEXT[r.suppressed ?? "too-few"], className: "px-3 py-2 text-slate-600 italic" } : null)}
        columns={[
          { key: "segment", header: "Segment", rowHeader: true, className: "px-3 py-2 text-left font-medium text-slate-800", cell: (r) => r.label },
          ...COLUMNS.map(
            (c): Column<RetentionRow> => ({
              key: c.key,
              header: c.label,
              headerClassName: "text-right",
              cellProps: (r) =>
                r.classified === false && CLASSIFICATION_COLUMNS.has(c.key)
                  ? { className: "px-3 py-2 text-right text-slate-600", title: WITHHELD_TEXT.classification }
                  : { className: "px-3 py-2 text-right tabular-nums text-slate-800" },
              cell: (r) =>
                r.classified === false && CLASSIFICATION_COLUMNS.has(c.key) ? (
                  <>
                    <span aria-hidden="true">n/s</span>
                    <span className="sr-only">{WITHHELD_TEXT.classification}</span>
                  </>
                ) : (
                  cell((r.metrics as RetentionNumbers)[c.key], c.unit, format)
                ),
            }),
          ),
        ]}
      />
    </div>
  );
}
