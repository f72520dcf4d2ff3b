import "server-only";
import { formatDay } from "@/lib/domain/time";
import type { CsvCell } from "@/lib/csv/write";
import { exportedGroups, exportedTeams } from "@/lib/server/data/exports/tables";

/** Teams and groups in their import formats, so an export re-imports as is. */
export const TEAMS_HEADER = ["slug", "name", "group", "location", "sourcing", "origin", "acquisitionName", "acquisitionDate", "timeZone"];
export const GROUPS_HEADER = ["slug", "name", "parent"];

export async function teamRows(): Promise<CsvCell[][]> {
  const teams = await exportedTeams();
  return teams.map((t) => [t.slug, t.name, t.group.slug, t.location, t.sourcing, t.origin, t.acquisitionName, t.acquisitionDate ? formatDay(t.acquisitionDate) : null, t.timeZone]);
}

/** Parents before children, so the file also imports in one pass by tools less forgiving than ours. */
export async function groupRows(): Promise<CsvCell[][]> {
  const groups = await exportedGroups();
  const byId = new Map(groups.map((g) => [g.id, g]));
  const depth = (id: string | null, seen = 0): number => (id && seen < 100 ? 1 + depth(byId.get(id)?.parentId ?? null, seen + 1) : 0);
  return groups
    .map((g) => ({ g, d: depth(g.parentId) }))
    .sort((a, b) => a.d - b.d || a.g.slug.localeCompare(b.g.slug))
    .map(({ g }) => [g.slug, g.name, g.parentId ? (byId.get(g.parentId)?.slug ?? null) : null]);
}
