import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { createAnnotation, deleteAnnotation, listAnnotations, listAnnotationsBetween, updateAnnotation } from "./annotations";

const user = (role: SessionUser["role"], email: string): SessionUser => ({ id: "", email, name: email.split("@")[0], role, managedTeamIds: [] });
const leader = user("LEADER", "lea@example.com");
const otherLeader = user("LEADER", "leo@example.com");
const admin = user("ADMIN", "ada@example.com");
const manager = user("MANAGER", "max@example.com");
const viewer = user("VIEWER", "vic@example.com");
const actorOf = (u: SessionUser): Actor => ({ userId: u.id, label: u.email });
const ids: Record<string, string> = {};

beforeAll(async () => {
  for (const u of [leader, otherLeader, admin, manager, viewer]) u.id = (await db.user.create({ data: { email: u.email, name: u.name, role: u.role } })).id;
  // Product ⊃ Logistics ⊃ Routing; Product ⊃ Web; Platform is unrelated.
  const product = await db.group.create({ data: { name: "Product", slug: "product" } });
  const logistics = await db.group.create({ data: { name: "Logistics", slug: "logistics", parentId: product.id } });
  const platform = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  Object.assign(ids, { product: product.id, logistics: logistics.id, platform: platform.id });
  ids.routing = (await db.team.create({ data: { name: "Routing", slug: "routing", groupId: logistics.id, location: "Berlin" } })).id;
  ids.web = (await db.team.create({ data: { name: "Web", slug: "web", groupId: product.id, location: "London" } })).id;
  ids.infra = (await db.team.create({ data: { name: "Infra", slug: "infra", groupId: platform.id, location: "London" } })).id;
  manager.managedTeamIds = [ids.routing];
});

describe("annotations", () => {
  it("refuses viewers and managers, even for a team the manager runs", async () => {
    await expect(createAnnotation(viewer, actorOf(viewer), { scopeType: "ORG", date: "2026-03-02", title: "x" })).rejects.toMatchObject({ status: 403 });
    await expect(createAnnotation(manager, actorOf(manager), { scopeType: "TEAM", scopeId: ids.routing, date: "2026-03-02", title: "x" })).rejects.toMatchObject({ status: 403 });
    expect(await db.annotation.count()).toBe(0);
  });

  it("lets a leader annotate, audited, and rejects an unknown scope", async () => {
    const a = await createAnnotation(leader, actorOf(leader), { scopeType: "GROUP", scopeId: ids.logistics, date: "2026-03-02", title: "Reorg", body: "Routing joins Logistics" });
    expect(a).toMatchObject({ scopeName: "Logistics", date: "2026-03-02", kind: "NOTE", createdBy: "lea", canEdit: true });
    expect(await db.auditLog.count({ where: { entityType: "Annotation", entityId: a.id, action: "create", actorId: leader.id } })).toBe(1);
    await expect(createAnnotation(leader, actorOf(leader), { scopeType: "TEAM", scopeId: "nope", date: "2026-03-02", title: "x" })).rejects.toMatchObject({ status: 400 });
  });

  it("puts notes on the charts of the scope, its enclosing groups and, for a group, its teams", async () => {
    await createAnnotation(admin, actorOf(admin), { scopeType: "ORG", date: "2026-01-05", title: "Acquisition" });
    await createAnnotation(admin, actorOf(admin), { scopeType: "TEAM", scopeId: ids.routing, date: "2026-02-02", title: "Incident review" });
    await createAnnotation(admin, actorOf(admin), { scopeType: "TEAM", scopeId: ids.infra, date: "2026-02-09", title: "Infra outage" });
    const titles = async (scope: string, from?: string) => (await listAnnotations({ scope, from }, viewer)).annotations.map((a) => a.title);
    expect(await titles("org")).toEqual(["Acquisition"]);
    expect(await titles(`team:${ids.routing}`)).toEqual(["Reorg", "Incident review", "Acquisition"]);
    expect(await titles(`team:${ids.web}`)).toEqual(["Acquisition"]);
    expect(await titles(`group:${ids.product}`)).toEqual(["Reorg", "Incident review", "Acquisition"]);
    expect(await titles(`group:${ids.platform}`, "2026-02-01")).toEqual(["Infra outage"]);
    expect((await listAnnotationsBetween("2026-02-01", "2026-02-28", viewer)).map((a) => a.title)).toEqual(["Infra outage", "Incident review"]);
  });

  it("lets only the author or an admin edit or delete, audited", async () => {
    const note = await createAnnotation(leader, actorOf(leader), { scopeType: "ORG", date: "2026-03-09", title: "Offsite" });
    await expect(updateAnnotation(otherLeader, actorOf(otherLeader), note.id, { title: "Hijacked" })).rejects.toMatchObject({ status: 403 });
    expect((await listAnnotations({ scope: "org" }, otherLeader)).annotations.find((a) => a.id === note.id)?.canEdit).toBe(false);
    const edited = await updateAnnotation(leader, actorOf(leader), note.id, { title: "Leadership offsite", date: "2026-03-10" });
    expect(edited).toMatchObject({ title: "Leadership offsite", date: "2026-03-10" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: note.id, action: "update" } });
    expect(audit.before).toMatchObject({ title: "Offsite" });
    await expect(deleteAnnotation(otherLeader, actorOf(otherLeader), note.id)).rejects.toMatchObject({ status: 403 });
    await deleteAnnotation(admin, actorOf(admin), note.id);
    expect(await db.annotation.findUnique({ where: { id: note.id } })).toBeNull();
    expect(await db.auditLog.count({ where: { entityId: note.id, action: "delete", actorId: admin.id } })).toBe(1);
  });
});
