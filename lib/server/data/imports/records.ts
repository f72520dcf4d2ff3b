import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";
import type { AiUsageCounts as StoredAiUsageCounts } from "@/lib/server/data/skills/ai-usage";

/** The organisation rows the team, group, AI-usage, learning and survey imports read and write. */

export async function teamRefRows(tx: Tx = client) {
  return tx.team.findMany({ select: { id: true, slug: true, name: true, archivedAt: true } });
}

export async function groupRefRows(tx: Tx = client) {
  return tx.group.findMany({ select: { id: true, slug: true, name: true } });
}

export async function groupTreeRows(tx: Tx = client) {
  return tx.group.findMany({ select: { id: true, slug: true, name: true, parentId: true } });
}

export async function insertGroup(slug: string, name: string, tx: Tx = client): Promise<{ id: string }> {
  return tx.group.create({ data: { slug, name }, select: { id: true } });
}

/** Creates the groups (slugs not yet taken) in one statement; their ids by slug. */
export async function insertGroups(groups: readonly { slug: string; name: string }[], tx: Tx = client): Promise<Map<string, string>> {
  if (groups.length === 0) return new Map();
  const rows = await tx.group.createManyAndReturn({ data: groups.map(({ slug, name }) => ({ slug, name })), select: { id: true, slug: true } });
  return new Map(rows.map((r) => [r.slug, r.id]));
}

export async function updateGroupPlacement(id: string, name: string, parentId: string | null, tx: Tx = client): Promise<void> {
  await tx.group.update({ where: { id }, data: { name, parentId } });
}

type Sourcing = "ONSHORE" | "NEARSHORE" | "OFFSHORE" | "VENDOR";
export interface TeamFields {
  name: string;
  groupId: string;
  location: string;
  sourcing: Sourcing;
  origin: "ORGANIC" | "ACQUIRED";
  acquisitionName: string | null;
  acquisitionDate: Date | null;
  timeZone: string | null;
}

export async function teamsBySlugs(slugs: string[], tx: Tx = client) {
  return tx.team.findMany({
    where: { slug: { in: slugs } },
    select: { id: true, slug: true, name: true, groupId: true, location: true, sourcing: true, origin: true, acquisitionName: true, acquisitionDate: true, timeZone: true },
  });
}

export async function insertTeam(data: TeamFields & { slug: string }, tx: Tx = client): Promise<{ id: string }> {
  return tx.team.create({ data, select: { id: true } });
}

export async function updateTeamFields(id: string, data: TeamFields, tx: Tx = client): Promise<void> {
  await tx.team.update({ where: { id }, data });
}

/** Every metric's unit, by id. */
export async function metricUnitRows(tx: Tx = client): Promise<{ id: string; unit: string }[]> {
  return tx.metricDefinition.findMany({ select: { id: true, unit: true } });
}

// ---- AI-tool usage

/** A usage row's counts (the import sets its own id beside them). */
type AiUsageCounts = Omit<StoredAiUsageCounts, "importId">;

/** The stored usage rows for any of the tools, teams and dates (a superset of the rows asked for). */
export async function aiUsageRowsFor(keys: { tools: string[]; teamIds: string[]; dates: Date[] }, tx: Tx = client) {
  return tx.aiUsage.findMany({ where: { tool: { in: keys.tools }, teamId: { in: keys.teamIds }, date: { in: keys.dates } } });
}

export async function insertAiUsage(data: { tool: string; teamId: string; date: Date; importId: string | null } & Partial<AiUsageCounts>, tx: Tx = client): Promise<{ id: string }> {
  return tx.aiUsage.create({ data, select: { id: true } });
}

export async function updateAiUsageCounts(id: string, data: Partial<AiUsageCounts> & { importId: string | null }, tx: Tx = client): Promise<void> {
  await tx.aiUsage.update({ where: { id }, data });
}

// ---- learning records

export interface LearningFields {
  teamId: string;
  employeeId: string | null;
  date: Date;
  hours: number;
  spend: number;
  category: string;
  title: string | null;
  externalId: string | null;
}

/** The stored records with any of the external ids, or on any of the teams and dates. */
export async function learningRecordsFor(keys: { externalIds: string[]; teamIds: string[]; dates: Date[] }, tx: Tx = client) {
  return tx.learningRecord.findMany({
    where: { OR: [{ externalId: { in: keys.externalIds } }, { teamId: { in: keys.teamIds }, date: { in: keys.dates } }] },
  });
}

export async function insertLearningRecord(data: LearningFields & { importId: string | null; createdById: string | null }, tx: Tx = client): Promise<{ id: string }> {
  return tx.learningRecord.create({ data, select: { id: true } });
}

export async function updateLearningRecord(id: string, data: LearningFields & { importId: string | null }, tx: Tx = client): Promise<void> {
  await tx.learningRecord.update({ where: { id }, data });
}
