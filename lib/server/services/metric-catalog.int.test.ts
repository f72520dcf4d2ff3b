import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { createMetric, listCatalog, removeMetric, updateMetric } from "./metric-catalog";
import { createTarget, deleteTarget, listTargets, updateTarget } from "./targets";
import { listMissingData } from "./missing-data";

const actor: Actor = { userId: null, label: "admin@example.com" };
let teamId: string;

const base = {
  pillar: "QUALITY" as const, unit: "count" as const, direction: "LOWER_IS_BETTER" as const, aggregation: "SUM" as const,
  cadence: "WEEKLY" as const, minValue: 0, maxValue: 100, integer: true, noteChangePct: null, description: "", howComputed: "Entered per team per week.",
  headline: false, appliesToAll: true, teamIds: [] as string[],
};

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  teamId = (await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } })).id;
  await db.team.create({ data: { name: "Search", slug: "search", groupId: group.id, location: "Lisbon" } });
  const mgr = await db.user.create({ data: { email: "mia@example.com", name: "Mia", role: "MANAGER" } });
  await db.teamManager.create({ data: { userId: mgr.id, teamId } });
});

describe("metric catalog", () => {
  it("creates a manual metric for chosen teams and records the change on charts", async () => {
    const m = await createMetric(actor, { ...base, key: "rollbacks", name: "Rollbacks", appliesToAll: false, teamIds: [teamId] });
    expect(m).toMatchObject({ key: "rollbacks", source: "MANUAL", builtIn: false, appliesToAll: false, teamIds: [teamId], valueCount: 0 });
    const note = await db.annotation.findFirstOrThrow({ where: { metricId: m.id } });
    expect(note).toMatchObject({ kind: "METRIC_CHANGE", scopeType: "ORG", title: "Metric changed: Rollbacks" });
    await expect(createMetric(actor, { ...base, key: "rollbacks", name: "Again" })).rejects.toMatchObject({ status: 409 });
  });

  it("audits an edit with before and after and annotates it", async () => {
    const [m] = await listCatalog({}).then((all) => all.filter((x) => x.key === "rollbacks"));
    const updated = await updateMetric(actor, m.id, { maxValue: 50, name: "Production rollbacks" });
    expect(updated).toMatchObject({ maxValue: 50, name: "Production rollbacks", key: "rollbacks" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: m.id, action: "update" } });
    expect(audit.summary).toBe("Changed name, maximum of Production rollbacks");
    expect(audit.before).toMatchObject({ maxValue: 100, name: "Rollbacks" });
    expect(audit.after).toMatchObject({ maxValue: 50, name: "Production rollbacks" });
    expect(await db.annotation.count({ where: { metricId: m.id, kind: "METRIC_CHANGE" } })).toBe(2);
  });

  it("refuses to edit a built-in computed metric", async () => {
    const deployments = await db.metricDefinition.findUniqueOrThrow({ where: { key: "deployments" } });
    await expect(updateMetric(actor, deployments.id, { name: "Deploys" })).rejects.toMatchObject({ status: 400 });
  });

  it("deletes a metric without data outright", async () => {
    const m = await createMetric(actor, { ...base, key: "temp_metric", name: "Temporary" });
    expect(await removeMetric(actor, m.id, false)).toEqual({ outcome: "deleted" });
    expect(await db.metricDefinition.findUnique({ where: { id: m.id } })).toBeNull();
    expect(await db.auditLog.count({ where: { entityId: m.id, action: "delete" } })).toBe(1);
  });

  it("archives a metric with data only after confirmation, keeping its values", async () => {
    const m = (await listCatalog()).find((x) => x.key === "rollbacks");
    if (!m) throw new Error("missing");
    await db.metricValue.create({ data: { metricId: m.id, teamId, weekStart: new Date("2026-03-02"), value: 2 } });
    await expect(removeMetric(actor, m.id, false)).rejects.toMatchObject({ status: 409, details: { values: 1, needsConfirmation: true } });
    expect(await removeMetric(actor, m.id, true)).toEqual({ outcome: "archived" });
    const stored = await db.metricDefinition.findUniqueOrThrow({ where: { id: m.id } });
    expect(stored.archivedAt).not.toBeNull();
    expect(await db.metricValue.count({ where: { metricId: m.id } })).toBe(1);
    expect((await listCatalog()).some((x) => x.id === m.id)).toBe(false);
    expect((await listCatalog({ archived: "only" })).map((x) => x.id)).toEqual([m.id]);
  });
});

