import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { getPerson } from "@/lib/server/services/retention/people";
import { createTestOrg } from "@/lib/testing/people-org";
import { previewImport } from "./preview";
import { getImport } from "./queries";
import { runImport } from "./run";
import { storeUpload } from "./storage";
import { undoImport } from "./undo";

// The people roster through the generic importer: the roster import's reading and checks, undoable.
const NOW = new Date("2026-03-12T12:00:00Z");
let admin: SessionUser;
const actor = (): Actor => ({ userId: admin.id, label: admin.email });

async function* bytesOf(content: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(content);
}

async function importFile(content: string, options: { skipInvalid?: boolean } = {}) {
  const id = await storeUpload({ kind: "people", fileName: "roster.csv", bytes: bytesOf(content), actor: actor(), user: admin });
  const preview = await previewImport(id, {}, actor(), admin);
  const done = await runImport(id, { skipInvalid: options.skipInvalid ?? false, createUnknown: false }, actor(), admin, NOW);
  return { id, preview, done };
}

const HR_EXPORT = [
  "Employee Number,Team Name,Job Level,Start Date,Termination Date,Termination Type,Regretted Leaver,Reason for Leaving",
  "P1,alpha,L2,2024-01-08,,,,",
  "P2,Alpha,L1,2024-02-05,2025-06-30,voluntary,yes,Better offer",
  "P2,alpha,L2,2025-10-01,,,,",
  "P3,beta,L3,2023-05-02,,,,",
].join("\n");

beforeAll(async () => {
  await createTestOrg();
  const row = await db.user.create({ data: { email: "admin@example.com", name: "Ada Admin", role: "ADMIN" } });
  admin = { id: row.id, email: row.email, name: row.name, role: "ADMIN", managedTeamIds: [] };
});

describe("people roster kind", () => {
  it("imports a rehire as two employments, re-imports as a no-op, and undoes a change; an older import it touched is then locked", async () => {
    const first = await importFile(HR_EXPORT);
    expect(first.preview.problems).toEqual([]);
    expect(first.preview.mapping).toMatchObject({ employee_id: 0, team: 1, level: 2, hire_date: 3, exit_date: 4 });
    expect(first.done).toMatchObject({ status: "COMPLETED", created: 3, updated: 0 });
    const p2 = await getPerson(admin, "P2");
    expect(p2.employments.map((e) => [e.hireDate, e.exitDate, e.exitType, e.regretted])).toEqual([
      ["2024-02-05", "2025-06-30", "voluntary", true],
      ["2025-10-01", null, null, false],
    ]);
    expect(await db.metricValue.count({ where: { metric: { key: "headcount" } } })).toBeGreaterThan(0);

    expect((await importFile(HR_EXPORT)).done).toMatchObject({ status: "COMPLETED", created: 0, updated: 0, unchanged: 3 });

    // A "promotion" down the framework is refused; a team move is an update, undone on its own.
    const promoted = await importFile(
      ["employee_id,team,level,hire_date,previous_level,level_since", "P3,beta,L1,2023-05-02,L3,2025-01-06"].join("\n"),
    );
    expect(promoted.done.error).toMatch(/does not move up the career framework/);
    const moved = await importFile(["employee_id,team,level,hire_date,previous_team,team_since", "P3,alpha,L3,2023-05-02,beta,2025-01-06"].join("\n"));
    expect(moved.done).toMatchObject({ status: "COMPLETED", created: 0, updated: 1 });
    expect((await getPerson(admin, "P3")).teamMoves).toHaveLength(1);
    expect(await undoImport(moved.id, actor(), admin, NOW)).toEqual({ restored: 1, deleted: 0 });
    expect(await getPerson(admin, "P3")).toMatchObject({ teamMoves: [] });

    await expect(undoImport(first.id, actor(), admin, NOW)).rejects.toThrow(/newer changes touched 1 of its rows/);
  });

  it("names the line and column of a bad row and writes nothing; skip mode lists the rejects", async () => {
    const bad = ["employee_id,team,level,hire_date,exit_date,exit_type,regretted", "Q1,alpha,L9,2024-01-08,,,", "Q2,alpha,L1,2024-03-01,2024-02-01,voluntary,maybe", "Q3,alpha,L1,2024-03-01,,,"].join("\n");
    const failed = await importFile(bad);
    expect(failed.preview.problems).toEqual(
      expect.arrayContaining([
        { line: 2, column: "level", message: 'level "L9" is not in the career framework' },
        expect.objectContaining({ line: 3, column: "regretted" }),
        { line: 3, column: "exit_date", message: "must be on or after the hire date" },
      ]),
    );
    expect(failed.done.status).toBe("FAILED");
    expect(failed.done.error).toMatch(/^Line 2, column "level": level "L9" is not in the career framework\. And 2 more problems/);
    expect(await db.person.findUnique({ where: { employeeId: "Q3" } })).toBeNull();

    const skipped = await importFile(bad, { skipInvalid: true });
    expect(skipped.done).toMatchObject({ status: "COMPLETED", created: 1, skipped: 3 });
    expect((await getImport(skipped.id, { user: admin })).rejects).toHaveLength(3);
    expect(await undoImport(skipped.id, actor(), admin, NOW)).toEqual({ restored: 0, deleted: 1 });
    expect(await db.person.findUnique({ where: { employeeId: "Q3" } })).toBeNull();
  });

  it("checks a person's rows together when the import runs", async () => {
    const overlapping = ["employee_id,team,level,hire_date,exit_date,exit_type", "R1,alpha,L1,2024-01-08,2024-12-31,voluntary", "R1,alpha,L1,2024-06-01,,"].join("\n");
    const { done } = await importFile(overlapping);
    expect(done.status).toBe("FAILED");
    expect(done.error).toMatch(/^Line 3, column "hire_date": must come after the previous employment's exit date/);
    expect(await db.person.findUnique({ where: { employeeId: "R1" } })).toBeNull();
  });

  it("is for admins only", async () => {
    const manager: SessionUser = { id: admin.id, email: "m@example.com", name: "Max", role: "MANAGER", managedTeamIds: [] };
    await expect(storeUpload({ kind: "people", fileName: "r.csv", bytes: bytesOf(HR_EXPORT), actor: actor(), user: manager })).rejects.toThrow(/Only admins/);
  });
});
