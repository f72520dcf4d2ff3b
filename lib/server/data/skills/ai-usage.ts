import "server-only";
import { parseDay } from "@/lib/domain/time";
import { client, type Tx } from "@/lib/server/data/runner";

/** AI coding-tool usage rows (one per tool, team and day). */

export interface AiUsageCounts {
  seats: number | null;
  activeUsers: number | null;
  engagedUsers: number | null;
  suggestions: number | null;
  acceptances: number | null;
  agentTasks: number | null;
  importId: string | null;
}

/** A team's usage up to a day, for the adoption computation. */
export async function teamAiUsageUpTo(teamId: string, lastDay: string, tx: Tx = client) {
  return tx.aiUsage.findMany({
    where: { teamId, date: { lte: parseDay(lastDay) } },
    select: { tool: true, date: true, seats: true, activeUsers: true },
  });
}

/** Writes one tool's usage of a team for a day (replacing what was sent before); true when it was new. */
export async function upsertAiUsageDay(row: { tool: string; teamId: string; date: string }, data: AiUsageCounts, tx: Tx = client): Promise<boolean> {
  const key = { tool_teamId_date: { tool: row.tool, teamId: row.teamId, date: parseDay(row.date) } };
  const before = await tx.aiUsage.findUnique({ where: key, select: { id: true } });
  await tx.aiUsage.upsert({ where: key, create: { tool: row.tool, teamId: row.teamId, date: parseDay(row.date), ...data }, update: data });
  return !before;
}

/** The latest usage rows, with the team's name. */
export async function listAiUsageRows(filter: { teamIds?: string[]; limit?: number }, tx: Tx = client) {
  return tx.aiUsage.findMany({
    where: filter.teamIds ? { teamId: { in: filter.teamIds } } : {},
    select: { tool: true, teamId: true, team: { select: { name: true } }, date: true, seats: true, activeUsers: true, engagedUsers: true, suggestions: true, acceptances: true, agentTasks: true },
    orderBy: [{ date: "desc" }, { tool: "asc" }],
    take: filter.limit ?? 200,
  });
}
