import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { groupCreateInput, teamCreateInput, teamUpdateInput } from "@/lib/validation/admin";
import { createGroup, createService, createTeam, deleteGroup, deleteTeam, getAdminOrg, updateGroup, updateService, updateTeam, wouldCreateCycle } from "./org-admin";

const actor: Actor = { userId: null, label: "admin@example.com" };
const team = (raw: Record<string, unknown>) => teamCreateInput.parse({ location: "Berlin", sourcing: "ONSHORE", origin: "ORGANIC", ...raw });

describe("wouldCreateCycle", () => {
  // eng ─ platform ─ infra ; product
  const groups = [
    { id: "eng", parentId: null },
    { id: "platform", parentId: "eng" },
    { id: "infra", parentId: "platform" },
    { id: "product", parentId: null },
  ];
  it("refuses a group under itself or a descendant", () => {
    expect(wouldCreateCycle(groups, "eng", "eng")).toBe(true);
    expect(wouldCreateCycle(groups, "eng", "infra")).toBe(true);
    expect(wouldCreateCycle(groups, "platform", "infra")).toBe(true);
  });
  it("allows moves elsewhere and to the top level", () => {
    expect(wouldCreateCycle(groups, "infra", "product")).toBe(false);
    expect(wouldCreateCycle(groups, "platform", null)).toBe(false);
    expect(wouldCreateCycle(groups, "product", "infra")).toBe(false);
  });
});

