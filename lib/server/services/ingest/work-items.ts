import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { resolveStatusMapping, type StatusCategory } from "@/lib/flow/status-mapping";
import { itemTimeline } from "@/lib/flow/timeline";
import type { FlowType } from "@/lib/flow/types";
import type { AffectedTeams } from "@/lib/server/services/delivery/affected";
import type { SqlRunner } from "@/lib/server/sql-runner";
import type { WorkItemInput } from "@/lib/validation/ingest";
import { epochMs, fromEpoch, utcTimestamp, type IngestResult } from "./batch";
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
  const maps = await tx.query<{ id: string; statusMap: unknown }>(`SELECT "id", "statusMap" FROM "Team" WHERE "id" = ANY($1::text[])`, [
    [...teams.values()],
  ]);
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
  const keys = [rows.map((r) => r.teamId), rows.map((r) => r.externalId)];

  const previous = await tx.query<{ teamId: string; startedAt: number | null; finishedAt: number | null }>(
    `SELECT w."teamId", ${epochMs(`w."startedAt"`)} AS "startedAt", ${epochMs(`w."finishedAt"`)} AS "finishedAt"
     FROM "WorkItem" w JOIN unnest($1::text[], $2::text[]) AS k(t, e) ON w."teamId" = k.t AND w."externalId" = k.e`,
    keys,
  );

  const written = await tx.query<{ inserted: boolean }>(
    `INSERT INTO "WorkItem" ("id", "teamId", "externalId", "type", "title", "createdAt", "transitions", "startedAt", "finishedAt", "updatedAt")
     SELECT id, t, e, ty::"WorkItemType", ti, ${utcTimestamp("c")}, tr::jsonb, ${utcTimestamp("s")}, ${utcTimestamp("f")}, CURRENT_TIMESTAMP
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::timestamptz[], $9::timestamptz[])
       AS x(id, t, e, ty, ti, c, tr, s, f)
     ON CONFLICT ("teamId", "externalId") DO UPDATE SET
       "type" = EXCLUDED."type", "title" = EXCLUDED."title", "createdAt" = EXCLUDED."createdAt", "transitions" = EXCLUDED."transitions",
       "startedAt" = EXCLUDED."startedAt", "finishedAt" = EXCLUDED."finishedAt", "updatedAt" = CURRENT_TIMESTAMP
     RETURNING (xmax = 0) AS inserted`,
    [
      rows.map(() => randomUUID()),
      ...keys,
      rows.map((r) => r.type.toUpperCase()),
      rows.map((r) => r.title ?? null),
      rows.map((r) => r.createdAt),
      rows.map((r) => JSON.stringify(r.transitions.map((t) => ({ status: t.status, at: t.at.toISOString() })))),
      rows.map((r) => r.start?.toISOString() ?? null),
      rows.map((r) => r.finish?.toISOString() ?? null),
    ],
  );

  for (const r of rows) affected.addFlow(r.teamId, [r.start, r.finish], r.start !== null && r.finish === null);
  for (const p of previous) {
    affected.addFlow(p.teamId, [fromEpoch(p.startedAt), fromEpoch(p.finishedAt)], p.startedAt !== null && p.finishedAt === null);
  }

  const created = written.filter((w) => w.inserted).length;
  return { received: items.length, created, updated: written.length - created, unassignedServices: [] };
}
