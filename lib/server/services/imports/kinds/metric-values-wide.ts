import "server-only";
import { matchColumns } from "@/lib/csv/header";
import { RowReader } from "./cells";
import { loadMetricRefs, MetricValueWriter, type ValueItem } from "./metric-value-apply";
import { readPillar, valueKey } from "./metric-values-long";
import { loadTeams } from "./refs";
import type { ColumnMapping } from "@/lib/imports/api-types";
import type { FieldSpec, ImportKind, ParsedItem } from "./types";

/**
 * One row per team and week, one column per metric (header = metric key or name), as spreadsheets kept
 * by hand usually look. Empty cells are skipped, not cleared. Unknown metric columns are listed as
 * unmatched and ignored, or, with "create unknown teams and metrics", create a metric named by the
 * header, whose pillar the header gives in brackets ("Deploy pain [quality]") as long files give it in
 * a pillar column.
 */
const METRIC_PREFIX = "metric:";
const PILLAR_SUFFIX = /^(.*?)\s*[[(]\s*([a-z]+)\s*[\])]\s*$/i;

/** A header's metric name and the pillar it names in brackets, if any. */
function splitHeader(header: string): { name: string; pillar: string } {
  const m = PILLAR_SUFFIX.exec(header.trim());
  return m ? { name: m[1], pillar: m[2] } : { name: header.trim(), pillar: "" };
}

const FIELDS: FieldSpec[] = [
  { key: "team", label: "Team", aliases: ["team slug", "team name", "squad"], required: true, example: "payments" },
  { key: "week", label: "Week", aliases: ["week start", "weekstart", "date", "period", "iso week"], required: true, example: "2026-02-09" },
];

export const metricValuesWide: ImportKind<ValueItem> = {
  key: "metric-values-wide",
  label: "Metric values (one column per metric)",
  description: "team, week, then one column per metric named by its key or name (e.g. escaped_defects, oncall_pages). Empty cells are skipped. A new metric's column names its pillar: \"Deploy pain [quality]\".",
  access: "teamWriter",
  undoable: true,
  fields: [...FIELDS, { key: "escaped_defects", label: "escaped_defects (any metric key)", example: "3" }, { key: "oncall_pages", label: "oncall_pages", example: "12" }],
  async open(client, options) {
    const metrics = await loadMetricRefs(client);
    const writer = new MetricValueWriter(await loadTeams(client), metrics, options);
    /** Columns that create a metric (with createUnknown): field → header. */
    const newMetrics = new Map<string, string>();
    return {
      fieldOptions: () => [
        ...FIELDS.map((f) => ({ key: f.key, label: f.label })),
        ...metrics.values().map((m) => ({ key: `${METRIC_PREFIX}${m.key}`, label: `${m.name} (${m.key})` })),
        ...[...newMetrics].map(([key, header]) => ({ key, label: `${header} (new metric)` })),
      ],
      match(header) {
        const match = matchColumns(header, FIELDS);
        const mapping: ColumnMapping = {};
        for (const [key, index] of Object.entries(match.columns)) if (typeof index === "number") mapping[key] = index;
        const unmatched: string[] = [];
        for (const column of match.unmatched) {
          const found = metrics.find(splitHeader(column.name).name, "metric");
          if ("row" in found && !(`${METRIC_PREFIX}${found.row.key}` in mapping)) mapping[`${METRIC_PREFIX}${found.row.key}`] = column.index;
          else if (!("row" in found) && options.createUnknown && column.name.trim() !== "") {
            newMetrics.set(`${METRIC_PREFIX}${column.name.trim()}`, column.name.trim());
            mapping[`${METRIC_PREFIX}${column.name.trim()}`] = column.index;
          } else unmatched.push(column.name);
        }
        const missing = [...match.missing];
        if (!Object.keys(mapping).some((k) => k.startsWith(METRIC_PREFIX))) missing.push("a metric column");
        return { mapping, missing, unmatched };
      },
      parse(get, mapping) {
        const row = new RowReader(get, options);
        const team = writer.team(row.required("team", "The team"), "team", row.issues);
        const week = row.week("week");
        const items: ParsedItem<ValueItem>[] = [];
        for (const field of Object.keys(mapping)) {
          if (!field.startsWith(METRIC_PREFIX) || row.text(field) === "") continue;
          const header = splitHeader(field.slice(METRIC_PREFIX.length));
          const known = !("error" in writer.metrics.find(header.name, "metric"));
          const pillar = known || !options.createUnknown ? null : readPillar(header.pillar, field, row.issues);
          if (!known && options.createUnknown && !pillar) {
            if (header.pillar === "") row.issues.push({ field, message: `Unknown metric "${header.name}". To create it, name its pillar in the column header, e.g. "${header.name} [quality]".` });
            continue;
          }
          const metric = writer.metric(header.name, field, row.issues, pillar);
          const value = row.number(field);
          if (!team || !metric || week === null || value === null) continue;
          const item: ValueItem = { team, metric, pillar: pillar ?? undefined, week: writer.storedWeek(metric, week), value, valueField: field };
          items.push({ key: valueKey(item), item });
        }
        return row.issues.length > 0 ? { ok: false, issues: row.issues } : { ok: true, items };
      },
      apply: (items, tx) => writer.apply(items, tx),
      afterCommit: () => writer.refreshRollups(),
    };
  },
};
