import "server-only";
import type { FlowSummaryResponse } from "@/lib/delivery/api-types";
import { FLOW_EXPLANATIONS } from "@/lib/flow/explanations";
import { flowOfPeriod, localTimelines, type LocalTimeline } from "@/lib/flow/summary";
import { loadWorkItemRows, type WorkItemRow } from "@/lib/server/data/events";
import { teamsWithStatusMap } from "@/lib/server/data/delivery/teams";
import { openSql } from "@/lib/server/data/runner";
import { teamStatusMap } from "@/lib/server/services/ingest/work-items";
import type { DeliveryQuery } from "@/lib/validation/delivery";
import { instantBefore, resolveDeliveryScope, resolvePeriod } from "./scope";

/**
 * Flow metrics of a team (or a group, or the organisation) for a period, from the work items, each
 * team's items read through its own status mapping; and the items behind the numbers.
 */
async function load(query: DeliveryQuery, now: Date) {
  const [scope, period] = await Promise.all([resolveDeliveryScope({ team: query.team, group: query.group, location: query.location, sourcing: query.sourcing, origin: query.origin }), resolvePeriod(query, now)]);
  const items = await loadWorkItemRows(await openSql(), scope.teamIds, instantBefore(period.from));
  const teams = await teamsWithStatusMap(scope.teamIds);
  const byTeam = new Map<string, WorkItemRow[]>();
  for (const item of items) byTeam.set(item.teamId, [...(byTeam.get(item.teamId) ?? []), item]);
  const timelines: LocalTimeline[] = teams.flatMap((t) =>
    localTimelines({ items: byTeam.get(t.id) ?? [], timeZone: period.timeZone, statusMapping: teamStatusMap(t.statusMap) }),
  );
  return { scope, period, timelines, teamSlug: new Map(teams.map((t) => [t.id, t.slug])) };
}

export async function getFlowSummary(query: DeliveryQuery, now = new Date()): Promise<FlowSummaryResponse> {
  const { scope, period, timelines } = await load(query, now);
  return {
    scope: { type: scope.type, id: scope.id, name: scope.name, filter: scope.filter },
    from: period.from,
    to: period.to,
    timeZone: period.timeZone,
    ...flowOfPeriod(timelines, period.from, period.to),
    howComputed: FLOW_EXPLANATIONS,
  };
}

/** Items finished in the period (velocity, flow time, efficiency) and items in progress at its end (load). */
export async function listFlowItems(query: DeliveryQuery, now = new Date()) {
  const { scope, period, timelines, teamSlug } = await load(query, now);
  const row = (t: LocalTimeline) => {
    const item = t.item as WorkItemRow;
    return {
      externalId: item.externalId,
      team: teamSlug.get(item.teamId) ?? item.teamId,
      title: item.title,
      type: item.type,
      start: t.start,
      finish: t.finish,
      flowDays: t.flowDays,
      activeDays: t.activeDays,
      waitingDays: t.waitingDays,
    };
  };
  const finished = timelines.filter((t) => t.finishDay !== null && t.finishDay >= period.from && t.finishDay <= period.to);
  const inProgress = timelines.filter((t) => t.startDay !== null && t.startDay <= period.to && (t.finishDay === null || t.finishDay > period.to));
  return {
    scope: { type: scope.type, id: scope.id, name: scope.name, filter: scope.filter },
    from: period.from,
    to: period.to,
    finished: finished.map(row),
    inProgress: inProgress.map(row),
  };
}
