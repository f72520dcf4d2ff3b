import { describe, expect, it } from "vitest";
import { MARCH_2026, MARCH_ROSTER, person } from "@/lib/testing/retention-roster";
import { cellCounts, lastDayEmployed, peopleCells } from "./people-cells";

// MARCH_ROSTER (lib/testing/retention-roster.ts) plus people at the period's edges.
const extra = [
  // I: hired on the period's last day.
  person("I", { employments: [{ hireDate: "2026-03-31" }], teamHistory: [{ teamId: "t1", from: "2026-03-31" }] }),
  // J: employed all month but in no team.
  person("J", { employments: [{ hireDate: "2025-01-01" }] }),
  // K: left before the period began.
  person("K", { employments: [{ hireDate: "2024-01-01", exitDate: "2026-02-27", exitType: "voluntary" }], teamHistory: [{ teamId: "t1", from: "2024-01-01" }] }),
  // L: left t1 on 5 March, rehired into t2 on 20 March; the later employment is listed first.
  person("L", {
    employments: [{ hireDate: "2026-03-20" }, { hireDate: "2020-01-01", exitDate: "2026-03-05", exitType: "voluntary" }],
    teamHistory: [{ teamId: "t1", from: "2020-01-01" }, { teamId: "t2", from: "2026-03-20" }],
  }),
  // M: moves to t2 on 1 April and leaves on 15 April, both after the period.
  person("M", {
    employments: [{ hireDate: "2020-01-01", exitDate: "2026-04-15", exitType: "voluntary" }],
    teamHistory: [{ teamId: "t1", from: "2020-01-01" }, { teamId: "t2", from: "2026-04-01" }],
  }),
];
const roster = [...MARCH_ROSTER, ...extra];
const byId = new Map(roster.map((p) => [p.employeeId, p]));

describe("lastDayEmployed", () => {
  it("is the exit day for people who left in the period and the period's end for the rest", () => {
    const day = (id: string) => lastDayEmployed(byId.get(id)!, MARCH_2026);
    expect(day("A")).toBe("2026-03-31");
    expect(day("B")).toBe("2026-03-10");
    expect(day("C")).toBe("2026-03-31");
    expect(day("E")).toBe("2026-03-20");
    expect(day("M")).toBe("2026-03-31"); // leaves after the period
  });

  it("includes both edge days and nothing outside them", () => {
    const day = (id: string) => lastDayEmployed(byId.get(id)!, MARCH_2026);
    expect(day("H")).toBe("2026-03-01"); // last day is the period's first
    expect(day("I")).toBe("2026-03-31"); // first day is the period's last
    expect(day("K")).toBeNull();
    expect(lastDayEmployed(byId.get("I")!, { start: "2026-02-01", end: "2026-02-28" })).toBeNull();
  });

  it("takes the latest of several employments in the period, whatever their order", () => {
    expect(lastDayEmployed(byId.get("L")!, MARCH_2026)).toBe("2026-03-31");
    expect(lastDayEmployed(byId.get("F")!, MARCH_2026)).toBe("2026-03-31");
  });
});

describe("peopleCells", () => {
  it("puts each person once, in the team and level of their last working day; people in no team in none", () => {
    const cells = peopleCells(roster, MARCH_2026);
    const of = Object.fromEntries(cells.map((c) => [c.employeeId, `${c.teamId}/${c.level}`]));
    expect(of).toEqual({
      A: "t1/L2", B: "t1/L2", I: "t1/L2", M: "t1/L2",
      C: "t2/L2", D: "t2/L2", E: "t2/L2", F: "t2/L2", H: "t2/L2", L: "t2/L2",
      G: "t2/L3", // moved t1 → t2 on 12 March, promoted on 23 March
    });
    expect(cells).toHaveLength(Object.keys(of).length);
  });

  it("counts people per team and per team × level, adding up to everyone in a cell", () => {
    const { teams, levels } = cellCounts(peopleCells(roster, MARCH_2026));
    expect(Object.fromEntries(teams)).toEqual({ t1: 4, t2: 7 });
    expect(Object.fromEntries(levels.get("t1")!)).toEqual({ L2: 4 });
    expect(Object.fromEntries(levels.get("t2")!)).toEqual({ L2: 6, L3: 1 });
  });
});
