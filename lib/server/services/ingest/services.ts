import "server-only";
import { attachServicesToTeams, eventBoundsOfServices, insertServices, servicesByName, teamsBySlug } from "@/lib/server/data/ingest/services";
import type { AffectedTeams } from "@/lib/server/services/delivery/affected";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { rejectItems, type ItemIssue } from "./issues";

/**
 * Services named by an ingest batch, found or created. A new service is attached to the team the item
 * names (deployments may name one) or left unassigned (teamId null) for an admin to map; an existing
 * unassigned service is attached when an item names its team, and its events so far become that team's:
 * their whole span is recomputed. An assigned service keeps its team.
 */
export interface ServiceRef {
  index: number;
  service: string;
  team?: string;
}

export interface ResolvedService {
  id: string;
  teamId: string | null;
}

/** Team slug → id; an unknown slug is an error on that item's `field`. */
export async function resolveTeamSlugs(
  tx: SqlRunner,
  refs: readonly { index: number; team?: string }[],
  field = "team",
): Promise<Map<string, string>> {
  const slugs = [...new Set(refs.map((r) => r.team).filter((s): s is string => Boolean(s)))];
  if (slugs.length === 0) return new Map();
  const rows = await teamsBySlug(tx, slugs);
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  const issues: ItemIssue[] = refs
    .filter((r) => r.team && !bySlug.has(r.team))
    .map((r) => ({ index: r.index, field, message: `no team with slug "${r.team}"` }));
  if (issues.length > 0) rejectItems(issues);
  return bySlug;
}

export async function resolveServices(tx: SqlRunner, refs: readonly ServiceRef[], affected: AffectedTeams): Promise<Map<string, ResolvedService>> {
  const teams = await resolveTeamSlugs(tx, refs);
  const wantedTeam = new Map<string, string>();
  for (const r of refs) {
    const teamId = r.team ? teams.get(r.team) : undefined;
    if (teamId && !wantedTeam.has(r.service)) wantedTeam.set(r.service, teamId);
  }
  const names = [...new Set(refs.map((r) => r.service))];
  const select = () => servicesByName(tx, names);
  let rows = await select();
  const known = new Set(rows.map((r) => r.name));
  const missing = names.filter((n) => !known.has(n));
  if (missing.length > 0) {
    await insertServices(tx, missing.map((name) => ({ name, teamId: wantedTeam.get(name) ?? null })));
    rows = await select();
  }
  const attach = rows.filter((r) => r.teamId === null && wantedTeam.has(r.name));
  if (attach.length > 0) {
    await attachServicesToTeams(tx, attach.map((r) => ({ serviceId: r.id, teamId: wantedTeam.get(r.name) as string })));
    for (const r of attach) r.teamId = wantedTeam.get(r.name) ?? null;
    const teamOf = new Map(attach.map((r) => [r.id, r.teamId]));
    for (const b of await eventBoundsOfServices(tx, attach.map((r) => r.id))) {
      affected.addDelivery(teamOf.get(b.serviceId) ?? null, [new Date(b.first), new Date(b.last)]);
    }
  }
  return new Map(rows.map((r) => [r.name, { id: r.id, teamId: r.teamId }]));
}

/** Keeps the last item per key: a batch that repeats an event is the same as sending it twice. */
export function lastPerKey<T extends { index: number }>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(keyOf(item), item);
  return [...byKey.values()];
}
