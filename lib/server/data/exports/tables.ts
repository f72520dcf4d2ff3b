import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** Teams and groups as their exports write them. */

/** Active teams by slug, with their group's slug. */
export async function exportedTeams(tx: Tx = client) {
  return tx.team.findMany({
    where: { archivedAt: null },
    orderBy: { slug: "asc" },
    select: { slug: true, name: true, group: { select: { slug: true } }, location: true, sourcing: true, origin: true, acquisitionName: true, acquisitionDate: true, timeZone: true },
  });
}

/** Every group by slug, with its parent's id. */
export async function exportedGroups(tx: Tx = client): Promise<{ id: string; slug: string; name: string; parentId: string | null }[]> {
  return tx.group.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, name: true, parentId: true } });
}
