import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** What a delivery/flow scope resolves from: a team or group named by slug or id, and the active teams. */

export async function teamBySlugOrId(key: string, tx: Tx = client) {
  return tx.team.findFirst({ where: { OR: [{ slug: key }, { id: key }] }, select: { id: true, name: true } });
}

export async function groupBySlugOrId(key: string, tx: Tx = client) {
  return tx.group.findFirst({ where: { OR: [{ slug: key }, { id: key }] }, select: { id: true, name: true } });
}

/** Teams not archived, with their group. */
export async function activeTeamGroups(tx: Tx = client): Promise<{ id: string; groupId: string }[]> {
  return tx.team.findMany({ where: { archivedAt: null }, select: { id: true, groupId: true } });
}
