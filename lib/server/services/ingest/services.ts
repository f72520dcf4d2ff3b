import "server-only";
import { randomUUID } from "node:crypto";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { rejectItems, type ItemIssue } from "./issues";

/**
 * Services named by an ingest batch, found or created. A new service is attached to the team the item
 * names (deployments may name one) or left unassigned (teamId null) for an admin to map; an existing
 * unassigned service is attached when an item names its team. An assigned service keeps its team.
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
  const rows = await tx.query<{ id: string; slug: string }>(`SELECT "id", "slug" FROM "Team" WHERE "slug" = ANY($1::text[])`, [slugs]);
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  const issues: ItemIssue[] = refs
    .filter((r) => r.team && !bySlug.has(r.team))
    .map((r) => ({ index: r.index, field, message: `no team with slug "${r.team}"` }));
  if (issues.length > 0) rejectItems(issues);
  return bySlug;
}

export async function resolveServices(tx: SqlRunner, refs: readonly ServiceRef[]): Promise<Map<string, ResolvedService>> {
  const teams = await resolveTeamSlugs(tx, refs);
  const wantedTeam = new Map<string, string>();
  for (const r of refs) {
    const teamId = r.team ? teams.get(r.team) : undefined;
    if (teamId && !wantedTeam.has(r.service)) wantedTeam.set(r.service, teamId);
  }
  const names = [...new Set(refs.map((r) => r.service))];
  const select = () =>
    tx.query<{ id: string; name: string; teamId: string | null }>(
      `SELECT "id", "name", "teamId" FROM "Service" WHERE "name" = ANY($1::text[])`,
      [names],
    );
  let rows = await select();
  const known = new Set(rows.map((r) => r.name));
  const missing = names.filter((n) => !known.has(n));
  if (missing.length > 0) {
    await tx.query(
      `INSERT INTO "Service" ("id", "name", "teamId")
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT ("name") DO NOTHING`,
      [missing.map(() => randomUUID()), missing, missing.map((n) => wantedTeam.get(n) ?? null)],
    );
    rows = await select();
  }
  const attach = rows.filter((r) => r.teamId === null && wantedTeam.has(r.name));
  if (attach.length > 0) {
    await tx.query(
      `UPDATE "Service" s SET "teamId" = a.team_id
       FROM unnest($1::text[], $2::text[]) AS a(id, team_id)
       WHERE s."id" = a.id AND s."teamId" IS NULL`,
      [attach.map((r) => r.id), attach.map((r) => wantedTeam.get(r.name) as string)],
    );
    for (const r of attach) r.teamId = wantedTeam.get(r.name) ?? null;
  }
  return new Map(rows.map((r) => [r.name, { id: r.id, teamId: r.teamId }]));
}

/** Keeps the last item per key: a batch that repeats an event is the same as sending it twice. */
export function lastPerKey<T extends { index: number }>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(keyOf(item), item);
  return [...byKey.values()];
}
