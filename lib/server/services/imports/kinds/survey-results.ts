import "server-only";
import { metricUnitRows } from "@/lib/server/data/imports/records";
import { RowReader } from "./cells";
import { loadMetricRefs, MetricValueWriter, type ValueItem } from "./metric-value-apply";
import { valueKey } from "./metric-values-long";
import { staticMatch } from "./match";
import { loadTeams } from "./refs";
import type { FieldSpec, ImportKind } from "./types";

/**
 * Survey results from other tools, as aggregates only (never individual answers): team, week, metric
 * (psych_safety, enps, participation…), score and respondents. Stored as metric values whose
 * numerator/denominator carry the respondents, so groups combine as a respondent-weighted mean and the
 * anonymity threshold applies to them like to Pillars' own surveys.
 */
const FIELDS: FieldSpec[] = [
  { key: "team", label: "Team", aliases: ["team slug", "team name"], required: true, example: "payments" },
  { key: "week", label: "Week", aliases: ["date", "survey date", "closed on", "period"], required: true, example: "2026-02-09" },
  { key: "metric", label: "Metric", aliases: ["metric key", "question", "index"], required: true, example: "psych_safety" },
  { key: "score", label: "Score", aliases: ["value", "result"], required: true, example: "78.5" },
  { key: "respondents", label: "Respondents", aliases: ["responses", "n", "answers"], required: true, example: "9" },
];

export const surveyResultsKind: ImportKind<ValueItem> = {
  key: "survey-results",
  label: "Survey results (aggregates)",
  description: "team, week, metric (e.g. psych_safety, enps, participation), score and respondents — one row per team and survey, no individual answers.",
  access: "admin",
  undoable: true,
  fields: FIELDS,
  async open(client, options) {
    const metrics = await loadMetricRefs(client);
    const units = new Map((await metricUnitRows(client)).map((m) => [m.id, m.unit]));
    const writer = new MetricValueWriter(await loadTeams(client), metrics, { ...options, createUnknown: false });
    return {
      fieldOptions: () => FIELDS.map((f) => ({ key: f.key, label: f.label })),
      match: (header) => staticMatch(header, FIELDS),
      parse(get) {
        const row = new RowReader(get, options);
        const team = writer.team(row.required("team", "The team"), "team", row.issues);
        const metric = writer.metric(row.required("metric", "The metric"), "metric", row.issues, null);
        const week = row.week("week");
        const score = row.number("score", { required: true });
        const respondents = row.number("respondents", { integer: true, min: 1, required: true });
        if (row.issues.length > 0 || !team || !metric || !("id" in metric) || week === null || score === null || respondents === null) return { ok: false, issues: row.issues };
        const scale = units.get(metric.id) === "percent" ? 100 : 1;
        const item: ValueItem = { team, metric, week: writer.storedWeek(metric, week), value: score, numerator: (score / scale) * respondents, denominator: respondents, valueField: "score" };
        return { ok: true, items: [{ key: valueKey(item), item }] };
      },
      apply: (items, tx) => writer.apply(items, tx),
      afterCommit: () => writer.refreshRollups(),
    };
  },
};
