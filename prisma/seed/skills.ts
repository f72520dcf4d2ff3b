/**
 * The demo's skills matrix, learning records, budgets and AI-tool usage, built to agree with the
 * weekly values the value generator already stored (values/skills.ts): each team's needed skills
 * and proficiencies give exactly the current week's seeded skills_coverage (covered ÷ needed), the
 * learning records add up to each week's seeded learning hours and spend, and the AI usage rows
 * carry each week's seeded active users and seats. Run it after the weekly values are inserted.
 * Deterministic: its random stream comes from the demo seed.
 */
import type { Db } from "@/lib/server/db";
import { addDays, formatDay, parseDay } from "@/lib/domain/time";
import { PROFICIENT_LEVEL } from "@/lib/skills/coverage";
import { streamFor, type Rng } from "./prng";
import type { DemoWindow } from "./window";

export interface SkillsSeedContext {
  seed: number;
  window: DemoWindow;
  /** Team slug → id. */
  teams: Map<string, string>;
}

export interface SkillsSeedSummary {
  skills: number;
  teamNeeds: number;
  proficiencies: number;
  learningRecords: number;
  budgets: number;
  aiUsageRows: number;
}

const CATALOG: { name: string; category: string }[] = [
  { name: "TypeScript", category: "Languages" },
  { name: "Go", category: "Languages" },
  { name: "Kotlin", category: "Languages" },
  { name: "Swift", category: "Languages" },
  { name: "Python", category: "Languages" },
  { name: "PostgreSQL", category: "Data" },
  { name: "Kafka", category: "Data" },
  { name: "Machine learning", category: "Data" },
  { name: "Kubernetes", category: "Infrastructure" },
  { name: "Terraform", category: "Infrastructure" },
  { name: "Observability", category: "Infrastructure" },
  { name: "Incident command", category: "Operations" },
  { name: "Security review", category: "Practices" },
  { name: "Accessibility", category: "Practices" },
  { name: "Payments compliance", category: "Domain" },
  { name: "Route optimisation", category: "Domain" },
];

/** Recent weeks get per-person records; older ones team-level records (today's members were not all there then). */
const PERSONAL_WEEKS = 26;
const BATCH = 2000;

async function seriesOf(db: Db, key: string) {
  const metric = await db.metricDefinition.findUnique({ where: { key }, select: { id: true } });
  if (!metric) return [];
  return db.metricValue.findMany({
    where: { metricId: metric.id },
    select: { teamId: true, weekStart: true, numerator: true, denominator: true },
    orderBy: { weekStart: "asc" },
  });
}

async function createInBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export async function seedSkills(db: Db, ctx: SkillsSeedContext): Promise<SkillsSeedSummary> {
  const rng = streamFor(ctx.seed, "skills-matrix");
  await db.skill.createMany({ data: CATALOG });
  const skills = await db.skill.findMany({ select: { id: true, name: true } });
  const teamIds = [...ctx.teams.values()];
  const people = await db.person.findMany({
    where: { teamId: { in: teamIds }, employments: { some: { exitDate: null } } },
    select: { id: true, employeeId: true, teamId: true },
    orderBy: { employeeId: "asc" },
  });
  const coverage = (await seriesOf(db, "skills_coverage")).filter((v) => formatDay(v.weekStart) === ctx.window.currentWeek);

  let needs = 0;
  let proficiencies = 0;
  for (const teamId of teamIds) {
    const members = people.filter((p) => p.teamId === teamId);
    const seeded = coverage.find((c) => c.teamId === teamId);
    const needed = Math.min(skills.length, seeded?.denominator ?? 6);
    const covered = members.length < 2 ? 0 : Math.min(needed, seeded?.numerator ?? Math.round(needed * 0.7));
    const chosen = rng.shuffle(skills).slice(0, needed);
    await db.teamSkill.createMany({ data: chosen.map((s) => ({ teamId, skillId: s.id })) });
    needs += chosen.length;
    const levels = proficiencyLevels(rng, members.map((m) => m.id), chosen.map((s) => s.id), covered);
    await db.personSkill.createMany({ data: levels });
    proficiencies += levels.length;
  }

  const learning = await learningRecords(db, rng, ctx, people);
  await createInBatches(learning, (batch) => db.learningRecord.createMany({ data: batch }));
  const year = Number(ctx.window.today.slice(0, 4));
  const budgets = teamIds.flatMap((teamId) => {
    const size = Math.max(1, people.filter((p) => p.teamId === teamId).length);
    return [year - 1, year].map((y) => ({ teamId, year: y, amount: Math.round((size * rng.uniform(900, 1600)) / 100) * 100 }));
  });
  await db.learningBudget.createMany({ data: budgets });

  const adoption = await seriesOf(db, "ai_adoption");
  const usage = adoption
    .filter((v) => v.numerator !== null && v.denominator !== null)
    .map((v) => ({ tool: "copilot", teamId: v.teamId, date: v.weekStart, seats: Math.round(v.denominator as number), activeUsers: Math.round(v.numerator as number) }));
  await createInBatches(usage, (batch) => db.aiUsage.createMany({ data: batch }));

  return { skills: skills.length, teamNeeds: needs, proficiencies, learningRecords: learning.length, budgets: budgets.length, aiUsageRows: usage.length };
}

