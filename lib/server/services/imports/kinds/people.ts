import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deletePersonById, personChangeState } from "@/lib/server/data/imports/undo";
import { forbidden } from "@/lib/server/errors";
import { can } from "@/lib/server/permissions";
import type { CanonicalPerson, RosterField } from "@/lib/retention/api-types";
import { recordOf } from "@/lib/retention/canonical";
import { personFromRows, problemAt, type ParsedRow, type RosterCells } from "@/lib/server/services/retention/import-roster";
import { recomputePeopleMetrics } from "@/lib/server/services/retention/recompute";
import { ROSTER_COLUMNS, ROSTER_TEMPLATE_ROWS } from "@/lib/retention/roster-columns";
import { checkRecord } from "@/lib/retention/check-records";
import type { PersonRecord } from "@/lib/validation/people";
import { loadRecordContext, loadStoredPeople, planSave, writePerson, writePlan } from "@/lib/server/services/retention/save-records";
import { staticMatch } from "./match";
import type { BeforeImage, Client, FieldIssue, FieldSpec, ImportKind, ItemIssue } from "./types";

/**
 * The people roster through the generic importer: the same columns, reading and checks as the roster
 * import on Admin → People (people/import-roster.ts), and the same write path (save-records.ts). A row
 * is one employment span; each row is checked on its own in the preview, and a person's rows together
 * (overlapping spans, promotions outside an employment) when the import runs. Natural key: employee id
 * + hire date. Only roles that may see people records may import them.
 */
export interface RosterItem {
  employeeId: string;
  cells: RosterCells;
}

const label = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replaceAll("_", " ");

const FIELDS: FieldSpec[] = ROSTER_COLUMNS.map((c, i) => ({ ...c, label: label(c.key), example: ROSTER_TEMPLATE_ROWS[0][i] }));

/** Problems come back under the field key; the framework names the file's column. */
const fieldName = (field: RosterField) => field;
const toIssue = (p: { column: string | null; message: string }): FieldIssue => ({ field: p.column ?? "employee_id", message: p.message });

