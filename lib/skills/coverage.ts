/**
 * Skills coverage and the bus-factor list (metric spec §5). Pure.
 * Proficiency is on a 0–4 scale; a needed skill is covered when at least two people hold it
 * at level 3 or above, so losing one person does not lose the skill.
 */
import { ratio } from "@/lib/domain/stats";

export const PROFICIENCY_MIN = 0;
export const PROFICIENCY_MAX = 4;
export const PROFICIENT_LEVEL = 3;
export const MIN_PROFICIENT_PEOPLE = 2;

export interface Proficiency {
  personId: string;
  skillId: string;
  level: number;
}

export interface SkillStatus {
  skillId: string;
  proficientPeople: string[];
  covered: boolean;
}

export interface SkillsCoverage {
  needed: number;
  covered: number;
  /** Covered ÷ needed × 100; null when the team declares no needed skills. */
  percent: number | null;
  skills: SkillStatus[];
  /** Needed skills held by fewer than two proficient people, fewest first. */
  busFactor: SkillStatus[];
}

function proficientBySkill(proficiencies: readonly Proficiency[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const p of proficiencies) {
    if (!Number.isInteger(p.level) || p.level < PROFICIENCY_MIN || p.level > PROFICIENCY_MAX) {
      throw new RangeError(`proficiency ${p.level} for ${p.personId}/${p.skillId} is outside 0–4`);
    }
    if (p.level < PROFICIENT_LEVEL) continue;
    const people = out.get(p.skillId) ?? new Set<string>();
    people.add(p.personId);
    out.set(p.skillId, people);
  }
  return out;
}

/** Coverage of one team's needed skills by its members' proficiencies. */
export function skillsCoverage(neededSkillIds: readonly string[], memberProficiencies: readonly Proficiency[]): SkillsCoverage {
  const proficient = proficientBySkill(memberProficiencies);
  const skills = [...new Set(neededSkillIds)].map((skillId) => {
    const people = [...(proficient.get(skillId) ?? [])].sort();
    return { skillId, proficientPeople: people, covered: people.length >= MIN_PROFICIENT_PEOPLE };
  });
  const covered = skills.filter((s) => s.covered).length;
  const share = ratio(covered, skills.length);
  return {
    needed: skills.length,
    covered,
    percent: share === null ? null : share * 100,
    skills,
    busFactor: skills
      .filter((s) => !s.covered)
      .sort((a, b) => a.proficientPeople.length - b.proficientPeople.length || a.skillId.localeCompare(b.skillId)),
  };
}

export interface TeamSkills {
  teamId: string;
  neededSkillIds: readonly string[];
  memberProficiencies: readonly Proficiency[];
}

export interface OrgSkillGap {
  skillId: string;
  teamsNeeding: number;
  /** Teams that need the skill and do not cover it. */
  uncoveredTeamIds: string[];
  /** Proficient people anywhere in the organisation (who might help, or be hired around). */
  proficientPeopleInOrg: number;
}

/** Needed skills left uncovered in at least one team, most widespread gap first. */
export function orgSkillGaps(teams: readonly TeamSkills[]): OrgSkillGap[] {
  const orgProficient = proficientBySkill(teams.flatMap((t) => t.memberProficiencies));
  const gaps = new Map<string, OrgSkillGap>();
  for (const team of teams) {
    for (const s of skillsCoverage(team.neededSkillIds, team.memberProficiencies).skills) {
      const gap = gaps.get(s.skillId) ?? {
        skillId: s.skillId,
        teamsNeeding: 0,
        uncoveredTeamIds: [],
        proficientPeopleInOrg: orgProficient.get(s.skillId)?.size ?? 0,
      };
      gap.teamsNeeding += 1;
      if (!s.covered) gap.uncoveredTeamIds.push(team.teamId);
      gaps.set(s.skillId, gap);
    }
  }
  return [...gaps.values()]
    .filter((g) => g.uncoveredTeamIds.length > 0)
    .sort((a, b) => b.uncoveredTeamIds.length - a.uncoveredTeamIds.length || a.skillId.localeCompare(b.skillId));
}
