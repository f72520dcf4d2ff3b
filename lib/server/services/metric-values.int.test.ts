import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { HttpError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { upsertMetricValues, valueEntityId } from "./metric-values";

// Thursday 12 March 2026: the current ISO week starts Monday 9 March.
const NOW = new Date("2026-03-12T12:00:00Z");
const W0 = "2026-03-09";
const W1 = "2026-03-02";
const W2 = "2026-02-23";

let teamA: string;
let teamB: string;
let slo: string;
let defects: string;
let admin: SessionUser;
let manager: SessionUser;
const actorOf = (u: SessionUser): Actor => ({ userId: u.id, label: u.email });

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  teamA = (await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } })).id;
  teamB = (await db.team.create({ data: { name: "Search", slug: "search", groupId: group.id, location: "Lisbon" } })).id;
  const adminRow = await db.user.create({ data: { email: "admin@example.com", name: "Ada Admin", role: "ADMIN" } });
  const managerRow = await db.user.create({ data: { email: "mia@example.com", name: "Mia Manager", role: "MANAGER" } });
  await db.teamManager.create({ data: { userId: managerRow.id, teamId: teamA } });
  admin = { id: adminRow.id, email: adminRow.email, name: adminRow.name, role: "ADMIN", managedTeamIds: [] };
  manager = { id: managerRow.id, email: managerRow.email, name: managerRow.name, role: "MANAGER", managedTeamIds: [teamA] };
  slo = (await db.metricDefinition.findUniqueOrThrow({ where: { key: "slo_attainment" } })).id;
  defects = (await db.metricDefinition.findUniqueOrThrow({ where: { key: "escaped_defects" } })).id;
});

const save = (user: SessionUser, rows: Parameters<typeof upsertMetricValues>[1]) =>
  upsertMetricValues(actorOf(user), rows, { source: "MANUAL", user, now: NOW });

