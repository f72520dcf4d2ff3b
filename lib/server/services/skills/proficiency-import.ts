import "server-only";
import { CsvError } from "@/lib/csv/errors";
import { matchColumns } from "@/lib/csv/header";
import { parseCsvText } from "@/lib/csv/read";
import { parseInteger } from "@/lib/csv/values";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { skillNames } from "@/lib/server/data/skills/catalog";
import { badRequest } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { proficiencyInput, type ProficiencyInput } from "@/lib/validation/skills";
import { setProficiencies } from "./skills-matrix";

/**
 * The skills-matrix CSV: `employeeId,skill,level`, skill by name (case-insensitive) or id. All or
 * nothing: any bad row refuses the file, naming its line and column; then the rows go through
 * setProficiencies, which checks who may set each person's levels.
 */
const FIELDS = [
  { key: "employeeId", aliases: ["employee", "employee id", "person"], required: true },
  { key: "skill", aliases: ["skill name", "skillId"], required: true },
  { key: "level", aliases: ["proficiency"], required: true },
] as const;

export interface CsvRowIssue {
  line: number;
  column: string;
  message: string;
}

export async function importProficiencyCsv(csv: string, user: SessionUser | null, actor: Actor): Promise<{ saved: number }> {
  let table;
  try {
    table = parseCsvText(csv);
  } catch (error) {
    if (error instanceof CsvError) throw badRequest(error.message);
    throw error;
  }
  const match = matchColumns(table.header, FIELDS);
  if (match.missing.length) throw badRequest(`The file needs the columns employeeId, skill and level; missing: ${match.missing.join(", ")}.`);
  const skills = await skillNames();
  const byName = new Map(skills.map((s) => [s.name.toLowerCase(), s.id]));
  const ids = new Set(skills.map((s) => s.id));
  const col = (key: (typeof FIELDS)[number]["key"]) => match.columns[key] as number;
  const issues: CsvRowIssue[] = [];
  const items: ProficiencyInput[] = [];
  for (const row of table.rows) {
    const employeeId = (row.fields[col("employeeId")] ?? "").trim();
    const skillText = (row.fields[col("skill")] ?? "").trim();
    const level = parseInteger((row.fields[col("level")] ?? "").trim());
    const skillId = byName.get(skillText.toLowerCase()) ?? (ids.has(skillText) ? skillText : null);
    if (!skillId) issues.push({ line: row.line, column: "skill", message: `no skill named "${skillText}" in the catalog` });
    if (!level.ok) issues.push({ line: row.line, column: "level", message: level.error });
    if (!skillId || !level.ok) continue;
    const parsed = proficiencyInput.safeParse({ employeeId, skillId, level: level.value });
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ line: row.line, column: String(i.path[0] === "skillId" ? "skill" : i.path[0]), message: i.message });
      continue;
    }
    items.push(parsed.data);
  }
  if (issues.length) {
    const first = issues[0];
    throw badRequest(`Line ${first.line}, ${first.column}: ${first.message}`, { rows: issues.slice(0, 50) });
  }
  try {
    return await setProficiencies(items, user, actor);
  } catch (error) {
    // Name file lines rather than batch indexes.
    const zodIssues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    if (!zodIssues) throw error;
    const rows = zodIssues.map((i) => ({ line: table.rows[Number(i.path[0])]?.line ?? 0, column: String(i.path[1]), message: i.message }));
    throw badRequest(`Line ${rows[0].line}, ${rows[0].column}: ${rows[0].message}`, { rows });
  }
}
