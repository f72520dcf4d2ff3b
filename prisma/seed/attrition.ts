/**
 * How likely someone is to leave in a given week of the demo. A base annual rate of about 11%
 * (engineering norms), higher for vendor and offshore teams, much higher in the reorg's
 * aftermath for the teams it touched, and in the acquired team between roughly five months
 * and a year after the deal (when retention bonuses run out). New starters rarely leave.
 */
import { addDays, daysBetween } from "@/lib/domain/time";
import type { RosterPerson } from "@/lib/retention/roster";
import type { TeamPlan } from "./org-plan";
import type { DemoWindow } from "./window";

const BASE_ANNUAL_RATE = 0.11;

export function weeklyExitHazard(team: TeamPlan, person: RosterPerson, week: string, window: DemoWindow): number {
  let annual = BASE_ANNUAL_RATE;
  if (team.sourcing === "VENDOR") annual *= 1.5;
  if (team.sourcing === "OFFSHORE") annual *= 1.35;
  if (team.reorgAffected && week >= window.reorgDate && week < addDays(window.reorgDate, 7 * 14)) annual *= 5;
  if (team.acquired && week >= addDays(window.acquisitionDate, 7 * 20) && week < addDays(window.acquisitionDate, 7 * 56)) annual *= 4;
  const hire = person.employments[person.employments.length - 1].hireDate;
  if (daysBetween(hire, week) < 180) annual *= 0.5;
  return annual / 52;
}
