import { describe, expect, it } from "vitest";
import { TEAMS } from "./org-plan";
import { REORG_MOVES, simulateRoster } from "./people";
import { demoWindow } from "./window";

const window = demoWindow(new Date("2026-11-18T12:00:00Z"), "Europe/London");
const roster = simulateRoster(20_240_611, window);
const employed = (p: (typeof roster.people)[number]) => p.employments[p.employments.length - 1].exitDate === null;

describe("simulateRoster", () => {
  it("is the same roster for the same seed and a different one for another", () => {
    expect(simulateRoster(20_240_611, window)).toEqual(roster);
    expect(simulateRoster(7, window)).not.toEqual(roster);
  });

  it("gives everyone a unique employee id", () => {
    const ids = roster.people.map((p) => p.employeeId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^NW\d{4}$/.test(id))).toBe(true);
  });

  it("invents nothing after today and never ends an employment before it starts", () => {
    for (const p of roster.people) {
      for (const e of p.employments) {
        expect(e.hireDate <= window.today).toBe(true);
        if (e.exitDate !== null) {
          expect(e.exitDate <= window.today).toBe(true);
          expect(e.exitDate >= e.hireDate).toBe(true);
          expect(e.exitType).not.toBeNull();
        }
      }
      for (const x of p.promotions) expect(x.date <= window.today).toBe(true);
      for (const a of p.teamHistory) expect(a.from <= window.today).toBe(true);
    }
  });

  it("rehires exactly one regretted voluntary leaver", () => {
    const rehired = roster.people.filter((p) => p.employments.length === 2);
    expect(rehired).toHaveLength(1);
    const [first, second] = rehired[0].employments;
    expect(first).toMatchObject({ exitType: "voluntary", regretted: true });
    expect(second.hireDate > (first.exitDate as string)).toBe(true);
  });

  it("moves the planned number of people at the reorg, each once", () => {
    const moved = roster.people.filter((p) => p.teamHistory.some((a, i) => i > 0 && a.from === window.reorgDate));
    expect(moved).toHaveLength(REORG_MOVES.reduce((n, [, , count]) => n + count, 0));
  });

  it("brings the acquired team in on the acquisition date", () => {
    const acquired = TEAMS.find((t) => t.acquired);
    const cohort = roster.people.filter((p) => p.teamHistory[0].teamId === acquired?.slug && p.employments[0].hireDate === window.acquisitionDate);
    expect(cohort).toHaveLength(acquired?.size.start ?? -1);
    expect(roster.people.some((p) => p.teamHistory[0].teamId === acquired?.slug && p.employments[0].hireDate < window.acquisitionDate)).toBe(false);
  });

  it("keeps an employed manager in every team and points engineers at them", () => {
    for (const team of TEAMS) {
      const managers = roster.people.filter((p) => p.isManager && p.team === team.slug && employed(p));
      expect(managers, team.slug).toHaveLength(1);
      const reports = roster.people.filter((p) => !p.isManager && p.team === team.slug && employed(p));
      expect(reports.every((p) => p.managerEmployeeId === managers[0].employeeId)).toBe(true);
    }
  });

  it("starts new people on Mondays and only fills openings that were opened first", () => {
    for (const o of roster.openings) {
      if (o.filledOn !== null) {
        expect(o.filledOn > o.openedOn).toBe(true);
        expect(new Date(`${o.filledOn}T00:00:00Z`).getUTCDay()).toBe(1);
      }
    }
    expect(roster.openings.some((o) => o.filledOn === null)).toBe(true);
  });
});
