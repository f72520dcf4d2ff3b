import "server-only";
import type { AdminSettings, LocationCostRow } from "@/lib/admin/api-types";
import {
  activeTeamCostPairs,
  deleteLocationCostById,
  listLocationCosts,
  locationCostById,
  locationCostByPair,
  saveLocationCost,
  updateOrgSettings,
} from "@/lib/server/data/admin/settings";
import { getOrgSettings } from "@/lib/server/data/org";
import { inTransaction } from "@/lib/server/data/runner";
import { notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import type { LocationCostInput, SettingsInput } from "@/lib/validation/admin";

/** Organisation settings and the loaded cost per person per location and sourcing model (alignment pillar). */

function settingsFields(s: Awaited<ReturnType<typeof getOrgSettings>>): SettingsInput {
  return {
    name: s.name,
    timeZone: s.timeZone,
    anonymityThreshold: s.anonymityThreshold,
    noteChangePct: s.noteChangePct,
    currency: s.currency,
    incidentLabel: s.incidentLabel,
    digestWeekday: s.digestWeekday,
    digestHour: s.digestHour,
  };
}

export async function getAdminSettings(): Promise<AdminSettings> {
  const [settings, costs, pairs] = await Promise.all([
    getOrgSettings(),
    listLocationCosts(),
    activeTeamCostPairs(),
  ]);
  const known = new Set(costs.map((c) => `${c.location}\u0000${c.sourcing}`));
  const missingCosts = pairs
    .filter((p) => !known.has(`${p.location}\u0000${p.sourcing}`))
    .sort((a, b) => a.location.localeCompare(b.location) || a.sourcing.localeCompare(b.sourcing));
  return { settings: { ...settingsFields(settings), updatedAt: settings.updatedAt.toISOString() }, locationCosts: costs, missingCosts };
}

export async function updateSettings(actor: Actor, input: SettingsInput): Promise<AdminSettings> {
  const before = settingsFields(await getOrgSettings());
  await inTransaction(async (tx) => {
    const after = await updateOrgSettings(input, tx);
    await recordAudit(actor, { action: "update", entityType: "OrgSettings", entityId: "1", summary: "Changed organisation settings", before, after: settingsFields(after) }, tx);
  });
  return getAdminSettings();
}

/** Creates or replaces the cost for one location + sourcing pair. */
export async function upsertLocationCost(actor: Actor, input: LocationCostInput): Promise<LocationCostRow> {
  return inTransaction(async (tx) => {
    const before = await locationCostByPair(input.location, input.sourcing, tx);
    const row = await saveLocationCost(input, tx);
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
  await inTransaction(async (tx) => {
    const before = await locationCostById(id, tx);
    if (!before) throw notFound("Location cost");
    await deleteLocationCostById(id, tx);
    await recordAudit(actor, { action: "delete", entityType: "LocationCost", entityId: id, summary: `Removed the loaded cost for ${before.location} (${before.sourcing})`, before }, tx);
  });
}
