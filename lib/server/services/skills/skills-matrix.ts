import "server-only";
import { teamExists } from "@/lib/server/data/org";
import { formatDay, parseDay } from "@/lib/domain/time";
import type { OrgGapView, TeamProficienciesView, TeamSkillsView } from "@/lib/skills/api-types";
import { orgSkillGaps, skillsCoverage, type Proficiency } from "@/lib/skills/coverage";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { inTransaction } from "@/lib/server/data/runner";
import {
  allTeamNeeds, countSkillsWithIds, currentTeamMembers, deleteSkillRow, insertSkill, listSkillRows, liveTeamNames, peopleByEmployeeIds,
  replaceTeamNeeds, skillById, skillIdsIn, skillNamed, skillNamesByIds, skillWithTeams, teamName, teamNeededSkills, updateSkillRow,
  upsertProficiency,
} from "@/lib/server/data/skills/skills-matrix";
import { badRequest, conflict, forbidden, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { canWriteTeam, viewTeamIndividuals } from "@/lib/server/permissions";
import { recordAudit } from "@/lib/server/services/audit";
import type { ProficiencyInput, SkillInput } from "@/lib/validation/skills";
import { currentWeek, writeComputedValues, type TeamWeeks } from "./computed-values";
import { itemIssues, type ItemIssue } from "./learning";
import { coverageValue } from "@/lib/skills/weekly-values";

/**
 * The skills matrix: the catalog (admins), each team's needed skills (admins and the team's
 * managers) and each person's proficiency 0–4 (admins and the managers of the person's team).
 *
 * Individual proficiency is personal: only admins and the managers of the person's team may read
 * it (`teamProficiencies` refuses everyone else with 403). Everyone else sees team aggregates —
 * coverage, how many people are proficient in each needed skill, the bus-factor list and the
 * organisation's gaps — never who holds a skill. After every change the team's skills_coverage
 * value for the current week is stored (numerator covered, denominator needed).
 */

export function canViewIndividuals(user: SessionUser, teamId: string): boolean {
  return viewTeamIndividuals(user, teamId);
}

export async function listSkills() {
  return listSkillRows();
}

async function assertUniqueName(name: string, exceptId?: string) {
  const other = await skillNamed(name, exceptId);
  if (other) throw conflict(`A skill named "${other.name}" already exists.`);
}

export async function createSkill(input: SkillInput, actor: Actor) {
  await assertUniqueName(input.name);
  return inTransaction(async (tx) => {
    const row = await insertSkill(input, tx);
    await recordAudit(actor, { action: "create", entityType: "Skill", entityId: row.id, summary: row.name, after: row }, tx);
    return row;
  });
}

export async function updateSkill(id: string, input: SkillInput, actor: Actor) {
  const before = await skillById(id);
  if (!before) throw notFound("Skill");
  await assertUniqueName(input.name, id);
  return inTransaction(async (tx) => {
    const row = await updateSkillRow(id, input, tx);
    await recordAudit(actor, { action: "update", entityType: "Skill", entityId: id, summary: row.name, before, after: row }, tx);
    return row;
  });
}

export async function deleteSkill(id: string, actor: Actor): Promise<void> {
  const before = await skillWithTeams(id);
  if (!before) throw notFound("Skill");
  await inTransaction(async (tx) => {
    await deleteSkillRow(id, tx);
    await recordAudit(actor, { action: "delete", entityType: "Skill", entityId: id, summary: before.name, before }, tx);
  });
  await recomputeCoverage(before.teams.map((t) => t.teamId));
}

/** People currently employed whose team is this one. */
async function teamMembers(teamId: string, now: Date) {
  return currentTeamMembers(teamId, parseDay(formatDay(now)));
}

async function coverageOf(teamId: string, now: Date) {
  const [needs, members] = await Promise.all([
    teamNeededSkills(teamId),
    teamMembers(teamId, now),
  ]);
  const proficiencies: Proficiency[] = members.flatMap((m) => m.skills.map((s) => ({ personId: m.id, skillId: s.skillId, level: s.level })));
  const needed = needs.map((n) => n.skill).sort((a, b) => a.name.localeCompare(b.name));
  return { needed, members, proficiencies, coverage: skillsCoverage(needed.map((s) => s.id), proficiencies) };
}

/** A team's coverage and bus-factor list as counts: safe for every reader. */
export async function teamSkills(teamId: string, user: SessionUser | null, now = new Date()): Promise<TeamSkillsView> {
  const team = await teamName(teamId);
  if (!team) throw notFound("Team");
  const { needed, members, coverage } = await coverageOf(teamId, now);
  const nameOf = new Map(needed.map((s) => [s.id, s]));
  return {
    team,
    people: members.length,
    needed: coverage.needed,
    covered: coverage.covered,
    percent: coverage.percent,
    skills: coverage.skills.map((s) => ({
      skillId: s.skillId, name: nameOf.get(s.skillId)?.name ?? "", category: nameOf.get(s.skillId)?.category ?? null,
      proficientPeople: s.proficientPeople.length, covered: s.covered,
    })),
    busFactor: coverage.busFactor.map((s) => ({ skillId: s.skillId, name: nameOf.get(s.skillId)?.name ?? "", proficientPeople: s.proficientPeople.length })),
    canViewIndividuals: user ? canViewIndividuals(user, teamId) : false,
    canEdit: user ? canWriteTeam(user, teamId) : false,
  };
}

/** Each member's proficiency: admins and the team's managers only (403 for everyone else). */
export async function teamProficiencies(teamId: string, user: SessionUser | null, now = new Date()): Promise<TeamProficienciesView> {
  if (user && !canViewIndividuals(user, teamId)) throw forbidden("Individual proficiency is visible to the team's managers and admins only.");
  const { needed, members } = await coverageOf(teamId, now);
  const held = new Set(members.flatMap((m) => m.skills.map((s) => s.skillId)));
  const neededIds = new Set(needed.map((s) => s.id));
  const extra = await skillNamesByIds([...held].filter((id) => !neededIds.has(id)));
  return {
    teamId,
    skills: [...needed.map((s) => ({ id: s.id, name: s.name, needed: true })), ...extra.map((s) => ({ id: s.id, name: s.name, needed: false }))],
    people: members.map((m) => ({
      employeeId: m.employeeId, level: m.level, roleFamily: m.roleFamily,
      levels: Object.fromEntries(m.skills.map((s) => [s.skillId, s.level])),
    })),
  };
}

export async function setTeamNeeds(teamId: string, skillIds: readonly string[], user: SessionUser, actor: Actor): Promise<TeamSkillsView> {
  if (!canWriteTeam(user, teamId)) throw forbidden("Only admins and the team's managers can change its needed skills.");
  if (!(await teamExists(teamId))) throw notFound("Team");
  const unique = [...new Set(skillIds)];
  if ((await countSkillsWithIds(unique)) !== unique.length) throw badRequest("skillIds: a skill does not exist.");
  await inTransaction(async (tx) => {
    const before = await replaceTeamNeeds(teamId, unique, tx);
    await recordAudit(actor, { action: "update", entityType: "TeamSkills", entityId: teamId, before, after: unique }, tx);
  });
  await recomputeCoverage([teamId]);
  return teamSkills(teamId, user);
}

/**
 * Sets proficiencies (one or many, all or nothing). A manager may set them only for people in
 * the teams they manage; an API token (user null) for anyone.
 */
export async function setProficiencies(items: readonly ProficiencyInput[], user: SessionUser | null, actor: Actor): Promise<{ saved: number }> {
  const people = await peopleByEmployeeIds([...new Set(items.map((i) => i.employeeId))]);
  const skills = await skillIdsIn([...new Set(items.map((i) => i.skillId))]);
  const personOf = new Map(people.map((p) => [p.employeeId, p]));
  const skillIds = new Set(skills.map((s) => s.id));
  const issues: ItemIssue[] = [];
  items.forEach((item, index) => {
    const person = personOf.get(item.employeeId);
    if (!person) issues.push({ index, field: "employeeId", message: `no person with employee id "${item.employeeId}" on the roster` });
    else if (user && (person.teamId === null || !canWriteTeam(user, person.teamId))) {
      issues.push({ index, field: "employeeId", message: "you can only set proficiency for people in the teams you manage" });
    }
    if (!skillIds.has(item.skillId)) issues.push({ index, field: "skillId", message: "no such skill" });
  });
  if (issues.length) throw itemIssues(issues);
  await inTransaction(async (tx) => {
    for (const item of items) {
      const personId = (personOf.get(item.employeeId) as { id: string }).id;
      await upsertProficiency(personId, item.skillId, item.level, tx);
    }
    // Levels are personal: the audit names the person and skill, not the level.
    await recordAudit(actor, { action: "update", entityType: "PersonSkill", entityId: `batch:${Date.now()}`, summary: `${items.length} proficiency levels set` }, tx);
  });
  await recomputeCoverage([...new Set(people.flatMap((p) => (p.teamId ? [p.teamId] : [])))]);
  return { saved: items.length };
}

/** Needed skills left uncovered somewhere, most widespread first: counts and team names only. */
export async function orgGaps(now = new Date()): Promise<OrgGapView[]> {
  const teams = await liveTeamNames();
  const [needs, skills] = await Promise.all([allTeamNeeds(), listSkills()]);
  const input = [];
  for (const t of teams) {
    const members = await teamMembers(t.id, now);
    input.push({
      teamId: t.id,
      neededSkillIds: needs.filter((n) => n.teamId === t.id).map((n) => n.skillId),
      memberProficiencies: members.flatMap((m) => m.skills.map((s) => ({ personId: m.id, skillId: s.skillId, level: s.level }))),
    });
  }
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const skillName = new Map(skills.map((s) => [s.id, s.name]));
  return orgSkillGaps(input).map((g) => ({
    skillId: g.skillId, name: skillName.get(g.skillId) ?? "", teamsNeeding: g.teamsNeeding, proficientPeopleInOrg: g.proficientPeopleInOrg,
    uncoveredTeams: g.uncoveredTeamIds.map((id) => ({ id, name: teamName.get(id) ?? "" })),
  }));
}

/** Stores each team's skills_coverage for the current week (none when it needs no skills). */
export async function recomputeCoverage(teamIds: readonly string[], now = new Date()): Promise<void> {
  const week = await currentWeek(now);
  const work: TeamWeeks[] = [];
  for (const teamId of new Set(teamIds)) {
    const { coverage } = await coverageOf(teamId, now);
    const value = coverageValue(week, coverage.covered, coverage.needed);
    work.push({ teamId, keys: ["skills_coverage"], weeks: [week], values: value ? [value] : [] });
  }
  await writeComputedValues(work);
}
