import "server-only";
import { formatDay } from "@/lib/domain/time";
import { aiUsageRowsFor, insertAiUsage, updateAiUsageCounts } from "@/lib/server/data/imports/records";
import { recordAudit } from "@/lib/server/services/audit";
import { RowReader } from "./cells";
import { MetricValueWriter, loadMetricRefs } from "./metric-value-apply";
import { staticMatch } from "./match";
import { loadTeams } from "./refs";
import type { BeforeImage, FieldSpec, ImportKind } from "./types";

/** AI-tool usage per tool, team and day (e.g. a Copilot metrics export): natural key tool + team + date. */
export interface AiUsageItem {
  tool: string;
  teamId: string;
  date: string;
  counts: Record<(typeof COUNTS)[number], number | null>;
}

const COUNTS = ["seats", "activeUsers", "engagedUsers", "suggestions", "acceptances", "agentTasks"] as const;

const FIELDS: FieldSpec[] = [
  { key: "tool", label: "Tool", aliases: ["product", "assistant"], required: true, example: "copilot" },
  { key: "team", label: "Team", aliases: ["team slug", "team name"], required: true, example: "payments" },
  { key: "date", label: "Date", aliases: ["day", "week"], required: true, example: "2026-02-09" },
  { key: "seats", label: "Seats", aliases: ["licenses", "licences"], example: "12" },
  { key: "activeUsers", label: "Active users", aliases: ["active"], example: "10" },
  { key: "engagedUsers", label: "Engaged users", aliases: ["engaged"], example: "8" },
  { key: "suggestions", label: "Suggestions", aliases: ["completions shown"], example: "1200" },
  { key: "acceptances", label: "Acceptances", aliases: ["accepted", "completions accepted"], example: "380" },
  { key: "agentTasks", label: "Agent tasks", aliases: ["agent runs"], example: "15" },
];

export const aiUsageKind: ImportKind<AiUsageItem> = {
  key: "ai-usage",
  label: "AI-tool usage",
  description: "tool, team, date, then seats, active users, engaged users, suggestions, acceptances and agent tasks (whole numbers, any may be empty).",
  access: "admin",
  undoable: true,
  fields: FIELDS,
  async open(client, options) {
    const writer = new MetricValueWriter(await loadTeams(client), await loadMetricRefs(client), { ...options, createUnknown: false });
    return {
      fieldOptions: () => FIELDS.map((f) => ({ key: f.key, label: f.label })),
      match: (header) => staticMatch(header, FIELDS),
      parse(get) {
        const row = new RowReader(get, options);
        const tool = row.required("tool", "The tool")?.toLowerCase() ?? null;
        const team = writer.team(row.required("team", "The team"), "team", row.issues);
        const date = row.date("date", { required: true });
        const counts = Object.fromEntries(COUNTS.map((c) => [c, row.number(c, { integer: true, min: 0 })])) as AiUsageItem["counts"];
        if (row.issues.length > 0 || !tool || !team || !("id" in team) || !date) return { ok: false, issues: row.issues };
        const item: AiUsageItem = { tool, teamId: team.id, date, counts };
        return { ok: true, items: [{ key: `${tool}|${team.id}|${date}`, item }] };
      },
      async apply(items, tx) {
        const stored = await aiUsageRowsFor(
          { tools: [...new Set(items.map((i) => i.tool))], teamIds: [...new Set(items.map((i) => i.teamId))], dates: [...new Set(items.map((i) => i.date))].map((d) => new Date(d)) },
          tx,
        );
        const byKey = new Map(stored.map((s) => [`${s.tool}|${s.teamId}|${formatDay(s.date)}`, s]));
        const changes: BeforeImage[] = [];
        let created = 0;
        let updated = 0;
        let unchanged = 0;
        for (const item of items) {
          const current = byKey.get(`${item.tool}|${item.teamId}|${item.date}`);
          if (!current) {
            const row = await insertAiUsage({ tool: item.tool, teamId: item.teamId, date: new Date(item.date), ...item.counts, importId: options.importId }, tx);
            changes.push({ entityType: "AiUsage", entityId: row.id, before: null });
            created++;
            continue;
          }
          if (COUNTS.every((c) => current[c] === item.counts[c])) {
            unchanged++;
            continue;
          }
          const before = Object.fromEntries([...COUNTS.map((c) => [c, current[c]]), ["importId", current.importId]]);
          await updateAiUsageCounts(current.id, { ...item.counts, importId: options.importId }, tx);
          changes.push({ entityType: "AiUsage", entityId: current.id, before });
          updated++;
        }
        if (created + updated > 0) await recordAudit(options.actor, { action: "import", entityType: "AiUsage", entityId: options.importId ?? "import", summary: `AI-tool usage: ${created} created, ${updated} updated` }, tx);
        return { created, updated, unchanged, issues: [], changes };
      },
    };
  },
};
