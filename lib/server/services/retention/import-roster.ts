import "server-only";
import { CsvError } from "@/lib/csv/errors";
import { matchColumns } from "@/lib/csv/header";
import type { ImportProblem, RosterField, RosterImportResult } from "@/lib/retention/api-types";
import { parseCsvStream, type ByteSource, type CsvRow } from "@/lib/csv/read";
import { detectDayOrder, parseBoolean, parseDate, type DayOrder } from "@/lib/csv/values";
import type { Actor } from "@/lib/server/http/actor";
import { personRecord, type PersonRecord } from "@/lib/validation/people";
import { recordOf } from "@/lib/retention/canonical";
import { loadRecordContext, loadStoredPeople, planSave, applyPlan } from "./save-records";
import { ROSTER_COLUMNS } from "@/lib/retention/roster-columns";

/**
 * Roster import from an HR-system CSV export: preview (dry run) shows every problem by row and
 * column; confirm writes all rows or none. Upserts on employee id, so importing the same file
 * again changes nothing. One row per employment span (a rehire has two rows). Columns are
 * matched by name with common HR aliases (roster-columns.ts). The generic importer's people kind
 * (imports/kinds/people.ts) reads and checks rows with the same functions (personFromRows).
 */

const MAX_ROWS = 20_000;

export type RosterCells = Partial<Record<RosterField, string>>;

export interface ParsedRow {
  line: number;
  cells: RosterCells;
}

type ColumnName = (f: RosterField) => string | null;

const FIELD_OF_PATH: Record<string, RosterField> = {
  employeeId: "employee_id", team: "team", level: "level", roleFamily: "role_family", location: "location", sourcing: "sourcing",
  managerEmployeeId: "manager_id", hireDate: "hire_date", exitDate: "exit_date", exitType: "exit_type", regretted: "regretted",
  exitReason: "exit_reason", fromTeam: "previous_team", toTeam: "team", fromLevel: "previous_level", toLevel: "level",
};

function emptyResult(dryRun: boolean): RosterImportResult {
  return { dryRun, applied: false, rows: 0, people: 0, columns: [], ignored: [], errors: [], created: 0, updated: 0, unchanged: 0 };
}

/** A person's rows (one per employment) → the record, merged over what is stored. */
function recordFromRows(rows: ParsedRow[], stored: PersonRecord | null, dayOrder: DayOrder | null, problems: ImportProblem[], columnName: ColumnName): unknown {
  const date = (row: ParsedRow, field: RosterField, required: boolean): string | null => {
    const raw = row.cells[field]?.trim() ?? "";
    if (raw === "") {
      if (required) problems.push({ line: row.line, column: columnName(field), message: "A date is required but the cell is empty." });
      return null;
    }
    const parsed = parseDate(raw, { dayOrder: dayOrder ?? undefined });
    if (!parsed.ok) {
      problems.push({ line: row.line, column: columnName(field), message: parsed.error });
      return null;
    }
    return parsed.value;
  };
  const text = (row: ParsedRow, field: RosterField) => {
    const v = row.cells[field]?.trim() ?? "";
    return v === "" ? null : v;
  };
  const spans = rows
    .map((row) => {
      const exitDate = date(row, "exit_date", false);
      const regrettedRaw = text(row, "regretted");
      let regretted = false;
      if (regrettedRaw !== null) {
        const parsed = parseBoolean(regrettedRaw);
        if (parsed.ok) regretted = parsed.value;
        else problems.push({ line: row.line, column: columnName("regretted"), message: parsed.error });
      }
      return { row, hireDate: date(row, "hire_date", true) ?? "", exitDate, exitType: text(row, "exit_type")?.toLowerCase() ?? null, regretted, exitReason: text(row, "exit_reason") };
    })
    .sort((a, b) => a.hireDate.localeCompare(b.hireDate));
  // The latest span's row carries the person's current attributes.
  const current = spans[spans.length - 1].row;
  const promotions = [...(stored?.promotions ?? [])];
  const teamMoves = [...(stored?.teamMoves ?? [])];
  const levelSince = date(current, "level_since", false);
  const previousLevel = text(current, "previous_level");
  if (levelSince && previousLevel) {
    const i = promotions.findIndex((p) => p.date === levelSince);
    const promotion = { date: levelSince, fromLevel: previousLevel, toLevel: text(current, "level") ?? "" };
    if (i >= 0) promotions[i] = promotion;
    else promotions.push(promotion);
  }
  const teamSince = date(current, "team_since", false);
  const previousTeam = text(current, "previous_team");
  if (teamSince && previousTeam) {
    const i = teamMoves.findIndex((m) => m.date === teamSince);
    const move = { date: teamSince, fromTeam: previousTeam, toTeam: text(current, "team") ?? "" };
    if (i >= 0) teamMoves[i] = move;
    else teamMoves.push(move);
  }
  return {
    employeeId: text(current, "employee_id"),
    team: text(current, "team"),
    level: text(current, "level"),
    roleFamily: text(current, "role_family"),
    location: text(current, "location"),
    sourcing: text(current, "sourcing"),
    managerEmployeeId: text(current, "manager_id"),
    employments: spans.map(({ row: _row, ...span }) => span),
    promotions,
    teamMoves,
  };
}