describe("targets", () => {
  it("refuses bands that contradict the metric's direction", async () => {
    const lead = await db.metricDefinition.findUniqueOrThrow({ where: { key: "lead_time" } }); // lower is better
    await expect(
      createTarget(actor, { metricId: lead.id, scopeType: "ORG", green: 2000, amber: 1000, effectiveFrom: "2026-01-05" }),
    ).rejects.toMatchObject({ status: 400, message: "Lower is better for this metric: green must be at or below amber." });
  });

  it("keeps history: a new target is a new row and the audit shows the one it replaces", async () => {
    const slo = await db.metricDefinition.findUniqueOrThrow({ where: { key: "slo_attainment" } });
    await createTarget(actor, { metricId: slo.id, scopeType: "TEAM", scopeId: teamId, green: 99, amber: 97, effectiveFrom: "2026-01-05" });
    const second = await createTarget(actor, { metricId: slo.id, scopeType: "TEAM", scopeId: teamId, green: 99.5, amber: 98, effectiveFrom: "2026-03-02" });
    const rows = await listTargets({ metricId: slo.id });
    expect(rows.map((t) => [t.scopeName, t.green, t.effectiveFrom])).toEqual([
      ["Payments", 99.5, "2026-03-02"],
      ["Payments", 99, "2026-01-05"],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Target", entityId: second.id } });
    expect(audit.before).toEqual({ green: 99, amber: 97, effectiveFrom: "2026-01-05" });
  });

  it("corrects a target in place and deletes one set by mistake, auditing both", async () => {
    const slo = await db.metricDefinition.findUniqueOrThrow({ where: { key: "slo_attainment" } });
    const { id } = await createTarget(actor, { metricId: slo.id, scopeType: "ORG", green: 99, amber: 95, effectiveFrom: "2026-02-02" });
    await updateTarget(actor, id, { green: 99.9, amber: 99, effectiveFrom: "2026-02-09" });
    expect((await listTargets({ metricId: slo.id })).find((t) => t.id === id)).toMatchObject({ green: 99.9, amber: 99, effectiveFrom: "2026-02-09" });
    await expect(updateTarget(actor, id, { green: 90, amber: 99, effectiveFrom: "2026-02-09" })).rejects.toMatchObject({ status: 400 });
    const edit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Target", entityId: id, action: "update" } });
    expect([edit.before, edit.after]).toEqual([
      { green: 99, amber: 95, effectiveFrom: "2026-02-02" },
      { green: 99.9, amber: 99, effectiveFrom: "2026-02-09" },
    ]);

    await deleteTarget(actor, id);
    expect((await listTargets({ metricId: slo.id })).map((t) => t.id)).not.toContain(id);
    const removal = await db.auditLog.findFirstOrThrow({ where: { entityType: "Target", entityId: id, action: "delete" } });
    expect(removal.before).toMatchObject({ green: 99.9, amber: 99, effectiveFrom: "2026-02-09", scopeType: "ORG" });
    await expect(deleteTarget(actor, id)).rejects.toMatchObject({ status: 404 });
    await expect(updateTarget(actor, id, { green: 99, amber: 95, effectiveFrom: "2026-02-09" })).rejects.toMatchObject({ status: 404 });
  });
});

describe("missing data", () => {
  it("lists, per week, the manual weekly metrics each team has not entered with its managers", async () => {
    const now = new Date("2026-03-12T12:00:00Z"); // current week 2026-03-09
    const weekly = await db.metricDefinition.findMany({ where: { source: "MANUAL", cadence: "WEEKLY", archivedAt: null, appliesToAll: true } });
    // Payments entered everything last week; nobody entered anything this week.
    await db.metricValue.createMany({ data: weekly.map((m) => ({ metricId: m.id, teamId, weekStart: new Date("2026-03-02"), value: 1 })) });
    const { weeks } = await listMissingData(now);
    expect(weeks.map((w) => w.week)).toEqual(["2026-03-09", "2026-03-02"]);
    expect(weeks[0].teams.map((t) => [t.teamName, t.missing.length])).toEqual([
      ["Payments", weekly.length],
      ["Search", weekly.length],
    ]);
    expect(weeks[0].teams[0].managers).toEqual([{ name: "Mia", email: "mia@example.com" }]);
    expect(weeks[1].teams.map((t) => t.teamName)).toEqual(["Search"]);
    expect(weeks[1]).toMatchObject({ expected: 2 * weekly.length, entered: weekly.length });
  });
});
