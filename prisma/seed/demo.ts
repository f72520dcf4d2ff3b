/**
 * The demo organisation generator: a believable two-year history for "Northwind Freight —
 * Engineering" — org tree, services, users, roster, every built-in metric for every team and
 * week, targets, annotations and experiments. Deterministic: the same seed and the same `now`
 * give identical data; the window always ends at the ISO week of `now`.
 */
import "server-only";
import type { Db } from "@/lib/server/db";
import { sqlRunner } from "@/lib/server/db";
import { ensureBuiltIns } from "@/lib/server/services/bootstrap";
import { refreshAllRollups } from "@/lib/server/services/rollups";
import { insertValues } from "./insert-values";
import { createOrganisation } from "./org";
import { ORG_NAME, ORG_TIME_ZONE } from "./org-plan";
import { simulateRoster } from "./people";
import { seedDeliveryEvents, type DeliverySeedSummary } from "./delivery";
import { createRoster } from "./roster";
import { seedSkills, type SkillsSeedSummary } from "./skills";
import { seedSurveys, type SurveySeedSummary } from "./surveys";
import { createStory } from "./story";
import { createUsers } from "./users";
import { DEMO_ACCOUNTS } from "./accounts";
import { generateEngagementAnswers, generateValues } from "./values/generate";
import { demoWindow } from "./window";

export { DEMO_ACCOUNTS };
export type { DemoAccount, DemoRole } from "./accounts";

/** The seed behind the published demo; change it and every number changes. */
export const DEMO_SEED = 20_240_611;

export interface DemoOptions {
  /** The instant the demo is anchored on (default: now). */
  now?: Date;
  seed?: number;
}

export interface DemoSummary {
  organisation: string;
  timeZone: string;
  firstWeek: string;
  currentWeek: string;
  weeks: number;
  groups: number;
  teams: number;
  users: number;
  people: number;
  activePeople: number;
  promotions: number;
  teamMoves: number;
  metricValues: number;
  surveys: SurveySeedSummary;
  skills: SkillsSeedSummary;
  delivery: DeliverySeedSummary;
}

/** Whether the database holds no organisation yet (no teams), so the demo can be loaded into it. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.team.count()) === 0;
}

export async function seedDemo(db: Db, options: DemoOptions = {}): Promise<DemoSummary> {
  if (!(await isDatabaseEmpty(db))) {
    throw new Error("The database already has teams; the demo organisation is only loaded into an empty database.");
  }
  const seed = options.seed ?? DEMO_SEED;
  // Read once: everything below takes time from this instant only, so the demo is the same on any day.
  const now = options.now ?? new Date();
  const window = demoWindow(now, ORG_TIME_ZONE);
  await ensureBuiltIns(db);

  const ids = await createOrganisation(db, window);
  const users = await createUsers(db, ids.teams);
  const roster = simulateRoster(seed, window);
  const rosterCounts = await createRoster(db, roster, ids.teams);
  const metricIds = new Map((await db.metricDefinition.findMany({ select: { id: true, key: true } })).map((m) => [m.key, m.id]));
  await createStory(db, window, ids, metricIds);

  const values = generateValues(seed, window, roster);
  await insertValues(await sqlRunner(), values, metricIds, ids.teams);
  // Raw records behind the weekly values, so every page has rows to show and drill into.
  // Delivery, flow and allocation values are computed from a generated event history, so every number
  // on the Delivery page drills down to the deployments, changes and incidents behind it.
  const delivery = await seedDeliveryEvents(db, { seed, window, now });
  const engagement = generateEngagementAnswers(seed, window, roster);
  const surveys = await seedSurveys(db, { teams: ids.teams, today: window.today, now, seed, engagement });
  const skills = await seedSkills(db, { seed, window, teams: ids.teams });
  await refreshAllRollups();

  return {
    organisation: ORG_NAME,
    timeZone: ORG_TIME_ZONE,
    firstWeek: window.firstWeek,
    currentWeek: window.currentWeek,
    weeks: window.weeks.length,
    groups: ids.groups.size,
    teams: ids.teams.size,
    users,
    people: rosterCounts.people,
    activePeople: roster.people.filter((p) => p.employments[p.employments.length - 1].exitDate === null).length,
    promotions: rosterCounts.promotions,
    teamMoves: rosterCounts.teamMoves,
    metricValues: values.length,
    surveys,
    skills,
    delivery,
  };
}
