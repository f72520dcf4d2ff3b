import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** Lookups the Skills services share: teams by slug or id, people's teams, the skill catalog, metric keys. */

export async function teamsBySlugs(slugs: string[], tx: Tx = client): Promise<{ id: string; slug: string }[]> {
  return tx.team.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
}

/** Teams with one of the slugs or ids. */
export async function teamsBySlugsOrIds(slugs: string[], ids: string[], tx: Tx = client): Promise<{ id: string; slug: string; name: string }[]> {
  return tx.team.findMany({ where: { OR: [{ slug: { in: slugs } }, { id: { in: ids } }] }, select: { id: true, slug: true, name: true } });
}

export async function teamsOfPeople(employeeIds: string[], tx: Tx = client): Promise<{ employeeId: string; teamId: string | null }[]> {
  return tx.person.findMany({ where: { employeeId: { in: employeeIds } }, select: { employeeId: true, teamId: true } });
}

export async function countTeamsWithIds(ids: string[], tx: Tx = client): Promise<number> {
  return tx.team.count({ where: { id: { in: ids } } });
}

/** Live teams (all, or those with the ids), by name. */
export async function liveTeams(ids: string[] | null, tx: Tx = client): Promise<{ id: string; name: string; slug: string }[]> {
  return tx.team.findMany({
    where: { archivedAt: null, ...(ids === null ? {} : { id: { in: ids } }) },
    select: { id: true, name: true, slug: true },
    orderBy: { name: "asc" },
  });
}

export async function skillNames(tx: Tx = client): Promise<{ id: string; name: string }[]> {
  return tx.skill.findMany({ select: { id: true, name: true } });
}

export async function metricKeysIn(keys: string[], tx: Tx = client): Promise<{ key: string }[]> {
  return tx.metricDefinition.findMany({ where: { key: { in: keys } }, select: { key: true } });
}

/** Live metrics in catalog order, for choosing one. */
export async function liveMetricChoices(tx: Tx = client): Promise<{ key: string; name: string }[]> {
  return tx.metricDefinition.findMany({ where: { archivedAt: null }, select: { key: true, name: true }, orderBy: [{ pillar: "asc" }, { sortOrder: "asc" }] });
}
