import "server-only";
import { addDays, formatDay, mondayOf } from "@/lib/domain/time";
import type { AiUsageView } from "@/lib/skills/api-types";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { inTransaction, type Tx } from "@/lib/server/data/runner";
import { listAiUsageRows, teamAiUsageUpTo, upsertAiUsageDay, type AiUsageCounts } from "@/lib/server/data/skills/ai-usage";
import { teamsBySlugs } from "@/lib/server/data/skills/catalog";
import { canWriteTeam } from "@/lib/server/permissions";
import { recordAudit } from "@/lib/server/services/audit";
import type { AiUsageInput } from "@/lib/validation/skills";
import { headcountLookup, writeComputedValues, type TeamWeeks } from "./computed-values";
import { itemIssues, type ItemIssue, type WriteOptions } from "./learning";
import { aiWeekValues } from "@/lib/skills/weekly-values";

/**
 * AI coding-tool usage rows (AiUsage: one per tool, team and day), written from the generic
 * CSV/JSON feed or the Copilot importer (./copilot-import.ts). Idempotent on (tool, team, date):
 * sending a day again replaces it. After the commit, ai_adoption and ai_reach are recomputed for
 * the weeks touched.
 */
export type UsageRowInput = { tool: string; teamId: string; date: string } & Omit<AiUsageCounts, "importId">;

export interface UsageWriteResult {
  received: number;
  created: number;
  updated: number;
  touched: Map<string, Set<string>>;
  recompute: () => Promise<void>;
}

/** Recomputes ai_adoption and ai_reach for the given team-weeks (all tools combined). */
export async function recomputeAiAdoption(touched: ReadonlyMap<string, ReadonlySet<string>>): Promise<void> {
  const work: TeamWeeks[] = [];
  for (const [teamId, weekSet] of touched) {
    const weeks = [...weekSet].sort();
    const rows = await teamAiUsageUpTo(teamId, addDays(weeks[weeks.length - 1], 6));
    const usage = rows.map((r) => ({ tool: r.tool, date: formatDay(r.date), seats: r.seats, activeUsers: r.activeUsers }));
    const values = aiWeekValues(usage, weeks, await headcountLookup(teamId, weeks));
    work.push({ teamId, keys: ["ai_adoption", "ai_reach"], weeks, values });
  }
  await writeComputedValues(work);
}

/** Writes resolved rows (team ids known) in one transaction; the shared path for both importers. */
export async function writeUsageRows(rows: readonly UsageRowInput[], options: WriteOptions): Promise<UsageWriteResult> {
  if (options.user) {
    const issues: ItemIssue[] = rows.flatMap((r, index) =>
      canWriteTeam(options.user as SessionUser, r.teamId) ? [] : [{ index, field: "team", message: "you can only import usage for the teams you manage" }],
    );
    if (issues.length) throw itemIssues(issues);
  }
  const touched = new Map<string, Set<string>>();
  const run = async (tx: Tx) => {
    let created = 0;
    let updated = 0;
    for (const r of rows) {
      const data = {
        seats: r.seats, activeUsers: r.activeUsers, engagedUsers: r.engagedUsers, suggestions: r.suggestions,
        acceptances: r.acceptances, agentTasks: r.agentTasks, importId: options.importId ?? null,
      };
      if (await upsertAiUsageDay(r, data, tx)) created += 1;
      else updated += 1;
      const weeks = touched.get(r.teamId) ?? new Set<string>();
      // Seats carry forward, so the next weeks' adoption can change too; the writer bounds them to this week.
      weeks.add(mondayOf(r.date));
      touched.set(r.teamId, weeks);
    }
    await recordAudit(options.actor, { action: "import", entityType: "AiUsage", entityId: `batch:${Date.now()}`, summary: `${rows.length} usage rows: ${created} created, ${updated} updated` }, tx);
    return { created, updated };
  };
  const counts = options.tx ? await run(options.tx) : await inTransaction(run);
  const recompute = () => recomputeAiAdoption(touched);
  if (!options.tx) await recompute();
  return { received: rows.length, ...counts, touched, recompute };
}

/** The generic feed: rows naming a team by slug. Unknown slugs are refused with their index. */
export async function upsertAiUsage(items: readonly AiUsageInput[], options: WriteOptions): Promise<UsageWriteResult> {
  const slugs = [...new Set(items.map((i) => i.team))];
  const teams = await teamsBySlugs(slugs, options.tx);
  const bySlug = new Map(teams.map((t) => [t.slug, t.id]));
  const issues: ItemIssue[] = items.flatMap((i, index) => (bySlug.has(i.team) ? [] : [{ index, field: "team", message: `no team with slug "${i.team}"` }]));
  if (issues.length) throw itemIssues(issues);
  return writeUsageRows(
    items.map((i) => ({
      tool: i.tool, teamId: bySlug.get(i.team) as string, date: i.date, seats: i.seats ?? null, activeUsers: i.activeUsers,
      engagedUsers: i.engagedUsers ?? null, suggestions: i.suggestions ?? null, acceptances: i.acceptances ?? null, agentTasks: i.agentTasks ?? null,
    })),
    options,
  );
}

/** The latest usage rows (team-level counts only; the importers keep no per-person data). */
export async function listAiUsage(filter: { teamIds?: string[]; limit?: number }): Promise<AiUsageView[]> {
  const rows = await listAiUsageRows(filter);
  return rows.map(({ team, date, ...r }) => ({ ...r, teamName: team.name, date: formatDay(date) }));
}
