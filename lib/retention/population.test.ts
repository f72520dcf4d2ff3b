import { describe, expect, it } from "vitest";
import { MARCH_2026, MARCH_ROSTER, person } from "@/lib/testing/retention-roster";
import { populationDuring, populationsDuring } from "./population";
import { everyone, inTeam, teamAt } from "./roster";

describe("populationDuring", () => {
  it("counts everyone who worked in the scope on some day of the period, both edge days included", () => {
    // Everyone in MARCH_ROSTER worked some day of March, H only on the 1st.
    expect(populationDuring(MARCH_ROSTER, MARCH_2026, everyone).sort()).toEqual(["A", "B", "C", "D", "E", "F", "G", "H"]);
    const edges = [
      person("hired-last-day", { employments: [{ hireDate: "2026-03-31" }], teamHistory: [{ teamId: "t3", from: "2026-03-31" }] }),
      person("joined-team-last-day", { employments: [{ hireDate: "2020-01-01" }], teamHistory: [{ teamId: "t1", from: "2020-01-01" }, { teamId: "t3", from: "2026-03-31" }] }),
      person("left-before", { employments: [{ hireDate: "2020-01-01", exitDate: "2026-02-28", exitType: "voluntary" }], teamHistory: [{ teamId: "t3", from: "2020-01-01" }] }),
      person("hired-after", { employments: [{ hireDate: "2026-04-01" }], teamHistory: [{ teamId: "t3", from: "2026-04-01" }] }),
    ];
    expect(populationDuring(edges, MARCH_2026, inTeam("t3"))).toEqual(["hired-last-day", "joined-team-last-day"]);
    expect(populationDuring(edges, MARCH_2026, inTeam("t1"))).toEqual(["joined-team-last-day"]);
  });

  it("counts a team's leavers and movers in it for the days they were there", () => {
    // t1 in March: A all month, B until leaving on the 10th, G until moving to t2 on the 12th.
    expect(populationDuring(MARCH_ROSTER, MARCH_2026, inTeam("t1")).sort()).toEqual(["A", "B", "G"]);
  });
});

describe("populationsDuring", () => {
  it("gives every team the people populationDuring gives it, in one pass", () => {
    const byTeam = populationsDuring(MARCH_ROSTER, MARCH_2026, teamAt);
    const teams = [...new Set(MARCH_ROSTER.flatMap((p) => p.teamHistory.map((a) => a.teamId)))];
    expect(teams.length).toBeGreaterThan(1);
    for (const team of teams) expect((byTeam.get(team) ?? []).sort(), team).toEqual(populationDuring(MARCH_ROSTER, MARCH_2026, inTeam(team)).sort());
    // A mover counts for both teams; nobody appears under a team they were never in.
    expect(byTeam.get("t1")?.sort()).toEqual(["A", "B", "G"]);
    expect([...byTeam.keys()].every((t) => teams.includes(t))).toBe(true);
  });
});
