/**
 * Writes the demo organisation: settings, the group tree, teams (with the acquired one), the
 * services each team owns, and the loaded cost per location. Returns id lookups by slug.
 */
import "server-only";
import type { Db } from "@/lib/server/db";
import { parseDay } from "@/lib/domain/time";
import { ACQUISITION_NAME, GROUPS, LOCATION_COSTS, ORG_CURRENCY, ORG_NAME, ORG_TIME_ZONE, TEAMS } from "./org-plan";
import type { DemoWindow } from "./window";

export interface OrgIds {
  groups: Map<string, string>;
  teams: Map<string, string>;
}

export async function createOrganisation(db: Db, window: DemoWindow): Promise<OrgIds> {
  await db.orgSettings.update({
    where: { id: 1 },
    data: { name: ORG_NAME, timeZone: ORG_TIME_ZONE, currency: ORG_CURRENCY, anonymityThreshold: 5 },
  });

  const groups = new Map<string, string>();
  // GROUPS lists parents before children, so each parent id is known when its children are created.
  for (const g of GROUPS) {
    const parentId = g.parent === null ? null : (groups.get(g.parent) ?? null);
    const created = await db.group.create({
      data: { name: g.name, slug: g.slug, parentId, ...(g.formedAtReorg ? { createdAt: parseDay(window.reorgDate) } : {}) },
      select: { id: true },
    });
    groups.set(g.slug, created.id);
  }

  const teams = new Map<string, string>();
  for (const t of TEAMS) {
    const groupId = groups.get(t.group);
    if (!groupId) throw new Error(`team ${t.slug} names unknown group ${t.group}`);
    const created = await db.team.create({
      data: {
        name: t.name,
        slug: t.slug,
        groupId,
        location: t.location,
        sourcing: t.sourcing,
        origin: t.acquired ? "ACQUIRED" : "ORGANIC",
        acquisitionName: t.acquired ? ACQUISITION_NAME : null,
        acquisitionDate: t.acquired ? parseDay(window.acquisitionDate) : null,
        timeZone: t.location === "Bangalore" ? "Asia/Kolkata" : null,
        createdAt: parseDay(t.acquired ? window.acquisitionDate : window.firstWeek),
      },
      select: { id: true },
    });
    teams.set(t.slug, created.id);
  }

  await db.service.createMany({
    data: TEAMS.flatMap((t) => t.services.map((name) => ({ name, teamId: teams.get(t.slug) as string }))),
  });
  await db.locationCost.createMany({ data: LOCATION_COSTS });
  return { groups, teams };
}
