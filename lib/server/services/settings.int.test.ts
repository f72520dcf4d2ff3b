import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { settingsInput } from "@/lib/validation/admin";
import { deleteLocationCost, getAdminSettings, updateSettings, upsertLocationCost } from "./settings";

const actor: Actor = { userId: null, label: "admin@example.com" };
const valid = { name: "Acme Engineering", timeZone: "Europe/Berlin", anonymityThreshold: 5, noteChangePct: 40, currency: "eur", incidentLabel: "sev" };

describe("organisation settings", () => {
  it("validates time zone, anonymity threshold and currency", () => {
    expect(settingsInput.safeParse({ ...valid, timeZone: "Mars/Olympus" }).success).toBe(false);
    expect(settingsInput.safeParse({ ...valid, timeZone: "UTC" }).success).toBe(true);
    expect(settingsInput.safeParse({ ...valid, anonymityThreshold: 2 }).success).toBe(false);
    expect(settingsInput.safeParse({ ...valid, anonymityThreshold: 11 }).success).toBe(false);
    expect(settingsInput.safeParse({ ...valid, anonymityThreshold: 4.5 }).success).toBe(false);
    expect(settingsInput.safeParse({ ...valid, currency: "XYZ1" }).success).toBe(false);
  });

  it("starts from the defaults and saves a change with an audit record", async () => {
    const before = await getAdminSettings();
    expect(before.settings).toMatchObject({ name: "My organisation", timeZone: "UTC", anonymityThreshold: 5, noteChangePct: 50, currency: "USD", incidentLabel: "incident" });
    const after = await updateSettings(actor, settingsInput.parse(valid));
    expect(after.settings).toMatchObject({ ...valid, currency: "EUR" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "OrgSettings" } });
    expect(audit.before).toMatchObject({ anonymityThreshold: 5, timeZone: "UTC" });
    expect(audit.after).toMatchObject({ anonymityThreshold: 5, timeZone: "Europe/Berlin", currency: "EUR" });
  });

  it("keeps one cost per location and sourcing and lists the pairs teams still lack", async () => {
    const group = await db.group.create({ data: { name: "G", slug: "g" } });
    await db.team.createMany({
      data: [
        { name: "A", slug: "a", groupId: group.id, location: "Berlin", sourcing: "ONSHORE" },
        { name: "B", slug: "b", groupId: group.id, location: "Kraków", sourcing: "NEARSHORE" },
      ],
    });
    const first = await upsertLocationCost(actor, { location: "Berlin", sourcing: "ONSHORE", annualCost: 120_000 });
    const second = await upsertLocationCost(actor, { location: "Berlin", sourcing: "ONSHORE", annualCost: 125_000 });
    expect(second.id).toBe(first.id);
    const view = await getAdminSettings();
    expect(view.locationCosts.map((c) => [c.location, c.sourcing, c.annualCost])).toEqual([["Berlin", "ONSHORE", 125_000]]);
    expect(view.missingCosts).toEqual([{ location: "Kraków", sourcing: "NEARSHORE" }]);
    await deleteLocationCost(actor, first.id);
    expect((await getAdminSettings()).locationCosts).toEqual([]);
    const actions = (await db.auditLog.findMany({ where: { entityType: "LocationCost" }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["create", "update", "delete"]);
  });
});
