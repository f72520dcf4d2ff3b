import "server-only";
import { formatDay } from "@/lib/domain/time";
import { insertLearningRecord, learningRecordsFor, updateLearningRecord } from "@/lib/server/data/imports/records";
import { recordAudit } from "@/lib/server/services/audit";
import { RowReader } from "./cells";
import { MetricValueWriter, loadMetricRefs } from "./metric-value-apply";
import { staticMatch } from "./match";
import { loadTeams } from "./refs";
import type { BeforeImage, FieldSpec, ImportKind } from "./types";

/**
 * Learning records (courses, conferences, certifications). Natural key: the external id when the
 * file has one, else team + employee + date + category + title.
 */
export interface LearningItem {
  teamId: string;
  employeeId: string | null;
  date: string;
  hours: number;
  spend: number;
  category: string;
  title: string | null;
  externalId: string | null;
}

const CATEGORIES = ["course", "conference", "certification", "internal", "other"];

const FIELDS: FieldSpec[] = [
  { key: "team", label: "Team", aliases: ["team slug", "team name"], required: true, example: "payments" },
  { key: "employeeId", label: "Employee id", aliases: ["employee", "person id"], example: "E1042" },
  { key: "date", label: "Date", aliases: ["completed", "completed on", "day"], required: true, example: "2026-02-12" },
  { key: "hours", label: "Hours", aliases: ["duration"], example: "6" },
  { key: "spend", label: "Spend", aliases: ["cost", "amount"], example: "450" },
  { key: "category", label: "Category", aliases: ["type"], required: true, example: "course" },
  { key: "title", label: "Title", aliases: ["name", "course"], example: "Kubernetes fundamentals" },
  { key: "externalId", label: "External id", aliases: ["record id", "lms id"], example: "LMS-88123" },
];

const naturalKey = (i: LearningItem) => (i.externalId ? `x:${i.externalId}` : `${i.teamId}|${i.employeeId ?? ""}|${i.date}|${i.category}|${i.title ?? ""}`);

export const learningKind: ImportKind<LearningItem> = {
  key: "learning",
  label: "Learning records",
  description: "team, employee id, date, hours, spend, category (course, conference, certification, internal, other), title, external id.",
  access: "admin",
  peopleData: true,
  undoable: true,
  fields: FIELDS,
  async open(client, options) {
    const writer = new MetricValueWriter(await loadTeams(client), await loadMetricRefs(client), { ...options, createUnknown: false });
    return {
      fieldOptions: () => FIELDS.map((f) => ({ key: f.key, label: f.label })),
      match: (header) => staticMatch(header, FIELDS),
      parse(get) {
        const row = new RowReader(get, options);
        const team = writer.team(row.required("team", "The team"), "team", row.issues);
        const date = row.date("date", { required: true });
        const hours = row.number("hours", { min: 0 }) ?? 0;
        const spend = row.number("spend", { min: 0 }) ?? 0;
        const category = row.required("category", "The category")?.toLowerCase() ?? null;
        if (category && !CATEGORIES.includes(category)) row.issues.push({ field: "category", message: `"${category}" is not a category (use ${CATEGORIES.join(", ")}).` });
        if (row.issues.length > 0 || !team || !("id" in team) || !date || !category) return { ok: false, issues: row.issues };
        const item: LearningItem = {
          teamId: team.id, employeeId: row.text("employeeId") || null, date, hours, spend, category,
          title: row.text("title") || null, externalId: row.text("externalId") || null,
        };
        return { ok: true, items: [{ key: naturalKey(item), item }] };
      },
      async apply(items, tx) {
        const externalIds = items.flatMap((i) => (i.externalId ? [i.externalId] : []));
        const stored = await learningRecordsFor(
          { externalIds, teamIds: [...new Set(items.map((i) => i.teamId))], dates: [...new Set(items.map((i) => i.date))].map((d) => new Date(d)) },
          tx,
        );
        const byKey = new Map(stored.map((s) => [naturalKey({ ...s, date: formatDay(s.date) }), s]));
        const changes: BeforeImage[] = [];
        let created = 0;
        let updated = 0;
        let unchanged = 0;
        for (const item of items) {
          const current = byKey.get(naturalKey(item));
          const data = { teamId: item.teamId, employeeId: item.employeeId, date: new Date(item.date), hours: item.hours, spend: item.spend, category: item.category, title: item.title, externalId: item.externalId };
          if (!current) {
            const row = await insertLearningRecord({ ...data, importId: options.importId, createdById: options.user?.id ?? null }, tx);
            changes.push({ entityType: "LearningRecord", entityId: row.id, before: null });
            created++;
            continue;
          }
          const before = { teamId: current.teamId, employeeId: current.employeeId, date: formatDay(current.date), hours: current.hours, spend: current.spend, category: current.category, title: current.title, externalId: current.externalId };
          if (JSON.stringify(before) === JSON.stringify({ ...data, date: item.date })) {
            unchanged++;
            continue;
          }
          await updateLearningRecord(current.id, { ...data, importId: options.importId }, tx);
          changes.push({ entityType: "LearningRecord", entityId: current.id, before: { ...before, importId: current.importId } });
          updated++;
        }
        if (created + updated > 0) await recordAudit(options.actor, { action: "import", entityType: "LearningRecord", entityId: options.importId ?? "import", summary: `Learning records: ${created} created, ${updated} updated` }, tx);
        return { created, updated, unchanged, issues: [], changes };
      },
    };
  },
};
