import "server-only";
import type { GridGranularity, StatusGrid, StatusGridRow } from "@/lib/metrics/api-types";
import type { RangeKey } from "@/lib/metrics/series-types";
import { publishClosedRuns } from "@/lib/server/disclosure/surveys";
import { gridCell } from "@/lib/metrics/status-grid";
import { listGroups, listTeams, resolveScope, teamIdsInScope } from "@/lib/server/data/org";
import type { DisclosureViewer } from "@/lib/server/disclosure/viewer";
import { overviewOfPublished } from "@/lib/server/services/overview";

/**
 * The team × metric status grid for the organisation or a group: one row per active team in the scope and
 * one for the scope as a whole, one column per headline metric. Each row is the headline of that team's
 * own overview at the same granularity (same values, same targets, same disclosure), so the grid can be
 * checked against any card a reader opens from it.
 */

/** Enough history for a headline and the period before it at each granularity. */
const RANGE_FOR: Record<GridGranularity, RangeKey> = { week: "12w", month: "6m", quarter: "1y" };

export interface StatusGridQuery {
  scope: string;
  granularity: GridGranularity;
  viewer: DisclosureViewer;
  now: Date;
}

export async function getStatusGrid({ scope: scopeParam, granularity, viewer, now }: StatusGridQuery): Promise<StatusGrid> {
  const scope = await resolveScope(scopeParam);
  const range = RANGE_FOR[granularity];
  // Closed runs are published once for the whole grid, not once per row.
  await publishClosedRuns(now);
  const [whole, teamIds, teams, groups] = await Promise.all([
    overviewOfPublished({ scope: scopeParam, range, granularity, viewer, now }),
    teamIdsInScope(scope),
    listTeams(),
    listGroups(),
  ]);
  const metrics = whole.pillars.flatMap((p) => p.series.map((s) => s.metric));
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const inScope = teams
    .filter((t) => teamIds.includes(t.id))
    .sort((a, b) => (groupName.get(a.groupId) ?? "").localeCompare(groupName.get(b.groupId) ?? "") || a.name.localeCompare(b.name));
  const rowOf = (overview: typeof whole, group: string | null): StatusGridRow => {
    const byKey = new Map(overview.pillars.flatMap((p) => p.series).map((s) => [s.metric.key, s]));
    return {
      scope: overview.scope,
      groupName: group,
      cells: metrics.map((m) => {
        const series = byKey.get(m.key);
        return series ? gridCell(series) : { metricKey: m.key, value: null, period: null, label: null, status: null, trend: null, improving: null, previous: null };
      }),
    };
  };
  const rows: StatusGridRow[] = [rowOf(whole, null)];
  // One team at a time: each overview is cached per data version, and the embedded database has one connection.
  for (const team of inScope) {
    const overview = await overviewOfPublished({ scope: `team:${team.id}`, range, granularity, viewer, now });
    rows.push(rowOf(overview, groupName.get(team.groupId) ?? null));
  }
  return { scope: whole.scope, granularity, metrics, rows };
}
