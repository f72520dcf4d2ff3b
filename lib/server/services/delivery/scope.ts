import "server-only";
import { addDays, localDate } from "@/lib/domain/time";
import { ancestorChains, getOrgSettings, listGroups, type Scope } from "@/lib/server/data/org";
import { activeTeamGroups, groupBySlugOrId, teamBySlugOrId } from "@/lib/server/data/delivery/scope";
import { serviceByName, serviceIdsOfTeams } from "@/lib/server/data/delivery/services";
import { badRequest, notFound } from "@/lib/server/errors";
import { filterInfo, resolveFilteredTeams } from "@/lib/server/services/segment-filter";
import type { FilterInfo } from "@/lib/segments/segment-filter";
import type { DeliveryQuery } from "@/lib/validation/delivery";

/**
 * The scope and period a delivery/flow read covers. A team owns services; a group covers its teams and
 * its sub-groups' teams; the organisation covers every team (services nobody has mapped to a team are
 * left out, as they are from the stored metric values). A service scope is the service alone. A location,
 * sourcing or origin filter keeps only the scope's teams in those segments (and so their services).
 */
export interface DeliveryScope {
  type: "org" | "group" | "team" | "service";
  id: string | null;
  name: string;
  serviceIds: string[];
  teamIds: string[];
  /** The segment filter narrowing a team, group or org scope, or null. */
  filter: FilterInfo | null;
}

export interface Period {
  from: string;
  to: string;
  timeZone: string;
}

const DEFAULT_WEEKS = 12;
const MAX_DAYS = 3 * 366;

/** The period asked for; without `to`, the last twelve weeks up to the day of `now` (the caller's clock). */
export async function resolvePeriod(query: { from?: string; to?: string }, now: Date): Promise<Period> {
  const { timeZone } = await getOrgSettings();
  const to = query.to ?? localDate(now, timeZone);
  const from = query.from ?? addDays(to, -7 * DEFAULT_WEEKS + 1);
  if (from > to) throw badRequest("from must not be after to.");
  if (Date.parse(to) - Date.parse(from) > MAX_DAYS * 86_400_000) throw badRequest("The period may span at most three years.");
  return { from, to, timeZone };
}

type ScopeQuery = Pick<DeliveryQuery, "team" | "group" | "service" | "location" | "sourcing" | "origin">;

export async function resolveDeliveryScope(query: ScopeQuery): Promise<DeliveryScope> {
  const scope = await unfilteredScope(query);
  if (scope.type === "service") return scope;
  const asScope: Scope = scope.type === "org" ? { type: "ORG", id: null, name: scope.name } : { type: scope.type === "team" ? "TEAM" : "GROUP", id: scope.id as string, name: scope.name };
  const filtered = await resolveFilteredTeams(asScope, query);
  const matching = new Set(filtered?.teamIds);
  const teamIds = filtered ? scope.teamIds.filter((id) => matching.has(id)) : scope.teamIds;
  return { ...scope, teamIds, serviceIds: await serviceIdsOfTeams(teamIds), filter: filtered ? filterInfo({ ...filtered, teamIds }) : null };
}

/** The scope's teams and services before any segment filter. */
async function unfilteredScope(query: ScopeQuery): Promise<DeliveryScope> {
  if (query.service) {
    const service = await serviceByName(query.service);
    if (!service) throw notFound("Service");
    return { type: "service", id: service.id, name: service.name, serviceIds: [service.id], teamIds: service.teamId ? [service.teamId] : [], filter: null };
  }
  if (query.team) {
    const team = await teamBySlugOrId(query.team);
    if (!team) throw notFound("Team");
    return { type: "team", id: team.id, name: team.name, serviceIds: [], teamIds: [team.id], filter: null };
  }
  const teams = await activeTeamGroups();
  if (query.group) {
    const group = await groupBySlugOrId(query.group);
    if (!group) throw notFound("Group");
    const chains = ancestorChains(await listGroups());
    const teamIds = teams.filter((t) => chains.get(t.groupId)?.includes(group.id)).map((t) => t.id);
    return { type: "group", id: group.id, name: group.name, serviceIds: [], teamIds, filter: null };
  }
  const teamIds = teams.map((t) => t.id);
  return { type: "org", id: null, name: (await getOrgSettings()).name, serviceIds: [], teamIds, filter: null };
}

/** A safe instant before the local start of `day` in any time zone (offsets reach +14 hours). */
export function instantBefore(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000);
}