describe("upsertMetricValues", () => {
  it("creates values, writes an audit row per value and refreshes the org roll-up", async () => {
    const result = await save(manager, [
      { metricId: slo, teamId: teamA, weekStart: W2, value: 98 },
      { metricKey: "escaped_defects", teamId: teamA, weekStart: W2, value: 3, note: "release week" },
    ]);
    expect(result).toEqual({ status: "saved", created: 2, updated: 0, unchanged: 0 });
    const stored = await db.metricValue.findFirstOrThrow({ where: { metricId: defects, teamId: teamA } });
    expect(stored).toMatchObject({ value: 3, note: "release week", version: 1, source: "MANUAL", enteredById: manager.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "MetricValue", entityId: valueEntityId(defects, teamA, W2) } });
    expect(audit).toMatchObject({ action: "create", actorLabel: "mia@example.com", before: null });
    expect(audit.after).toMatchObject({ value: 3, note: "release week", weekStart: W2 });
    const rollup = await db.metricRollup.findFirstOrThrow({ where: { metricId: slo, scopeType: "ORG", weekStart: new Date(W2) } });
    expect(rollup).toMatchObject({ value: 98, teamCount: 1 });
  });

  it("returns every invalid row's errors by row and field and writes nothing", async () => {
    const before = await db.metricValue.count();
    const result = await save(admin, [
      { metricId: slo, teamId: teamB, weekStart: W1, value: 97 }, // fine on its own
      { metricId: slo, teamId: teamB, weekStart: W0, value: 140 },
      { metricId: defects, teamId: teamB, weekStart: W1, value: 2.5 },
      { metricId: defects, teamId: teamB, weekStart: "2026-03-04", value: 1 },
      { metricKey: "deployments", teamId: teamB, weekStart: W1, value: 4 },
      { metricKey: "nope", teamId: teamB, weekStart: W1, value: 4 },
      { metricId: defects, teamId: teamB, weekStart: "2026-03-16", value: 1 },
    ]);
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [1, "value"],
      [2, "value"],
      [3, "weekStart"],
      [4, "metric"],
      [5, "metric"],
      [6, "weekStart"],
    ]);
    expect(result.errors[0].message).toBe("Must be between 0 and 100 (percent).");
    expect(result.errors[1].message).toBe("Must be a whole number.");
    expect(result.errors[5].message).toBe("2026-03-16 is in the future.");
    expect(await db.metricValue.count()).toBe(before);
  });

  it("requires a note when the value moves more than the threshold from the previous week", async () => {
    // Previous week W2 holds 98; 40 is a 59% drop (org threshold 50%).
    const rows = [{ metricId: slo, teamId: teamA, weekStart: W1, value: 40 }];
    const refused = await save(manager, rows);
    expect(refused).toMatchObject({ status: "invalid", errors: [{ row: 0, field: "note" }] });
    const accepted = await save(manager, [{ ...rows[0], note: "major outage" }]);
    expect(accepted).toMatchObject({ status: "saved", created: 1 });
  });

  it("takes imported history as it is: the note rule is for values typed by a person", async () => {
    // Team B's previous week holds nothing yet; W2 = 98 then W1 = 10 is a big move that an import may carry.
    const imported = await upsertMetricValues(actorOf(admin), [
      { metricId: slo, teamId: teamB, weekStart: W2, value: 98 },
      { metricId: slo, teamId: teamB, weekStart: W1, value: 10 },
    ], { source: "IMPORT", user: admin, now: NOW });
    expect(imported).toMatchObject({ status: "saved", created: 2 });
    await db.metricValue.deleteMany({ where: { teamId: teamB, metricId: slo } });
  });

  it("uses the previous week's value from the same batch", async () => {
    // W2 for team B is 10 in the batch; W1 = 30 is a 200% move, so it needs a note.
    const result = await save(admin, [
      { metricId: defects, teamId: teamB, weekStart: W2, value: 10 },
      { metricId: defects, teamId: teamB, weekStart: W1, value: 30 },
    ]);
    expect(result).toMatchObject({ status: "invalid", errors: [{ row: 1, field: "note" }] });
  });

  it("refuses a manager's batch that mixes own and other teams, writing nothing", async () => {
    const before = await db.metricValue.count();
    await expect(
      save(manager, [
        { metricId: slo, teamId: teamA, weekStart: W0, value: 97 },
        { metricId: slo, teamId: teamB, weekStart: W0, value: 97 },
      ]),
    ).rejects.toMatchObject({ status: 403 });
    expect(await db.metricValue.count()).toBe(before);
  });

  it("refuses leaders and viewers", async () => {
    const leader: SessionUser = { ...admin, role: "LEADER" };
    await expect(save(leader, [{ metricId: slo, teamId: teamA, weekStart: W0, value: 97 }])).rejects.toBeInstanceOf(HttpError);
  });

  it("reports a conflict with the current value and who changed it, and writes nothing", async () => {
    const stored = await db.metricValue.findFirstOrThrow({ where: { metricId: slo, teamId: teamA, weekStart: new Date(W2) } });
    // The admin edits the cell the manager also has open at version 1.
    expect(await save(admin, [{ metricId: slo, teamId: teamA, weekStart: W2, value: 96, expectedVersion: stored.version }])).toMatchObject({
      status: "saved",
      updated: 1,
    });
    const result = await save(manager, [
      { metricId: slo, teamId: teamA, weekStart: W2, value: 95, expectedVersion: 1 },
      { metricId: slo, teamId: teamA, weekStart: W0, value: 41, expectedVersion: null },
    ]);
    expect(result).toMatchObject({
      status: "conflict",
      conflicts: [{ row: 0, weekStart: W2, current: { value: 96, version: 2, changedBy: "Ada Admin (admin@example.com)" } }],
    });
    expect(await db.metricValue.findFirst({ where: { metricId: slo, teamId: teamA, weekStart: new Date(W0) } })).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: valueEntityId(slo, teamA, W2), action: "update" } });
    expect(audit.before).toMatchObject({ value: 98, version: 1 });
    expect(audit.after).toMatchObject({ value: 96, version: 2 });
  });

  it("reports a conflict when a cell expected empty has been filled", async () => {
    const result = await save(manager, [{ metricId: slo, teamId: teamA, weekStart: W1, value: 41, expectedVersion: null }]);
    expect(result).toMatchObject({ status: "conflict", conflicts: [{ row: 0, current: { value: 40, version: 1 } }] });
  });

  it("counts unchanged values and keeps the stored note when none is sent", async () => {
    const result = await save(manager, [
      { metricId: slo, teamId: teamA, weekStart: W1, value: 40 },
      { metricId: slo, teamId: teamA, weekStart: W2, value: 97 },
    ]);
    expect(result).toEqual({ status: "saved", created: 0, updated: 1, unchanged: 1 });
    const w1 = await db.metricValue.findFirstOrThrow({ where: { metricId: slo, teamId: teamA, weekStart: new Date(W1) } });
    expect(w1.note).toBe("major outage");
    const rollup = await db.metricRollup.findFirstOrThrow({ where: { metricId: slo, scopeType: "ORG", weekStart: new Date(W2) } });
    expect(rollup.value).toBe(97);
  });

  it("writes thousands of rows in one call", async () => {
    const group = await db.group.findFirstOrThrow();
    const teams = await Promise.all(
      Array.from({ length: 20 }, (_, i) => db.team.create({ data: { name: `Bulk ${i}`, slug: `bulk-${i}`, groupId: group.id, location: "Oslo" } })),
    );
    const rows = teams.flatMap((t) =>
      Array.from({ length: 100 }, (_, w) => ({ metricId: defects, teamId: t.id, weekStart: addWeeks("2024-04-15", w), value: 5 })),
    );
    const created = await upsertMetricValues({ userId: null, label: "token:bulk" }, rows, { source: "API", now: NOW });
    expect(created).toEqual({ status: "saved", created: 2000, updated: 0, unchanged: 0 });
    const updated = await upsertMetricValues({ userId: null, label: "token:bulk" }, rows.map((r) => ({ ...r, value: 6 })), { source: "API", now: NOW });
    expect(updated).toEqual({ status: "saved", created: 0, updated: 2000, unchanged: 0 });
    expect(await db.metricValue.count({ where: { teamId: { in: teams.map((t) => t.id) }, source: "API", version: 2 } })).toBe(2000);
    const rollup = await db.metricRollup.findFirstOrThrow({ where: { metricId: defects, scopeType: "ORG", weekStart: new Date("2024-04-15") } });
    expect(rollup).toMatchObject({ value: 120, teamCount: 20 });
  });
});

function addWeeks(week: string, n: number): string {
  return new Date(Date.parse(`${week}T00:00:00Z`) + n * 7 * 86_400_000).toISOString().slice(0, 10);
}
