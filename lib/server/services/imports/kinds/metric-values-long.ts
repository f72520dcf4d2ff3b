import "server-only";
import type { PillarKey } from "@/lib/metrics/catalog";
import { RowReader } from "./cells";
import { loadMetricRefs, MetricValueWriter, type ValueItem } from "./metric-value-apply";
import { loadTeams } from "./refs";
import { staticMatch } from "./match";
import type { FieldIssue, ImportKind } from "./types";

/** One value per row: `team,metric,week,value,note`. */

const PILLARS: readonly PillarKey[] = ["QUALITY", "ENGAGEMENT", "RETENTION", "SKILLS", "ALIGNMENT"];

export function readPillar(text: string, field: string, issues: FieldIssue[]): PillarKey | null {
  if (text === "") return null;
  const upper = text.trim().toUpperCase();
  if ((PILLARS as readonly string[]).includes(upper)) return upper as PillarKey;
  issues.push({ field, message: `"${text}" is not a pillar (use quality, engagement, retention, skills or alignment).` });
  return null;
}

export const metricValuesLong: ImportKind<ValueItem> = {
  key: "metric-values",
  label: "Metric values (one value per row)",
  description: "team, metric, week, value and an optional note. Team by slug or name, metric by key or name, week as any date in it or 2026-W07.",
  access: "teamWriter",
  undoable: true,
  fields: [
    { key: "team", label: "Team", aliases: ["team slug", "team name", "squad"], required: true, example: "payments" },
    { key: "metric", label: "Metric", aliases: ["metric key", "metric name", "kpi", "measure"], required: true, example: "escaped_defects" },
    { key: "week", label: "Week", aliases: ["week start", "weekstart", "date", "period", "iso week"], required: true, example: "2026-W07" },
    { key: "value", label: "Value", aliases: ["amount", "score"], required: true, example: "3" },
    { key: "note", label: "Note", aliases: ["comment", "notes"], example: "release week" },
    { key: "pillar", label: "Pillar (for new metrics)", aliases: [], example: "" },
  ],
  async open(client, options) {
    const writer = new MetricValueWriter(await loadTeams(client), await loadMetricRefs(client), options);
    const fields = metricValuesLong.fields;
    return {
      fieldOptions: () => fields.map((f) => ({ key: f.key, label: f.label })),
      match: (header) => staticMatch(header, fields),
      parse(get, mapping) {
        const row = new RowReader(get, options);
        const pillar = readPillar(row.text("pillar"), "pillar", row.issues);
        const team = writer.team(row.required("team", "The team"), "team", row.issues);
        const metric = writer.metric(row.required("metric", "The metric"), "metric", row.issues, pillar);
        const week = row.week("week");
        const value = row.number("value", { required: true });
        const note = "note" in mapping ? row.text("note") || null : undefined;
        if (row.issues.length > 0 || !team || !metric || week === null || value === null) return { ok: false, issues: row.issues };
        const item: ValueItem = { team, metric, pillar: pillar ?? undefined, week: writer.storedWeek(metric, week), value, note };
        return { ok: true, items: [{ key: valueKey(item), item }] };
      },
      apply: (items, tx) => writer.apply(items, tx),
      afterCommit: () => writer.refreshRollups(),
    };
  },
};

export function valueKey(item: ValueItem): string {
  const part = (n: ValueItem["team"]) => ("id" in n ? n.id : `new:${n.create.toLowerCase()}`);
  return `${part(item.metric)}|${part(item.team)}|${item.week}`;
}
