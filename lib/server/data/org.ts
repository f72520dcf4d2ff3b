import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";

export interface GroupRow {
  id: string;
  name: string;
  parentId: string | null;
}
export interface TeamRow {
  id: string;
  name: string;
  slug: string;
  groupId: string;
  location: string;
  sourcing: string;
  origin: string;
  acquisitionName: string | null;
}

/** The settings row; read on every dashboard request, so it is created only when missing (never upserted). */
export async function getOrgSettings() {
  return (await db.orgSettings.findUnique({ where: { id: 1 } })) ?? db.orgSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
}

export async function listGroups(): Promise<GroupRow[]> {
  return db.group.findMany({ select: { id: true, name: true, parentId: true }, orderBy: { name: "asc" } });
}

export async function listTeams(options: { includeArchived?: boolean } = {}): Promise<TeamRow[]> {
  return db.team.findMany({
    where: options.includeArchived ? {} : { archivedAt: null },
    select: { id: true, name: true, slug: true, groupId: true, location: true, sourcing: true, origin: true, acquisitionName: true },
    orderBy: { name: "asc" },
  });
}

/** Each group's id with all its ancestors' ids, nearest first (itself included). */
export function ancestorChains(groups: GroupRow[]): Map<string, string[]> {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const chains = new Map<string, string[]>();
  for (const g of groups) {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let cur: GroupRow | undefined = g; cur && !seen.has(cur.id); cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
      seen.add(cur.id);
      chain.push(cur.id);
    }
    chains.set(g.id, chain);
  }
  return chains;
}

export type Scope = { type: "ORG"; id: null; name: string } | { type: "GROUP" | "TEAM"; id: string; name: string };

/** Parses `org`, `group:<id>` or `team:<id>` and checks that it exists. */
export async function resolveScope(param: string | undefined): Promise<Scope> {
  if (!param || param === "org") return { type: "ORG", id: null, name: (await getOrgSettings()).name };
  const [kind, id] = param.split(":", 2);
  if (kind === "group" && id) {
    const group = await db.group.findUnique({ where: { id }, select: { id: true, name: true } });
    if (!group) throw notFound("Group");
    return { type: "GROUP", id: group.id, name: group.name };
  }
  if (kind === "team" && id) {
    const team = await db.team.findUnique({ where: { id }, select: { id: true, name: true } });
    if (!team) throw notFound("Team");
    return { type: "TEAM", id: team.id, name: team.name };
  }
  throw notFound("Scope");
}

/** Team ids inside a scope (a group includes its sub-groups' teams). */
export async function teamIdsInScope(scope: Scope): Promise<string[]> {
  if (scope.type === "TEAM") return [scope.id];
  const teams = await listTeams();
  if (scope.type === "ORG") return teams.map((t) => t.id);
  const chains = ancestorChains(await listGroups());
  return teams.filter((t) => chains.get(t.groupId)?.includes(scope.id)).map((t) => t.id);
}

export async function groupExists(id: string, tx: Tx = client): Promise<boolean> {
  return (await tx.group.findUnique({ where: { id }, select: { id: true } })) !== null;
}

export async function teamExists(id: string, tx: Tx = client): Promise<boolean> {
  return (await tx.team.findUnique({ where: { id }, select: { id: true } })) !== null;
}

/** How many of these teams exist (archived ones included); duplicates count once. */
export async function countExistingTeams(ids: string[], tx: Pick<Tx, "team"> = client): Promise<number> {
  return tx.team.count({ where: { id: { in: ids } } });
}

/** The team's group, or null when the team does not exist. */
export async function groupIdOfTeam(teamId: string, tx: Tx = client): Promise<string | null> {
  return (await tx.team.findUnique({ where: { id: teamId }, select: { groupId: true } }))?.groupId ?? null;
}
