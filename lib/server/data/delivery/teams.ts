import "server-only";
import { client, type SqlRunner, type Tx } from "@/lib/server/data/runner";

/** Teams as the delivery and flow reads and the recompute need them: their status mapping (Team.statusMap). */

/** Each team's raw status mapping, on the given runner (inside a recompute or an ingest batch). */
export async function teamStatusMapRows(runner: SqlRunner, teamIds: readonly string[]): Promise<{ id: string; statusMap: unknown }[]> {
  return runner.query<{ id: string; statusMap: unknown }>(`SELECT "id", "statusMap" FROM "Team" WHERE "id" = ANY($1::text[])`, [teamIds]);
}

/** The teams with their slug and raw status mapping. */
export async function teamsWithStatusMap(teamIds: readonly string[], tx: Tx = client) {
  return tx.team.findMany({ where: { id: { in: [...teamIds] } }, select: { id: true, slug: true, statusMap: true } });
}

/** Teams that have at least one work item. */
export async function teamIdsWithWorkItems(runner: SqlRunner): Promise<string[]> {
  return (await runner.query<{ teamId: string }>(`SELECT DISTINCT "teamId" FROM "WorkItem"`)).map((r) => r.teamId);
}

/** Team slugs of the given ids (those that exist). */
export async function teamSlugsOf(teamIds: readonly string[], tx: Tx = client): Promise<string[]> {
  return (await tx.team.findMany({ where: { id: { in: [...teamIds] } }, select: { slug: true } })).map((t) => t.slug);
}
