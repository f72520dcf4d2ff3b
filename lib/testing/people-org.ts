/**
 * A hand-worked organisation for the people service tests: teams Alpha (7 people in March 2026),
 * Beta (6) and Small (4), levels L1–L3 on the IC track and M1 on the M track. Every expected
 * number in the tests is derived in comments there.
 */
import { db } from "@/lib/server/db";
import type { PersonRecord } from "@/lib/validation/people";

export interface TestOrg {
  groupId: string;
  alpha: string;
  beta: string;
  small: string;
}

export async function createTestOrg(): Promise<TestOrg> {
  const group = await db.group.create({ data: { name: "Engineering", slug: "engineering" } });
  const team = (name: string, location: string) =>
    db.team.create({ data: { name, slug: name.toLowerCase(), groupId: group.id, location }, select: { id: true } });
  const [alpha, beta, small] = await Promise.all([team("Alpha", "Lisbon"), team("Beta", "Lisbon"), team("Small", "Porto")]);
  await db.careerLevel.createMany({
    data: [
      { key: "L1", name: "Engineer I", track: "IC", order: 1 },
      { key: "L2", name: "Engineer II", track: "IC", order: 2 },
      { key: "L3", name: "Senior Engineer", track: "IC", order: 3 },
      { key: "M1", name: "Manager", track: "M", order: 3 },
    ],
  });
  return { groupId: group.id, alpha: alpha.id, beta: beta.id, small: small.id };
}

type Span = Partial<PersonRecord["employments"][number]> & { hireDate: string };

export function rec(employeeId: string, team: string, spans: Span[], extra: Partial<PersonRecord> = {}): PersonRecord {
  return {
    employeeId,
    team,
    level: "L2",
    roleFamily: null,
    location: null,
    sourcing: null,
    managerEmployeeId: null,
    employments: spans.map((s) => ({ exitDate: null, exitType: null, regretted: false, exitReason: null, ...s })),
    ...extra,
  };
}

/** March 2026 roster (Sundays 1, 8, 15, 22, 29). */
export function marchRoster(org: TestOrg): PersonRecord[] {
  return [
    rec("A1", "alpha", [{ hireDate: "2020-01-15" }]),
    // Leaves voluntarily on 10 March, regretted.
    rec("A2", "alpha", [{ hireDate: "2022-06-01", exitDate: "2026-03-10", exitType: "voluntary", regretted: true }]),
    // Let go; the last day is the period's last day.
    rec("A3", "alpha", [{ hireDate: "2023-03-01", exitDate: "2026-03-31", exitType: "involuntary" }]),
    // Moves to Beta on 12 March (a transfer, not a separation), promoted L2 → L3 on 23 March.
    rec("A4", "beta", [{ hireDate: "2024-02-01" }], {
      level: "L3",
      teamMoves: [{ date: "2026-03-12", fromTeam: org.alpha, toTeam: org.beta }],
      promotions: [{ date: "2026-03-23", fromLevel: "L2", toLevel: "L3" }],
    }),
    rec("A5", "alpha", [{ hireDate: "2021-01-01" }]),
    // Left at the end of 2025, rehired into Alpha on 16 March.
    rec("A6", "alpha", [{ hireDate: "2019-05-01", exitDate: "2025-12-31", exitType: "voluntary" }, { hireDate: "2026-03-16" }]),
    // Hired in March.
    rec("A7", "alpha", [{ hireDate: "2026-03-09" }]),
    ...[1, 2, 3, 4, 5].map((n) => rec(`B${n}`, "beta", [{ hireDate: "2021-01-04" }])),
    ...[1, 2, 3, 4].map((n) => rec(`S${n}`, "small", [{ hireDate: "2022-01-03" }])),
  ];
}
