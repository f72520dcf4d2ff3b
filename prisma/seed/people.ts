/**
 * The demo roster: two years of a living organisation, simulated week by week so every people
 * metric has causes. Teams start at their planned size and hire towards their planned size
 * today; people leave at a believable rate (higher after the reorg and in the acquired team a
 * few months after the deal), get promoted at April and October cycles, and move between teams
 * in the same city. One regretted leaver comes back. Pure; demo.ts writes the result.
 */
import { addDays, daysBetween } from "@/lib/domain/time";
import type { Employment, Promotion, RosterPerson, TeamAssignment } from "@/lib/retention/roster";
import { levelForHire, levelForTenure, nextLevel, promotionChance } from "./career";
import { TEAMS, type SourcingPlan, type TeamPlan } from "./org-plan";
import { streamFor, type Rng } from "./prng";
import type { DemoWindow } from "./window";
import { weeklyExitHazard } from "./attrition";

export interface DemoEmployment extends Employment {
  exitReason: string | null;
}

export interface DemoPerson extends RosterPerson {
  employments: DemoEmployment[];
  teamHistory: TeamAssignment[];
  promotions: Promotion[];
  sourcing: SourcingPlan;
  /** Current team (the last one, for leavers). */
  team: string;
  isManager: boolean;
  managerEmployeeId: string | null;
}

/** A position opened to replace a leaver or to grow a team; `filledOn` is the new starter's first day. */
export interface Opening {
  team: string;
  openedOn: string;
  acceptedOn: string | null;
  filledOn: string | null;
}

export interface DemoRoster {
  people: DemoPerson[];
  openings: Opening[];
}

/** Who moves at the reorg: [from team, to team, people]. Same-city moves only. */
export const REORG_MOVES: [string, string, number][] = [
  ["shipper-portal", "billing-payments", 3],
  ["core-infrastructure", "billing-payments", 1],
  ["core-infrastructure", "shipper-portal", 1],
  ["site-reliability", "warehouse-operations", 2],
  ["warehouse-operations", "site-reliability", 1],
];

/** The boomerang: leaves in this week of the window, comes back this many weeks later. */
export const REHIRE = { team: "route-planning", exitWeek: 30, weeksAway: 44 };

const VOLUNTARY_REASONS = ["Better offer elsewhere", "Relocation", "Career change", "Compensation", "Joined a start-up", "Personal reasons"];
const INVOLUNTARY_REASONS = ["Performance", "Role made redundant", "Contract ended"];

interface Sim {
  rng: Rng;
  window: DemoWindow;
  people: DemoPerson[];
  openings: (Opening & { fillWeek: number })[];
  /** Last hire or promotion, for promotion eligibility. */
  levelSince: Map<DemoPerson, string>;
  nextId: number;
}

const isEmployed = (p: DemoPerson) => p.employments[p.employments.length - 1].exitDate === null;
const currentHire = (p: DemoPerson) => p.employments[p.employments.length - 1].hireDate;
const minDay = (a: string, b: string) => (a < b ? a : b);

function newPerson(sim: Sim, team: TeamPlan, hireDate: string, level: string, isManager = false): DemoPerson {
  const person: DemoPerson = {
    employeeId: "",
    employments: [{ hireDate, exitDate: null, exitType: null, regretted: false, exitReason: null }],
    teamHistory: [{ teamId: team.slug, from: hireDate }],
    promotions: [],
    level,
    location: team.location,
    sourcing: team.sourcing,
    roleFamily: isManager ? "engineering-management" : team.roleFamily,
    team: team.slug,
    isManager,
    managerEmployeeId: null,
  };
  sim.people.push(person);
  sim.levelSince.set(person, hireDate);
  return person;
}

function assignId(sim: Sim, person: DemoPerson): void {
  person.employeeId = `NW${String(sim.nextId++).padStart(4, "0")}`;
}

/** A team's staff on day one of the window: a manager plus engineers hired over the years before. */
function initialStaff(sim: Sim, team: TeamPlan, startDay: string, size: number): DemoPerson[] {
  const { rng } = sim;
  const staff: DemoPerson[] = [];
  const managerYears = rng.uniform(2.5, 8);
  staff.push(newPerson(sim, team, addDays(startDay, -Math.round(managerYears * 365)), rng.chance(0.3) ? "M2" : "M1", true));
  for (let i = 1; i < size; i++) {
    const years = Math.min(9, -Math.log(1 - rng.next()) * 2.4) + 0.05;
    staff.push(newPerson(sim, team, addDays(startDay, -Math.round(years * 365)), levelForTenure(rng, years)));
  }
  return staff;
}

