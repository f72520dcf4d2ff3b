import "server-only";
import { z } from "zod";
import { resolveStatusMapping, type StatusCategory } from "@/lib/flow/status-mapping";
import { itemTimeline } from "@/lib/flow/timeline";
import type { FlowType } from "@/lib/flow/types";
import { teamStatusMapRows } from "@/lib/server/data/delivery/teams";
import { deleteWorkItemsElsewhere, storedWorkItemInstants, upsertWorkItems } from "@/lib/server/data/ingest/work-items";
import type { AffectedTeams } from "@/lib/server/services/delivery/affected";
import type { SqlRunner } from "@/lib/server/sql-runner";
import type { WorkItemInput } from "@/lib/validation/ingest";
import { fromEpoch, type IngestResult } from "./batch";
import { lastPerKey, resolveTeamSlugs } from "./services";

const statusMapShape = z.record(z.string(), z.enum(["active", "waiting", "done"]));

/** A team's own status names (Team.statusMap); anything malformed there is ignored rather than fatal. */
export function teamStatusMap(raw: unknown): Record<string, StatusCategory> {
  const parsed = statusMapShape.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

/** Transitions in time order (simultaneous ones in the order given), as they are stored. */
export function orderedTransitions(transitions: WorkItemInput["transitions"]): { status: string; at: Date }[] {
  return transitions
    .map((t, order) => ({ status: t.status, at: new Date(t.at), order }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order)
    .map(({ status, at }) => ({ status, at }));
}

/**
 * Upserts work items keyed by (team, externalId). The start (first entry into an active status) and
 * finish (entry into the final done run) are derived with the team's status mapping over the defaults
 * and stored, so flow queries can filter by them.
 */
export async function writeWorkItems(tx: SqlRunner, items: readonly WorkItemInput[], affected: AffectedTeams): Promise<IngestResult> {
  const teams = await resolveTeamSlugs(tx, items.map((w, index) => ({ index, team: w.team })));
  const maps = await teamStatusMapRows(tx, [...teams.values()]);
  const mappingOf = new Map(maps.map((t) => [t.id, resolveStatusMapping(teamStatusMap(t.statusMap))]));

  const rows = lastPerKey(
    items.map((w, index) => {
      const teamId = teams.get(w.team) as string;
      const transitions = orderedTransitions(w.transitions);
      const timeline = itemTimeline(
        { id: w.externalId, teamId, type: w.type as FlowType, createdAt: new Date(w.createdAt), transitions },
        mappingOf.get(teamId) ?? resolveStatusMapping(),
      );
      return { ...w, index, teamId, transitions, start: timeline.start, finish: timeline.finish };
    }),
    (w) => `${w.teamId}\u0000${w.externalId}`,
  );
  const previous = await storedWorkItemInstants(tx, { ownerIds: rows.map((r) => r.teamId), externalIds: rows.map((r) => r.externalId) });

  const written = await upsertWorkItems(
    tx,
    rows.map((r) => ({
      teamId: r.teamId,
      externalId: r.externalId,
      type: r.type.toUpperCase(),
      title: r.title ?? null,
      createdAt: r.createdAt,
      transitions: r.transitions.map((t) => ({ status: t.status, at: t.at.toISOString() })),
      startedAt: r.start?.toISOString() ?? null,
      finishedAt: r.finish?.toISOString() ?? null,
    })),
  );

  for (const r of rows) affected.addFlow(r.teamId, [r.start, r.finish], r.start !== null && r.finish === null);
  for (const p of previous) {
    affected.addFlow(p.teamId, [fromEpoch(p.startedAt), fromEpoch(p.finishedAt)], p.startedAt !== null && p.finishedAt === null);
  }

  const created = written.filter((w) => w.inserted).length;
  return { received: items.length, created, updated: written.length - created, unassignedServices: [] };
}

/**
 * For a tracker whose key identifies one item across the organisation (a Jira issue key): the copies of these items
 * that other teams still hold, from before the item changed team, go, and those teams' flow is recomputed. The
 * ingestion API keeps work items per team (a team's own ids may repeat elsewhere), so only connectors call this.
 */
export async function removeMovedWorkItems(tx: SqlRunner, items: readonly WorkItemInput[], affected: AffectedTeams): Promise<number> {
  if (items.length === 0) return 0;
  const teams = await resolveTeamSlugs(tx, items.map((w, index) => ({ index, team: w.team })));
  const gone = await deleteWorkItemsElsewhere(tx, { ownerIds: items.map((w) => teams.get(w.team) as string), externalIds: items.map((w) => w.externalId) });
  for (const g of gone) affected.addFlow(g.teamId, [fromEpoch(g.startedAt), fromEpoch(g.finishedAt)], g.startedAt !== null && g.finishedAt === null);
  return gone.length;
}
