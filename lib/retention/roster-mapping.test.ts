import { describe, expect, it } from "vitest";
import { teamAt } from "@/lib/retention/roster";
import { toRosterPerson, type StoredPerson } from "./roster-mapping";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const teams = new Map([["t1", { id: "t1", location: "Berlin", sourcing: "ONSHORE" }], ["t2", { id: "t2", location: "Lisbon", sourcing: "NEARSHORE" }]]);

const stored: StoredPerson = {
  employeeId: "E1",
  teamId: "t2",
  level: "IC3",
  roleFamily: null,
  location: null,
  sourcing: null,
  employments: [
    { hireDate: d("2024-03-04"), exitDate: null, exitType: null, regretted: false },
    { hireDate: d("2021-01-04"), exitDate: d("2023-06-30"), exitType: "voluntary", regretted: true },
  ],
  promotions: [],
  teamMoves: [{ date: d("2024-09-02"), fromTeamId: "t1", toTeamId: "t2" }],
};

describe("toRosterPerson", () => {
  it("starts the team history in the first move's origin team on the first hire date", () => {
    const person = toRosterPerson(stored, teams);
    expect(person.teamHistory).toEqual([{ teamId: "t1", from: "2021-01-04" }, { teamId: "t2", from: "2024-09-02" }]);
    expect(teamAt(person, "2024-09-01")).toBe("t1");
    expect(teamAt(person, "2024-09-02")).toBe("t2");
  });

  it("orders employments and falls back to the current team's location and sourcing", () => {
    const person = toRosterPerson(stored, teams);
    expect(person.employments.map((e) => e.hireDate)).toEqual(["2021-01-04", "2024-03-04"]);
    expect(person.employments[0]).toMatchObject({ exitDate: "2023-06-30", exitType: "voluntary", regretted: true });
    expect([person.location, person.sourcing]).toEqual(["Lisbon", "NEARSHORE"]);
  });

  it("uses the current team from the first hire when the person never moved", () => {
    const person = toRosterPerson({ ...stored, teamMoves: [], location: "Porto" }, teams);
    expect(person.teamHistory).toEqual([{ teamId: "t2", from: "2021-01-04" }]);
    expect(person.location).toBe("Porto");
  });
});
