import "server-only";
import type { Prisma, ScopeType } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/** The organisation's structure as administration reads and writes it: the group tree, teams and services. */

const GROUP_SELECT = { id: true, name: true, slug: true, parentId: true } as const;
const SERVICE_SELECT = { id: true, name: true, teamId: true, createdAt: true } as const;

const TEAM_SELECT = {
  id: true,
  name: true,
  slug: true,
  groupId: true,
  location: true,
  sourcing: true,
  origin: true,
  acquisitionName: true,
  acquisitionDate: true,
  timeZone: true,
  archivedAt: true,
  _count: {
    select: { metricValues: true, services: true, workItems: true, people: true, learning: true, aiUsage: true, surveyTargets: true, budgets: true, experiments: true },
  },
} satisfies Prisma.TeamSelect;

export interface GroupRecord {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
}
export interface GroupWithCounts extends GroupRecord {
  _count: { teams: number; children: number };
}
/** A team with how many rows of each kind of data it has (a team with any is archived, never deleted). */
export type TeamRecord = Prisma.TeamGetPayload<{ select: typeof TEAM_SELECT }>;
export interface ServiceRecord {
  id: string;
  name: string;
  teamId: string | null;
  createdAt: Date;
}

// ───────────── Groups ─────────────

/** Every group by name, with its number of teams and sub-groups. */
export async function listGroupsWithCounts(tx: Tx = client): Promise<GroupWithCounts[]> {
  return tx.group.findMany({ select: { ...GROUP_SELECT, _count: { select: { teams: true, children: true } } }, orderBy: { name: "asc" } });
}

export async function groupWithCountsById(id: string, tx: Tx = client): Promise<GroupWithCounts | null> {
  return tx.group.findUnique({ where: { id }, select: { ...GROUP_SELECT, _count: { select: { teams: true, children: true } } } });
}

export async function groupById(id: string, tx: Tx = client): Promise<GroupRecord | null> {
  return tx.group.findUnique({ where: { id }, select: GROUP_SELECT });
}

/** Every group's place in the tree. */
export async function listGroupParents(tx: Tx = client): Promise<{ id: string; parentId: string | null }[]> {
  return tx.group.findMany({ select: { id: true, parentId: true } });
}

export async function groupSlugsStartingWith(prefix: string, tx: Tx = client): Promise<string[]> {
  return (await tx.group.findMany({ where: { slug: { startsWith: prefix } }, select: { slug: true } })).map((g) => g.slug);
}

export async function insertGroup(data: { name: string; slug: string; parentId: string | null }, tx: Tx = client): Promise<GroupRecord> {
  return tx.group.create({ data, select: GROUP_SELECT });
}

/** Renames and/or moves the group (an undefined field stays). */
export async function updateGroupFields(id: string, data: { name?: string; parentId?: string | null }, tx: Tx = client): Promise<GroupRecord> {
  return tx.group.update({ where: { id }, data, select: GROUP_SELECT });
}

export async function deleteGroupById(id: string, tx: Tx = client): Promise<void> {
  await tx.group.delete({ where: { id } });
}

/** Removes the targets set on a group or team (before the scope itself goes). */
export async function deleteTargetsOfScope(scopeType: ScopeType, scopeId: string, tx: Tx = client): Promise<void> {
  await tx.target.deleteMany({ where: { scopeType, scopeId } });
}

/** Removes the pre-aggregated roll-ups of a group or team (before the scope itself goes). */
export async function deleteRollupsOfScope(scopeType: ScopeType, scopeId: string, tx: Tx = client): Promise<void> {
  await tx.metricRollup.deleteMany({ where: { scopeType, scopeId } });
}

// ───────────── Teams ─────────────

export async function listTeamRecords(tx: Tx = client): Promise<TeamRecord[]> {
  return tx.team.findMany({ select: TEAM_SELECT, orderBy: { name: "asc" } });
}

export async function teamRecordById(id: string, tx: Tx = client): Promise<TeamRecord | null> {
  return tx.team.findUnique({ where: { id }, select: TEAM_SELECT });
}

export async function teamIdBySlug(slug: string, tx: Tx = client): Promise<string | null> {
  return (await tx.team.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
}

export async function insertTeam(data: Prisma.TeamUncheckedCreateInput, tx: Tx = client): Promise<TeamRecord> {
  return tx.team.create({ data, select: TEAM_SELECT });
}

/** Changes the given fields (an undefined field stays). */
export async function updateTeamFields(id: string, data: Prisma.TeamUncheckedUpdateInput, tx: Tx = client): Promise<TeamRecord> {
  return tx.team.update({ where: { id }, data, select: TEAM_SELECT });
}

export async function deleteTeamById(id: string, tx: Tx = client): Promise<void> {
  await tx.team.delete({ where: { id } });
}

// ───────────── Services ─────────────

export async function listServiceRecords(tx: Tx = client): Promise<ServiceRecord[]> {
  return tx.service.findMany({ select: SERVICE_SELECT, orderBy: { name: "asc" } });
}

/** Name and owning team of a service. */
export async function serviceOwnershipById(id: string, tx: Tx = client): Promise<{ name: string; teamId: string | null } | null> {
  return tx.service.findUnique({ where: { id }, select: { name: true, teamId: true } });
}

export async function insertService(data: { name: string; teamId?: string | null }, tx: Tx = client): Promise<ServiceRecord> {
  return tx.service.create({ data, select: SERVICE_SELECT });
}

/** Renames and/or reassigns the service (an undefined field stays). */
export async function updateServiceFields(id: string, data: { name?: string; teamId?: string | null }, tx: Tx = client): Promise<ServiceRecord> {
  return tx.service.update({ where: { id }, data, select: SERVICE_SELECT });
}
