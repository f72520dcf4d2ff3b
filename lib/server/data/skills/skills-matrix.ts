import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** The skills matrix: the catalog, teams' needed skills and people's proficiency. */

const SKILL = { id: true, name: true, category: true } as const;

export async function listSkillRows(tx: Tx = client): Promise<{ id: string; name: string; category: string | null }[]> {
  return tx.skill.findMany({ select: SKILL, orderBy: [{ category: "asc" }, { name: "asc" }] });
}

/** Another skill with the name (any case). */
export async function skillNamed(name: string, exceptId: string | undefined, tx: Tx = client) {
  return tx.skill.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) } });
}

export async function insertSkill(data: { name: string; category?: string | null }, tx: Tx = client) {
  return tx.skill.create({ data, select: SKILL });
}

export async function skillById(id: string, tx: Tx = client) {
  return tx.skill.findUnique({ where: { id }, select: SKILL });
}

export async function updateSkillRow(id: string, data: { name: string; category?: string | null }, tx: Tx = client) {
  return tx.skill.update({ where: { id }, data, select: SKILL });
}

/** A skill with the teams that need it. */
export async function skillWithTeams(id: string, tx: Tx = client) {
  return tx.skill.findUnique({ where: { id }, select: { ...SKILL, teams: { select: { teamId: true } } } });
}

export async function deleteSkillRow(id: string, tx: Tx = client): Promise<void> {
  await tx.skill.delete({ where: { id } });
}

/** People employed on `today` whose team is this one, with their proficiencies. */
export async function currentTeamMembers(teamId: string, today: Date, tx: Tx = client) {
  return tx.person.findMany({
    where: { teamId, employments: { some: { hireDate: { lte: today }, OR: [{ exitDate: null }, { exitDate: { gte: today } }] } } },
    select: { id: true, employeeId: true, level: true, roleFamily: true, skills: { select: { skillId: true, level: true } } },
    orderBy: { employeeId: "asc" },
  });
}

/** The skills a team needs. */
export async function teamNeededSkills(teamId: string, tx: Tx = client) {
  return tx.teamSkill.findMany({ where: { teamId }, select: { skill: { select: SKILL } } });
}

export async function teamName(teamId: string, tx: Tx = client): Promise<{ id: string; name: string } | null> {
  return tx.team.findUnique({ where: { id: teamId }, select: { id: true, name: true } });
}

export async function skillNamesByIds(ids: string[], tx: Tx = client): Promise<{ id: string; name: string }[]> {
  return tx.skill.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
}

export async function countSkillsWithIds(ids: string[], tx: Tx = client): Promise<number> {
  return tx.skill.count({ where: { id: { in: ids } } });
}

/** Replaces a team's needed skills; returns the ids it needed before. */
export async function replaceTeamNeeds(teamId: string, skillIds: string[], tx: Tx = client): Promise<string[]> {
  const before = await tx.teamSkill.findMany({ where: { teamId }, select: { skillId: true } });
  await tx.teamSkill.deleteMany({ where: { teamId } });
  if (skillIds.length) await tx.teamSkill.createMany({ data: skillIds.map((skillId) => ({ teamId, skillId })) });
  return before.map((b) => b.skillId);
}

export async function peopleByEmployeeIds(employeeIds: string[], tx: Tx = client): Promise<{ id: string; employeeId: string; teamId: string | null }[]> {
  return tx.person.findMany({ where: { employeeId: { in: employeeIds } }, select: { id: true, employeeId: true, teamId: true } });
}

export async function skillIdsIn(ids: string[], tx: Tx = client): Promise<{ id: string }[]> {
  return tx.skill.findMany({ where: { id: { in: ids } }, select: { id: true } });
}

export async function upsertProficiency(personId: string, skillId: string, level: number, tx: Tx = client): Promise<void> {
  await tx.personSkill.upsert({ where: { personId_skillId: { personId, skillId } }, create: { personId, skillId, level }, update: { level } });
}

export async function liveTeamNames(tx: Tx = client): Promise<{ id: string; name: string }[]> {
  return tx.team.findMany({ where: { archivedAt: null }, select: { id: true, name: true } });
}

export async function allTeamNeeds(tx: Tx = client): Promise<{ teamId: string; skillId: string }[]> {
  return tx.teamSkill.findMany({ select: { teamId: true, skillId: true } });
}