export const peopleKind: ImportKind<RosterItem> = {
  key: "people",
  label: "People roster",
  description: "one row per employment: employee id, team, level, role family, location, sourcing, manager id, hire and exit dates, exit type, regretted, exit reason, previous team/level and since when.",
  access: "admin",
  peopleData: true,
  undoable: true,
  fields: FIELDS,
  async open(client, options) {
    if (options.user && !can(options.user, "viewPeopleRecords")) throw forbidden("Only admins can import people records.");
    const context = await loadRecordContext(client);
    const dayOrder = options.dayOrder ?? null;
    /** People this run has written, with their rows so far and their state before the import. */
    const seen = new Map<string, { rows: RosterCells[]; before: CanonicalPerson | null; recorded: boolean }>();
    return {
      fieldOptions: () => FIELDS.map((f) => ({ key: f.key, label: f.label })),
      match: (header) => staticMatch(header, FIELDS),
      parse(get) {
        const cells: RosterCells = {};
        for (const f of ROSTER_COLUMNS) cells[f.key] = get(f.key);
        const employeeId = cells.employee_id?.trim() ?? "";
        if (employeeId === "") return { ok: false, issues: [{ field: "employee_id", message: "An employee id is required but the cell is empty." }] };
        const rows = [{ line: 0, cells }];
        const person = personFromRows(rows, null, dayOrder, fieldName);
        const issues = person.problems.map(toIssue);
        if (person.record) for (const i of checkRecord(person.record, context).issues) issues.push(toIssue(problemAt(i.path, i.message, rows, fieldName)));
        if (issues.length > 0 || !person.record) return { ok: false, issues };
        return { ok: true, items: [{ key: `${employeeId}|${person.record.employments[0].hireDate}`, item: { employeeId, cells } }] };
      },
      async apply(items, tx) {
        const ids = [...new Set(items.map((i) => i.employeeId))];
        const stored = await loadStoredPeople(ids, tx);
        const issues: ItemIssue[] = [];
        const records: PersonRecord[] = [];
        const rowsOfRecord: ParsedRow[][] = [];
        // Each person's rows of this batch, in file order (a batch holds thousands of people).
        const batchRows = new Map<string, ParsedRow[]>(ids.map((id) => [id, []]));
        items.forEach((item, index) => batchRows.get(item.employeeId)?.push({ line: index, cells: item.cells }));
        for (const id of ids) {
          const earlier = seen.get(id);
          const before = earlier ? earlier.before : (stored.get(id) ?? null);
          // A person's rows from earlier batches count too (line -1: not in this batch).
          const rows: ParsedRow[] = [
            ...(earlier?.rows ?? []).map((cells) => ({ line: -1, cells })),
            ...(batchRows.get(id) ?? []),
          ];
          const firstInBatch = rows.find((r) => r.line >= 0)?.line ?? 0;
          const at = (p: { line: number; column: string | null; message: string }): ItemIssue => ({ index: p.line >= 0 ? p.line : firstInBatch, ...toIssue(p) });
          const person = personFromRows(rows, before ? recordOf(before) : null, dayOrder, fieldName);
          issues.push(...person.problems.map(at));
          if (person.record) {
            records.push(person.record);
            rowsOfRecord.push(rows);
          }
        }
        const plan = await planSave(records, context, tx);
        for (const issue of plan.issues) {
          const [index, ...path] = issue.path;
          const rows = rowsOfRecord[index as number] ?? [];
          const problem = problemAt(path, issue.message, rows, fieldName);
          issues.push({ index: problem.line >= 0 ? problem.line : (rows.find((r) => r.line >= 0)?.line ?? 0), ...toIssue(problem) });
        }
        if (issues.length > 0) return { created: 0, updated: 0, unchanged: 0, issues, changes: [] };

        await writePlan(tx, options.actor, plan.changes, "import");
        const changes: BeforeImage[] = [];
        let created = 0;
        let updated = 0;
        const written = new Set(plan.changes.map((c) => c.after.employeeId));
        for (const [index, record] of records.entries()) {
          const id = record.employeeId;
          const state = seen.get(id) ?? { rows: [], before: stored.get(id) ?? null, recorded: false };
          state.rows = rowsOfRecord[index].map((r) => r.cells);
          seen.set(id, state);
          if (state.recorded || !written.has(id)) continue;
          state.recorded = true;
          changes.push({ entityType: "Person", entityId: id, before: state.before as unknown as Prisma.InputJsonValue | null });
          if (state.before) updated++;
          else created++;
        }
        return { created, updated, unchanged: plan.unchanged, issues: [], changes };
      },
      afterCommit: async () => {
        // As after the roster import: every team's history is recomputed from one computation.
        await recomputePeopleMetrics();
      },
    };
  },
};

/**
 * Undoing one person an import wrote: refused when the record changed after the import; a person it
 * created is deleted (unless skills were recorded for them since), a changed one gets its record back.
 */
export async function undoPerson(tx: Client, employeeId: string, before: CanonicalPerson | null, finishedAt: Date, blocked: string[]): Promise<{ restored: number; deleted: number }> {
  const person = await personChangeState(employeeId, tx);
  if (!person) return { restored: 0, deleted: 0 };
  if (person.updatedAt > finishedAt) {
    blocked.push(`The people record ${employeeId} was changed after the import.`);
    return { restored: 0, deleted: 0 };
  }
  if (before) {
    await writePerson(tx, before);
    return { restored: 1, deleted: 0 };
  }
  if (person._count.skills > 0) {
    blocked.push(`The people record ${employeeId} now has skills recorded after the import.`);
    return { restored: 0, deleted: 0 };
  }
  await deletePersonById(person.id, tx);
  return { restored: 0, deleted: 1 };
}