/**
 * One person's rows (one per employment) read into a checked record, merged over what is stored;
 * every problem names its row and column. Shared by this import and the generic importer's people kind.
 */
export function personFromRows(rows: ParsedRow[], stored: PersonRecord | null, dayOrder: DayOrder | null, columnName: ColumnName): { record: PersonRecord | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const parsed = personRecord.safeParse(recordFromRows(rows, stored, dayOrder, problems, columnName));
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(problemAt(issue.path, issue.message, rows, columnName));
  return { record: parsed.success && problems.length === 0 ? parsed.data : null, problems };
}

export async function importRoster(actor: Actor, source: ByteSource, options: { dryRun: boolean }): Promise<RosterImportResult> {
  const result = emptyResult(options.dryRun);
  let header: string[];
  const rows: ParsedRow[] = [];
  try {
    const csv = await parseCsvStream(source, { maxRows: MAX_ROWS });
    header = csv.header;
    const match = matchColumns(header, ROSTER_COLUMNS);
    result.columns = Object.entries(match.columns).map(([field, index]) => ({ field: field as RosterField, column: header[index as number] }));
    result.ignored = match.unmatched.map((c) => c.name);
    for (const key of match.missing) result.errors.push({ line: csv.headerLine, column: null, message: `No column for "${key}" (required). Rename the column or download the template.` });
    for (const d of match.duplicates) result.errors.push({ line: csv.headerLine, column: null, message: `Columns ${d.columns.map((c) => `"${c.name}"`).join(" and ")} both mean "${d.key}"; keep one.` });
    if (result.errors.length) return result;
    for await (const row of csv.rows as AsyncIterable<CsvRow>) {
      const cells: RosterCells = {};
      for (const [field, index] of Object.entries(match.columns)) cells[field as RosterField] = row.fields[index as number];
      rows.push({ line: row.line, cells });
    }
  } catch (error) {
    if (error instanceof CsvError) {
      result.errors.push({ line: error.line, column: null, message: error.message });
      return result;
    }
    throw error;
  }
  result.rows = rows.length;
  const columnName = (field: RosterField) => result.columns.find((c) => c.field === field)?.column ?? null;

  const dayOrder = detectDayOrder(rows.flatMap((r) => [r.cells.hire_date, r.cells.exit_date, r.cells.team_since, r.cells.level_since].filter((v): v is string => !!v)));
  const byPerson = new Map<string, ParsedRow[]>();
  for (const row of rows) {
    const id = row.cells.employee_id?.trim() ?? "";
    if (id === "") {
      result.errors.push({ line: row.line, column: columnName("employee_id"), message: "An employee id is required but the cell is empty." });
      continue;
    }
    byPerson.set(id, [...(byPerson.get(id) ?? []), row]);
  }
  result.people = byPerson.size;

  const stored = await loadStoredPeople([...byPerson.keys()]);
  const records: PersonRecord[] = [];
  const rowsOfRecord: ParsedRow[][] = [];
  for (const [id, personRows] of byPerson) {
    const before = stored.get(id);
    const person = personFromRows(personRows, before ? recordOf(before) : null, dayOrder, columnName);
    result.errors.push(...person.problems);
    if (!person.record) continue;
    records.push(person.record);
    rowsOfRecord.push(personRows);
  }
  const plan = await planSave(records, await loadRecordContext());
  for (const issue of plan.issues) {
    const [index, ...path] = issue.path;
    result.errors.push(problemAt(path, issue.message, rowsOfRecord[index as number] ?? [], columnName));
  }
  result.errors.sort((a, b) => a.line - b.line);
  result.unchanged = plan.unchanged;
  result.created = plan.changes.filter((c) => !c.before).length;
  result.updated = plan.changes.length - result.created;
  if (result.errors.length || options.dryRun) return result;
  await applyPlan(actor, { ...plan, issues: [] }, "import");
  return { ...result, applied: true };
}

/** Maps a record issue path (e.g. ["employments", 1, "exitDate"]) to the row and column it came from. */
export function problemAt(path: readonly PropertyKey[], message: string, rows: ParsedRow[], columnName: ColumnName): ImportProblem {
  const sorted = [...rows].sort((a, b) => (a.cells.hire_date ?? "").localeCompare(b.cells.hire_date ?? ""));
  const row = path[0] === "employments" && typeof path[1] === "number" ? (sorted[path[1]] ?? sorted.at(-1)) : sorted.at(-1);
  const leaf = [...path].reverse().find((p): p is string => typeof p === "string" && p in FIELD_OF_PATH);
  let field = leaf ? FIELD_OF_PATH[leaf] : null;
  if (path[0] === "promotions" && path.at(-1) === "date") field = "level_since";
  if (path[0] === "teamMoves" && path.at(-1) === "date") field = "team_since";
  return { line: row?.line ?? 0, column: field ? (columnName(field) ?? field) : null, message };
}