/**
 * Levels such that exactly `covered` of the needed skills have two or more people at level 3+: those
 * get 2–3 experts; each other needed skill gets at most one (a bus-factor risk); everyone else 0–2.
 */
function proficiencyLevels(rng: Rng, personIds: string[], skillIds: string[], covered: number) {
  const out: { personId: string; skillId: string; level: number }[] = [];
  skillIds.forEach((skillId, i) => {
    const experts = i < covered ? rng.int(2, Math.min(3, personIds.length)) : rng.chance(0.6) ? Math.min(1, personIds.length) : 0;
    const chosen = new Set(rng.shuffle(personIds).slice(0, experts));
    for (const personId of personIds) {
      const level = chosen.has(personId) ? rng.int(PROFICIENT_LEVEL, 4) : rng.int(0, PROFICIENT_LEVEL - 1);
      if (level > 0) out.push({ personId, skillId, level });
    }
  });
  return out;
}

interface LearningRow {
  teamId: string;
  employeeId: string | null;
  date: Date;
  hours: number;
  spend: number;
  category: string;
  title: string;
}

const COURSE_TITLES = ["Domain-driven design workshop", "Kubernetes fundamentals", "Secure coding", "Effective code review", "Data modelling", "AI pair-programming basics"];

/** Splits each team-week's seeded hours over a few records, and its spend over a course or a conference. */
async function learningRecords(db: Db, rng: Rng, ctx: SkillsSeedContext, people: { employeeId: string; teamId: string | null }[]): Promise<LearningRow[]> {
  const [hours, spend] = await Promise.all([seriesOf(db, "learning_hours"), seriesOf(db, "learning_spend")]);
  const spendOf = new Map(spend.map((s) => [`${s.teamId}|${formatDay(s.weekStart)}`, s.numerator ?? 0]));
  const personalFrom = addDays(ctx.window.currentWeek, -7 * PERSONAL_WEEKS);
  const out: LearningRow[] = [];
  for (const h of hours) {
    const week = formatDay(h.weekStart);
    const total = h.numerator ?? 0;
    const money = spendOf.get(`${h.teamId}|${week}`) ?? 0;
    const members = people.filter((p) => p.teamId === h.teamId).map((p) => p.employeeId);
    const personal = week >= personalFrom && members.length > 0;
    const parts = total > 0 ? Math.min(3, Math.max(1, Math.round(total / 4))) : 0;
    let left = total;
    for (let i = 0; i < parts; i++) {
      const chunk = i === parts - 1 ? left : Math.round((total / parts) * 10) / 10;
      left = Math.round((left - chunk) * 10) / 10;
      if (chunk <= 0) continue;
      out.push({
        teamId: h.teamId, employeeId: personal ? rng.pick(members) : null, date: parseDay(addDays(week, rng.int(0, 4))),
        hours: chunk, spend: 0, category: rng.chance(0.5) ? "course" : "internal", title: rng.pick(COURSE_TITLES),
      });
    }
    if (money > 0) {
      out.push({
        teamId: h.teamId, employeeId: personal ? rng.pick(members) : null, date: parseDay(addDays(week, rng.int(0, 4))),
        hours: 0, spend: money, category: money > 1800 ? "conference" : "course", title: money > 1800 ? "Conference ticket and travel" : rng.pick(COURSE_TITLES),
      });
    }
  }
  return out;
}
