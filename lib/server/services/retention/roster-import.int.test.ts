import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { deleteCareerLevel } from "./career-levels";
import { importRoster } from "./import-roster";
import { applyPersonEvent, getPerson, listPeople } from "./people";
import { savePeopleRecords } from "./save-records";
import { createTestOrg, rec, type TestOrg } from "@/lib/testing/people-org";

let org: TestOrg;
const csv = (text: string) => Readable.from([Buffer.from(text)]);
const admin: SessionUser = { id: "u1", email: "admin@example.com", name: "Admin", role: "ADMIN", managedTeamIds: [] };

beforeAll(async () => {
  org = await createTestOrg();
});

const HR_EXPORT = [
  "Employee Number,Team Name,Job Level,Start Date,Termination Date,Termination Type,Regretted Leaver,Reason for Leaving,Favourite colour",
  "P1,alpha,L2,2024-01-08,,,,,blue",
  "P2,Alpha,L1,2024-02-05,2025-06-30,voluntary,yes,Better offer,green",
  "P2,alpha,L2,2025-10-01,,,,,green",
  "P3,beta,L3,2023-05-02,,,,,red",
].join("\n");

describe("roster import", () => {
  it("previews without writing, mapping HR column names and ignoring unknown columns", async () => {
    const preview = await importRoster(SYSTEM_ACTOR, csv(HR_EXPORT), { dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, applied: false, rows: 4, people: 3, errors: [], created: 3, updated: 0, unchanged: 0, ignored: ["Favourite colour"] });
    expect(preview.columns).toContainEqual({ field: "hire_date", column: "Start Date" });
    expect(await db.person.count()).toBe(0);
  });

  it("imports, records a rehire as two employments, and changes nothing when the same file comes again", async () => {
    const result = await importRoster(SYSTEM_ACTOR, csv(HR_EXPORT), { dryRun: false });
    expect(result).toMatchObject({ applied: true, created: 3 });
    const p2 = await getPerson(admin, "P2");
    expect(p2.employments.map((e) => [e.hireDate, e.exitDate, e.exitType, e.regretted])).toEqual([
      ["2024-02-05", "2025-06-30", "voluntary", true],
      ["2025-10-01", null, null, false],
    ]);
    const audits = await db.auditLog.count({ where: { entityType: "Person" } });
    const again = await importRoster(SYSTEM_ACTOR, csv(HR_EXPORT), { dryRun: false });
    expect(again).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 3 });
    expect(await db.auditLog.count({ where: { entityType: "Person" } })).toBe(audits);
  });

  it("reports every problem by line and column and writes nothing", async () => {
    const bad = [
      "employee_id,team,level,hire_date,exit_date,exit_type,regretted",
      "Q1,alpha,L9,2024-01-08,,,",
      "Q2,gamma,L1,2024-13-01,,,",
      "Q3,alpha,L1,2024-03-01,2024-02-01,voluntary,maybe",
      "Q4,alpha,L1,2024-03-01,,,",
    ].join("\n");
    const result = await importRoster(SYSTEM_ACTOR, csv(bad), { dryRun: false });
    expect(result.applied).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { line: 2, column: "level", message: 'level "L9" is not in the career framework' },
        expect.objectContaining({ line: 3, column: "hire_date" }),
        expect.objectContaining({ line: 4, column: "regretted" }),
        expect.objectContaining({ line: 4, column: "exit_date", message: "must be on or after the hire date" }),
      ]),
    );
    expect(await db.person.findUnique({ where: { employeeId: "Q4" } })).toBeNull();
  });

  it("names a missing required column", async () => {
    const result = await importRoster(SYSTEM_ACTOR, csv("employee_id,team\nX,alpha\n"), { dryRun: true });
    expect(result.errors.map((e) => e.message)).toEqual([
      'No column for "level" (required). Rename the column or download the template.',
      'No column for "hire_date" (required). Rename the column or download the template.',
    ]);
  });
});

describe("people records", () => {
  it("is visible to admins only", async () => {
    for (const role of ["LEADER", "MANAGER", "VIEWER"] as const) {
      const user = { ...admin, role };
      await expect(listPeople(user, { status: "all" })).rejects.toMatchObject({ status: 403 });
      await expect(getPerson(user, "P1")).rejects.toMatchObject({ status: 403 });
      await expect(applyPersonEvent(user, SYSTEM_ACTOR, "P1", { type: "exit", date: "2026-01-31", exitType: "voluntary", regretted: false, exitReason: null })).rejects.toMatchObject({ status: 403 });
    }
    expect((await listPeople(admin, { status: "all" })).map((p) => p.employeeId)).toEqual(["P1", "P2", "P3"]);
  });

  it("rejects a promotion that does not move up the framework, and saves one that does", async () => {
    await expect(applyPersonEvent(admin, SYSTEM_ACTOR, "P3", { type: "promotion", date: "2025-04-01", toLevel: "L2" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: [0, "promotions", 0, "toLevel"], message: "L3 → L2 does not move up the career framework" })],
    });
    await applyPersonEvent(admin, SYSTEM_ACTOR, "P1", { type: "promotion", date: "2025-04-01", toLevel: "L3" });
    expect((await getPerson(admin, "P1")).promotions).toEqual([{ date: "2025-04-01", fromLevel: "L2", toLevel: "L3" }]);
  });

  it("records a move, an exit and a rehire through events", async () => {
    await applyPersonEvent(admin, SYSTEM_ACTOR, "P1", { type: "move", date: "2025-09-01", toTeam: "beta" });
    await applyPersonEvent(admin, SYSTEM_ACTOR, "P1", { type: "exit", date: "2026-01-31", exitType: "involuntary", regretted: false, exitReason: "Role made redundant" });
    await applyPersonEvent(admin, SYSTEM_ACTOR, "P1", { type: "rehire", date: "2026-05-04", team: "alpha" });
    const p1 = await getPerson(admin, "P1");
    expect(p1.teamId).toBe(org.alpha);
    expect(p1.teamMoves).toEqual([
      { date: "2025-09-01", fromTeamId: org.alpha, toTeamId: org.beta },
      { date: "2026-05-04", fromTeamId: org.beta, toTeamId: org.alpha },
    ]);
    expect(p1.employments.map((e) => e.exitDate)).toEqual(["2026-01-31", null]);
  });

  it("saves an API batch all or nothing, reporting the index and field", async () => {
    const batch = [rec("N1", "alpha", [{ hireDate: "2025-01-06" }]), rec("N2", "nowhere", [{ hireDate: "2025-01-06" }])];
    await expect(savePeopleRecords(SYSTEM_ACTOR, batch)).rejects.toMatchObject({ issues: [expect.objectContaining({ path: [1, "team"] })] });
    expect(await db.person.findUnique({ where: { employeeId: "N1" } })).toBeNull();
  });

  it("refuses to delete a career level in use", async () => {
    const l3 = await db.careerLevel.findUniqueOrThrow({ where: { key: "L3" } });
    await expect(deleteCareerLevel(SYSTEM_ACTOR, l3.id)).rejects.toMatchObject({ status: 409 });
    const m1 = await db.careerLevel.findUniqueOrThrow({ where: { key: "M1" } });
    await deleteCareerLevel(SYSTEM_ACTOR, m1.id);
    expect(await db.careerLevel.findUnique({ where: { key: "M1" } })).toBeNull();
  });
});