function exitPerson(sim: Sim, person: DemoPerson, day: string, voluntary: boolean, regretted: boolean): void {
  const span = person.employments[person.employments.length - 1];
  span.exitDate = day;
  span.exitType = voluntary ? "voluntary" : "involuntary";
  span.regretted = regretted;
  span.exitReason = sim.rng.pick(voluntary ? VOLUNTARY_REASONS : INVOLUNTARY_REASONS);
}

function movePerson(person: DemoPerson, to: string, day: string): void {
  person.teamHistory.push({ teamId: to, from: day });
  person.team = to;
}

function headcountOf(sim: Sim, team: string): number {
  return sim.people.filter((p) => p.team === team && isEmployed(p)).length;
}

function targetSize(team: TeamPlan, week: number, startWeek: number): number {
  const span = 104 - startWeek;
  const progress = span <= 0 ? 1 : Math.min(1, (week - startWeek) / span);
  return Math.round(team.size.start + (team.size.end - team.size.start) * progress);
}

function runPromotionCycle(sim: Sim, day: string): void {
  for (const p of sim.people) {
    if (!isEmployed(p) || currentHire(p) >= day) continue;
    const since = sim.levelSince.get(p) ?? currentHire(p);
    const to = nextLevel(p.level);
    if (to === null || daysBetween(since, day) < 330) continue;
    const chance = p.isManager ? (p.level === "M1" ? 0.12 : 0) : promotionChance(p.level);
    if (!sim.rng.chance(chance)) continue;
    p.promotions.push({ date: day, fromLevel: p.level, toLevel: to });
    p.level = to;
    sim.levelSince.set(p, day);
  }
}

function applyReorg(sim: Sim, day: string): void {
  for (const [from, to, count] of REORG_MOVES) {
    const candidates = sim.people.filter(
      (p) => p.team === from && isEmployed(p) && !p.isManager && daysBetween(currentHire(p), day) > 56 && p.teamHistory.every((a) => a.from !== day),
    );
    for (const p of sim.rng.shuffle(candidates).slice(0, count)) movePerson(p, to, day);
  }
}

/** An occasional move outside the reorg: someone with a year in, to another team in the same city. */
function maybeTransfer(sim: Sim, day: string): void {
  if (!sim.rng.chance(0.07)) return;
  const candidates = sim.people.filter(
    (p) => isEmployed(p) && !p.isManager && daysBetween(currentHire(p), day) > 365 && p.teamHistory.every((a) => daysBetween(a.from, day) > 180),
  );
  if (candidates.length === 0) return;
  const person = sim.rng.pick(candidates);
  const destinations = TEAMS.filter((t) => t.location === person.location && t.slug !== person.team && t.slug !== "fleet-tracking");
  if (destinations.length > 0) movePerson(person, sim.rng.pick(destinations).slug, day);
}

function runExits(sim: Sim, week: string, lastDay: string): void {
  for (const p of sim.people) {
    if (!isEmployed(p) || p.isManager || daysBetween(currentHire(p), week) < 28) continue;
    const team = TEAMS.find((t) => t.slug === p.team) as TeamPlan;
    if (!sim.rng.chance(weeklyExitHazard(team, p, week, sim.window))) continue;
    const voluntary = sim.rng.chance(0.78);
    const senior = p.level >= "IC3";
    exitPerson(sim, p, minDay(addDays(week, sim.rng.int(0, 4)), lastDay), voluntary, voluntary && sim.rng.chance(senior ? 0.55 : 0.3));
  }
}

/** Lead time from opening a role to the starter's first day, by how the team is sourced. */
function fillWeeks(rng: Rng, team: TeamPlan): number {
  if (team.sourcing === "VENDOR") return rng.int(3, 6);
  if (team.sourcing === "OFFSHORE") return rng.int(4, 9);
  if (team.sourcing === "NEARSHORE") return rng.int(5, 10);
  return rng.int(6, 12);
}

