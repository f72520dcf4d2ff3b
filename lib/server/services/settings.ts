import "server-only";
import type { Sourcing } from "@/lib/generated/prisma/client";
import { getOrgSettings } from "@/lib/server/data/org";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import type { LocationCostInput, SettingsInput } from "@/lib/validation/admin";

/** Organisation settings and the loaded cost per person per location and sourcing model (alignment pillar). */

export interface LocationCostRow {
  id: string;
  location: string;
  sourcing: Sourcing;
  annualCost: number;
}

export interface AdminSettings {
  settings: SettingsInput & { updatedAt: string };
  locationCosts: LocationCostRow[];
  /** Location + sourcing pairs that active teams use but that have no cost yet (their cost shows as missing). */
  missingCosts: { location: string; sourcing: Sourcing }[];
}

function settingsFields(s: Awaited<ReturnType<typeof getOrgSettings>>): SettingsInput {
  return {
    name: s.name,
    timeZone: s.timeZone,
    anonymityThreshold: s.anonymityThreshold,
    noteChangePct: s.noteChangePct,
    currency: s.currency,
    incidentLabel: s.incidentLabel,
  };
}

export async function getAdminSettings(): Promise<AdminSettings> {
  const [settings, costs, pairs] = await Promise.all([
    getOrgSettings(),
    db.locationCost.findMany({ select: { id: true, location: true, sourcing: true, annualCost: true }, orderBy: [{ location: "asc" }, { sourcing: "asc" }] }),
    db.team.findMany({ where: { archivedAt: null }, select: { location: true, sourcing: true }, distinct: ["location", "sourcing"] }),
  ]);
  const known = new Set(costs.map((c) => `${c.location}\u0000${c.sourcing}`));
  const missingCosts = pairs
    .filter((p) => !known.has(`${p.location}\u0000${p.sourcing}`))
    .sort((a, b) => a.location.localeCompare(b.location) || a.sourcing.localeCompare(b.sourcing));
  return { settings: { ...settingsFields(settings), updatedAt: settings.updatedAt.toISOString() }, locationCosts: costs, missingCosts };
}

export async function updateSettings(actor: Actor, input: SettingsInput): Promise<AdminSettings> {
  const before = settingsFields(await getOrgSettings());
  await db.$transaction(async (tx) => {
    const after = await tx.orgSettings.update({ where: { id: 1 }, data: input });
    await recordAudit(actor, { action: "update", entityType: "OrgSettings", entityId: "1", summary: "Changed organisation settings", before, after: settingsFields(after) }, tx);
  });
  return getAdminSettings();
}

/** Creates or replaces the cost for one location + sourcing pair. */
export async function upsertLocationCost(actor: Actor, input: LocationCostInput): Promise<LocationCostRow> {
  return db.$transaction(async (tx) => {
    const key = { location: input.location, sourcing: input.sourcing };
    const before = await tx.locationCost.findUnique({ where: { location_sourcing: key }, select: { id: true, location: true, sourcing: true, annualCost: true } });
    const row = await tx.locationCost.upsert({
      where: { location_sourcing: key },
      create: input,
      update: { annualCost: input.annualCost },
      select: { id: true, location: true, sourcing: true, annualCost: true },
    });
    await recordAudit(actor, {
      action: before ? "update" : "create",
      entityType: "LocationCost",
      entityId: row.id,
      summary: `Loaded cost for ${row.location} (${row.sourcing}) set to ${row.annualCost}`,
      before: before ?? undefined,
      after: row,
    }, tx);
    return row;
  });
}

export async function deleteLocationCost(actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.locationCost.findUnique({ where: { id }, select: { id: true, location: true, sourcing: true, annualCost: true } });
    if (!before) throw notFound("Location cost");
    await tx.locationCost.delete({ where: { id } });
    await recordAudit(actor, { action: "delete", entityType: "LocationCost", entityId: id, summary: `Removed the loaded cost for ${before.location} (${before.sourcing})`, before }, tx);
  });
}
