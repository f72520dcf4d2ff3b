import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** Services (deployable units that events are reported against) as the delivery reads name them. */

/** Id and name of the given services. */
export async function serviceNamesOf(serviceIds: readonly string[], tx: Tx = client): Promise<{ id: string; name: string }[]> {
  return tx.service.findMany({ where: { id: { in: [...serviceIds] } }, select: { id: true, name: true } });
}

/** Ids of the services the given teams own. */
export async function serviceIdsOfTeams(teamIds: readonly string[], tx: Tx = client): Promise<string[]> {
  return (await tx.service.findMany({ where: { teamId: { in: [...teamIds] } }, select: { id: true } })).map((s) => s.id);
}

/** A service by its (unique) name, with its team. */
export async function serviceByName(name: string, tx: Tx = client) {
  return tx.service.findUnique({ where: { name }, select: { id: true, name: true, teamId: true } });
}

/** Every service with its team (null while no admin has mapped it), by name. */
export async function listServicesWithTeam(tx: Tx = client) {
  return tx.service.findMany({ select: { name: true, team: { select: { slug: true, name: true } } }, orderBy: { name: "asc" } });
}