function runHiring(sim: Sim, weekIdx: number, week: string, startWeek: Map<string, number>): void {
  const { rng, window } = sim;
  for (const opening of sim.openings.filter((o) => o.fillWeek === weekIdx)) {
    const team = TEAMS.find((t) => t.slug === opening.team) as TeamPlan;
    assignId(sim, newPerson(sim, team, week, levelForHire(rng)));
    opening.filledOn = week;
  }
  for (const team of TEAMS) {
    const first = startWeek.get(team.slug) ?? 0;
    if (weekIdx < first) continue;
    const pending = sim.openings.filter((o) => o.team === team.slug && o.filledOn === null).length;
    const gap = targetSize(team, weekIdx, first) - headcountOf(sim, team.slug) - pending;
    for (let k = 0; k < gap; k++) {
      const openedOn = addDays(week, rng.int(0, 4));
      const fillWeek = weekIdx + fillWeeks(rng, team);
      const start = addDays(window.firstWeek, fillWeek * 7);
      const accepted = addDays(start, -rng.int(14, 30));
      const acceptedOn = accepted < addDays(openedOn, 10) ? addDays(openedOn, 10) : accepted;
      sim.openings.push({ team: team.slug, openedOn, acceptedOn: acceptedOn <= window.today ? acceptedOn : null, filledOn: null, fillWeek });
    }
  }
}

function promotionDaysIn(week: string, lastDay: string): string[] {
  const days: string[] = [];
  for (let d = week; d <= lastDay; d = addDays(d, 1)) if (d.endsWith("-04-01") || d.endsWith("-10-01")) days.push(d);
  return days;
}

export function simulateRoster(seed: number, window: DemoWindow): DemoRoster {
  const sim: Sim = { rng: streamFor(seed, "roster"), window, people: [], openings: [], levelSince: new Map(), nextId: 1001 };
  const acquiredWeek = window.weeks.indexOf(window.acquisitionDate);
  const startWeek = new Map(TEAMS.map((t) => [t.slug, t.acquired ? acquiredWeek : 0]));
  const founding = TEAMS.filter((t) => !t.acquired).flatMap((t) => initialStaff(sim, t, window.firstWeek, t.size.start));
  founding.sort((a, b) => currentHire(a).localeCompare(currentHire(b))).forEach((p) => assignId(sim, p));

  let boomerang: DemoPerson | null = null;
  window.weeks.forEach((week, i) => {
    const lastDay = minDay(addDays(week, 6), window.today);
    if (i === acquiredWeek) {
      const team = TEAMS.find((t) => t.acquired) as TeamPlan;
      initialStaff(sim, team, week, team.size.start).forEach((p) => {
        p.employments[0].hireDate = week; // the acquired company's people join on completion day
        p.teamHistory[0].from = week;
        sim.levelSince.set(p, week);
        assignId(sim, p);
      });
    }
    for (const day of promotionDaysIn(week, lastDay)) runPromotionCycle(sim, day);
    if (week === window.reorgDate) applyReorg(sim, week);
    else maybeTransfer(sim, addDays(week, sim.rng.int(0, 2)));
    if (i === REHIRE.exitWeek) {
      const leaver = sim.people.find((p) => p.team === REHIRE.team && isEmployed(p) && !p.isManager && p.level >= "IC3");
      if (leaver) exitPerson(sim, leaver, addDays(week, 4), true, true);
      boomerang = leaver ?? null;
    }
    if (i === REHIRE.exitWeek + REHIRE.weeksAway && boomerang) rehire(sim, boomerang, week);
    runExits(sim, week, lastDay);
    runHiring(sim, i, week, startWeek);
  });

  for (const p of sim.people) {
    const manager = sim.people.find((m) => m.isManager && m.team === p.team && isEmployed(m));
    p.managerEmployeeId = p.isManager || !manager ? null : manager.employeeId;
  }
  return { people: sim.people, openings: sim.openings.map(({ fillWeek: _fillWeek, ...o }) => o) };
}

function rehire(sim: Sim, person: DemoPerson, week: string): void {
  person.employments.push({ hireDate: week, exitDate: null, exitType: null, regretted: false, exitReason: null });
  person.teamHistory.push({ teamId: person.team, from: week });
  sim.levelSince.set(person, week);
}
