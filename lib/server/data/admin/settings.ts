import "server-only";
import type { Prisma, Sourcing } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/** The organisation settings row (writes) and the loaded cost per location and sourcing model. */

export interface LocationCostRecord {
  id: string;
  location: string;
  sourcing: Sourcing;
  annualCost: number;
}

const COST_SELECT = { id: true, location: true, sourcing: true, annualCost: true } as const;

export async function updateOrgSettings(data: Prisma.OrgSettingsUpdateInput, tx: Tx = client) {
  return tx.orgSettings.update({ where: { id: 1 }, data });
}

export async function listLocationCosts(tx: Tx = client): Promise<LocationCostRecord[]> {
  return tx.locationCost.findMany({ select: COST_SELECT, orderBy: [{ location: "asc" }, { sourcing: "asc" }] });
}

/** The distinct location + sourcing pairs of active teams. */
export async function activeTeamCostPairs(tx: Tx = client): Promise<{ location: string; sourcing: Sourcing }[]> {
  return tx.team.findMany({ where: { archivedAt: null }, select: { location: true, sourcing: true }, distinct: ["location", "sourcing"] });
}

export async function locationCostByPair(location: string, sourcing: Sourcing, tx: Tx = client): Promise<LocationCostRecord | null> {
  return tx.locationCost.findUnique({ where: { location_sourcing: { location, sourcing } }, select: COST_SELECT });
}

export async function locationCostById(id: string, tx: Tx = client): Promise<LocationCostRecord | null> {
  return tx.locationCost.findUnique({ where: { id }, select: COST_SELECT });
}

/** Creates the pair's cost or replaces its amount. */
export async function saveLocationCost(input: Omit<LocationCostRecord, "id">, tx: Tx = client): Promise<LocationCostRecord> {
  return tx.locationCost.upsert({
    where: { location_sourcing: { location: input.location, sourcing: input.sourcing } },
    create: input,
    update: { annualCost: input.annualCost },
    select: COST_SELECT,
  });
}

export async function deleteLocationCostById(id: string, tx: Tx = client): Promise<void> {
  await tx.locationCost.delete({ where: { id } });
}
