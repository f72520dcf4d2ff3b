/**
 * Hand-worked roster used by the retention tests. Period of interest: March 2026
 * (Sundays 1, 8, 15, 22, 29). Every expected number in the tests is derived in comments there.
 */
import type { Employment, RosterPerson } from "@/lib/retention/roster";

type PersonInput = Partial<Omit<RosterPerson, "employeeId" | "employments">> & {
  employments: readonly Partial<Employment>[];
};

export function person(employeeId: string, input: PersonInput): RosterPerson {
  return {
    employeeId,
    level: "L2",
    location: "Lisbon",
    sourcing: "onshore",
    roleFamily: "engineering",
    teamHistory: [],
    promotions: [],
    ...input,
    employments: input.employments.map((e) => ({
      hireDate: e.hireDate ?? "2020-01-01",
      exitDate: e.exitDate ?? null,
      exitType: e.exitType ?? null,
      regretted: e.regretted ?? false,
    })),
  };
}

export const MARCH_2026 = { start: "2026-03-01", end: "2026-03-31" };

export const MARCH_ROSTER: RosterPerson[] = [
  // A: long-serving, stays in t1.
  person("A", { employments: [{ hireDate: "2020-01-15" }], teamHistory: [{ teamId: "t1", from: "2020-01-15" }], location: "Porto" }),
  // B: leaves voluntarily on 10 March, regretted.
  person("B", {
    employments: [{ hireDate: "2022-06-01", exitDate: "2026-03-10", exitType: "voluntary", regretted: true }],
    teamHistory: [{ teamId: "t1", from: "2022-06-01" }],
  }),
  // C: let go, last day is the period's last day.
  person("C", {
    employments: [{ hireDate: "2025-11-01", exitDate: "2026-03-31", exitType: "involuntary" }],
    teamHistory: [{ teamId: "t2", from: "2025-11-01" }],
  }),
  // D: hired in the period.
  person("D", { employments: [{ hireDate: "2026-03-09" }], teamHistory: [{ teamId: "t2", from: "2026-03-09" }] }),
  // E: hired and gone within the period.
  person("E", {
    employments: [{ hireDate: "2026-03-02", exitDate: "2026-03-20", exitType: "voluntary" }],
    teamHistory: [{ teamId: "t2", from: "2026-03-02" }],
  }),
  // F: left at the end of 2025, rehired into t2 on 16 March.
  person("F", {
    employments: [
      { hireDate: "2019-05-01", exitDate: "2025-12-31", exitType: "voluntary" },
      { hireDate: "2026-03-16" },
    ],
    teamHistory: [
      { teamId: "t1", from: "2019-05-01" },
      { teamId: "t2", from: "2026-03-16" },
    ],
  }),
  // G: moves t1 → t2 on 12 March, promoted L2 → L3 on 23 March.
  person("G", {
    employments: [{ hireDate: "2024-02-01" }],
    teamHistory: [
      { teamId: "t1", from: "2024-02-01" },
      { teamId: "t2", from: "2026-03-12" },
    ],
    promotions: [{ date: "2026-03-23", fromLevel: "L2", toLevel: "L3" }],
    level: "L3",
  }),
  // H: last day is Sunday 1 March, the first snapshot day.
  person("H", {
    employments: [{ hireDate: "2023-03-01", exitDate: "2026-03-01", exitType: "voluntary" }],
    teamHistory: [{ teamId: "t2", from: "2023-03-01" }],
  }),
];
