/**
 * What every value generator knows about one team: its plan, the weeks it exists in the demo
 * (the acquired team only from the acquisition), its headcount each week from the roster, and
 * its character — fixed per team so that, say, Site Reliability always pages more than Mobile
 * Apps, while the random week-to-week noise comes from per-generator streams.
 */
import { addDays } from "@/lib/domain/time";
import { headcountAt } from "@/lib/retention/headcount";
import { inTeam } from "@/lib/retention/roster";
import type { TeamPlan } from "../org-plan";
import type { DemoRoster } from "../people";
import { streamFor, type Rng } from "../prng";
import type { DemoWindow } from "../window";

export interface TeamTraits {
  changeFailure: number;
  leadTimeMinutes: number;
  recoveryMinutes: number;
  restoreMinutes: number;
  throughputPerPerson: number;
  flowTimeDays: number;
  flowEfficiency: number;
  testAutomation: number;
  ciSuccess: number;
  escapedDefects: number;
  oncallPages: number;
  psychSafety: number;
  /** Mean eNPS answer (0–10) in a calm month. */
  enpsAnswer: number;
  participation: number;
  learningHours: number;
  aiAffinity: number;
  neededSkills: number;
  growthPlans: number;
  oneOnOnes: number;
}

export interface TeamContext {
  plan: TeamPlan;
  window: DemoWindow;
  /** Mondays the team exists, oldest first. */
  weeks: string[];
  traits: TeamTraits;
  /** People in the team at the close of the week's Sunday. */
  headcount: Map<string, number>;
  /** The manager has not yet entered this week's manual values (the missing-data views show it). */
  currentWeekEntryMissing: boolean;
  /** A random stream of its own for one generator, so generators do not disturb each other. */
  stream(label: string): Rng;
}

function traitsFor(rng: Rng, plan: TeamPlan): TeamTraits {
  const operational = plan.roleFamily === "site-reliability" || plan.roleFamily === "platform-engineering";
  return {
    changeFailure: rng.uniform(0.08, 0.17) * (plan.sourcing === "VENDOR" ? 1.3 : 1),
    leadTimeMinutes: rng.uniform(2, 5) * 1440 * (plan.deployRate < 5 ? 1.6 : 1),
    recoveryMinutes: rng.uniform(110, 420),
    restoreMinutes: rng.uniform(80, 300),
    throughputPerPerson: rng.uniform(0.6, 1.05),
    flowTimeDays: rng.uniform(4, 9),
    flowEfficiency: rng.uniform(0.22, 0.38),
    testAutomation: rng.uniform(38, 62),
    ciSuccess: rng.uniform(82, 93),
    escapedDefects: rng.uniform(0.5, 2),
    oncallPages: rng.uniform(1, 3.5) * (operational ? 2.2 : 1),
    psychSafety: rng.uniform(5.0, 5.9),
    enpsAnswer: rng.uniform(7.6, 8.5),
    participation: rng.uniform(0.72, 0.93),
    learningHours: rng.uniform(1.0, 2.2),
    aiAffinity: rng.uniform(-0.08, 0.1),
    neededSkills: rng.int(6, 10),
    growthPlans: rng.uniform(42, 65),
    oneOnOnes: rng.uniform(68, 88),
  };
}

export function teamContext(
  seed: number,
  window: DemoWindow,
  plan: TeamPlan,
  roster: DemoRoster,
  currentWeekEntryMissing: boolean,
): TeamContext {
  const weeks = plan.acquired ? window.weeks.filter((w) => w >= window.acquisitionDate) : window.weeks;
  const scope = inTeam(plan.slug);
  const headcount = new Map(weeks.map((w) => [w, headcountAt(roster.people, addDays(w, 6), scope).length]));
  return {
    plan,
    window,
    weeks,
    traits: traitsFor(streamFor(seed, `traits:${plan.slug}`), plan),
    headcount,
    currentWeekEntryMissing,
    stream: (label) => streamFor(seed, `${label}:${plan.slug}`),
  };
}

/** Headcount of the team at the end of `week` (0 before it exists). */
export function headcountIn(ctx: TeamContext, week: string): number {
  return ctx.headcount.get(week) ?? 0;
}