describe("organisation administration", () => {
  let eng: string;
  let platform: string;
  let product: string;

  beforeAll(async () => {
    eng = (await createGroup(actor, groupCreateInput.parse({ name: "Engineering" }))).id;
    platform = (await createGroup(actor, groupCreateInput.parse({ name: "Platform", parentId: eng }))).id;
    product = (await createGroup(actor, groupCreateInput.parse({ name: "Product" }))).id;
  });

  it("derives unique group slugs from names", async () => {
    const again = await createGroup(actor, groupCreateInput.parse({ name: "Platform" }));
    expect(again.slug).toBe("platform-2");
    await deleteGroup(actor, again.id);
  });

  it("refuses to move a group under its own sub-group and keeps the tree", async () => {
    await expect(updateGroup(actor, eng, { parentId: platform })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("under itself") });
    await expect(updateGroup(actor, eng, { parentId: eng })).rejects.toMatchObject({ status: 400 });
    expect((await db.group.findUniqueOrThrow({ where: { id: eng } })).parentId).toBeNull();
  });

  it("requires the acquisition name and date for an acquired team", () => {
    const result = teamCreateInput.safeParse({ name: "Acme", slug: "acme", groupId: platform, location: "Lisbon", sourcing: "NEARSHORE", origin: "ACQUIRED" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["acquisitionName", "acquisitionDate"]);
  });

  it("creates an acquired team and refuses to clear its acquisition date on edit", async () => {
    const acme = await createTeam(actor, team({ name: "Acme", slug: "acme", groupId: platform, origin: "ACQUIRED", acquisitionName: "Acme Corp", acquisitionDate: "2024-03-01" }));
    expect([acme.acquisitionName, acme.acquisitionDate]).toEqual(["Acme Corp", "2024-03-01"]);
    await expect(updateTeam(actor, acme.id, teamUpdateInput.parse({ acquisitionDate: null }))).rejects.toMatchObject({ status: 400 });
    const organic = await updateTeam(actor, acme.id, teamUpdateInput.parse({ origin: "ORGANIC" }));
    expect([organic.origin, organic.acquisitionName, organic.acquisitionDate]).toEqual(["ORGANIC", null, null]);
    await expect(updateTeam(actor, acme.id, teamUpdateInput.parse({ origin: "ACQUIRED" }))).rejects.toMatchObject({ status: 400 });
  });

  it("refuses a duplicate team slug with a 409", async () => {
    await createTeam(actor, team({ name: "Payments", slug: "payments", groupId: platform }));
    await expect(createTeam(actor, team({ name: "Payments 2", slug: "payments", groupId: product }))).rejects.toMatchObject({ status: 409 });
    const acme = await db.team.findUniqueOrThrow({ where: { slug: "acme" } });
    await expect(updateTeam(actor, acme.id, teamUpdateInput.parse({ slug: "payments" }))).rejects.toMatchObject({ status: 409 });
  });

  it("rebuilds the roll-ups when a team moves to another group", async () => {
    const payments = await db.team.findUniqueOrThrow({ where: { slug: "payments" } });
    const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key: "slo_attainment" } });
    await db.metricValue.create({ data: { metricId: metric.id, teamId: payments.id, weekStart: new Date("2026-03-02"), value: 99.5 } });
    const { refreshAllRollups } = await import("./rollups");
    await refreshAllRollups();
    const scopesOf = async () =>
      (await db.metricRollup.findMany({ where: { metricId: metric.id, scopeType: "GROUP" }, select: { scopeId: true, value: true } })).map((r) => `${r.scopeId}=${r.value}`).sort();
    expect(await scopesOf()).toEqual([`${eng}=99.5`, `${platform}=99.5`].sort());
    await updateTeam(actor, payments.id, teamUpdateInput.parse({ groupId: product }));
    expect(await scopesOf()).toEqual([`${product}=99.5`]);
    // Moving a group re-parents its teams' roll-ups too.
    await updateGroup(actor, product, { parentId: eng });
    expect(await scopesOf()).toEqual([`${eng}=99.5`, `${product}=99.5`].sort());
  });

  it("deletes a team without data but only archives one with data", async () => {
    const empty = await createTeam(actor, team({ name: "Scratch", slug: "scratch", groupId: product }));
    expect(empty.hasData).toBe(false);
    await deleteTeam(actor, empty.id);
    expect(await db.team.count({ where: { id: empty.id } })).toBe(0);

    const payments = await db.team.findUniqueOrThrow({ where: { slug: "payments" } });
    await expect(deleteTeam(actor, payments.id)).rejects.toMatchObject({ status: 409, message: expect.stringContaining("archive it instead") });
    const archived = await updateTeam(actor, payments.id, teamUpdateInput.parse({ archived: true }));
    expect(archived.archivedAt).not.toBeNull();
    const restored = await updateTeam(actor, payments.id, teamUpdateInput.parse({ archived: false }));
    expect(restored.archivedAt).toBeNull();
    const actions = (await db.auditLog.findMany({ where: { entityType: "Team", entityId: payments.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["create", "update", "archive", "restore"]);
  });

  it("deletes a group only when it has no teams and no sub-groups", async () => {
    await expect(deleteGroup(actor, eng)).rejects.toMatchObject({ status: 409 });
    await expect(deleteGroup(actor, platform)).rejects.toMatchObject({ status: 409, message: expect.stringContaining("still has 0 sub-groups and 1 team;") });
    const empty = await createGroup(actor, groupCreateInput.parse({ name: "Empty", parentId: eng }));
    await deleteGroup(actor, empty.id);
    expect(await db.group.count({ where: { id: empty.id } })).toBe(0);
  });

  it("creates services with unique names and assigns unassigned ones", async () => {
    const payments = await db.team.findUniqueOrThrow({ where: { slug: "payments" } });
    await createService(actor, { name: "checkout-api", teamId: payments.id });
    await expect(createService(actor, { name: "checkout-api", teamId: null })).rejects.toMatchObject({ status: 409 });
    // As ingestion leaves it: a service with no team.
    const orphan = await db.service.create({ data: { name: "ledger" } });
    expect((await getAdminOrg()).services.filter((s) => s.teamId === null).map((s) => s.name)).toEqual(["ledger"]);
    const assigned = await updateService(actor, orphan.id, { teamId: payments.id });
    expect(assigned.teamId).toBe(payments.id);
    expect((await getAdminOrg()).services.filter((s) => s.teamId === null)).toEqual([]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Service", entityId: orphan.id } });
    expect([audit.summary, audit.before, audit.after]).toEqual(["Assigned service ledger to a team", { name: "ledger", teamId: null }, { name: "ledger", teamId: payments.id }]);
  });
});
