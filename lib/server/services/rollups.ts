import "server-only";
import { ancestorChains, listGroups } from "@/lib/server/data/org";
import { db, sqlRunner } from "@/lib/server/db";
import type { SqlRunner } from "@/lib/server/sql-runner";

/**
 * Pre-aggregated weekly values per group (with its sub-groups) and for the whole organisation, so org and
 * group dashboards read a few thousand rows instead of scanning every team's values. Rewritten for the
 * (metric, week) pairs a write touches, inside the writer's transaction when it passes its runner.
 *
 * Teams combine as: Σ numerator ÷ Σ denominator when values carry them (× 100 for percent units), else a
 * sum (SUM, LAST — stocks add up), a median (MEDIAN) or a mean (MEAN). The same expression serves ad-hoc
 * team sets (segments) in lib/server/services/overview.ts.
 */
export const COMBINE_SQL = `CASE
    WHEN count(v."denominator") > 0 THEN
      CASE WHEN sum(v."denominator") = 0 THEN NULL
           ELSE sum(v."numerator") / sum(v."denominator") * (CASE WHEN m."unit" = 'percent' THEN 100 ELSE 1 END) END
    WHEN m."aggregation" IN ('SUM', 'LAST') THEN sum(v."value")
    WHEN m."aggregation" = 'MEDIAN' THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY v."value")
    ELSE avg(v."value")
  END`;

interface Mapping {
  teamIds: string[];
  scopeIds: string[];
  scopeTypes: string[];
}

/** (team, scope) pairs: every team belongs to the org and to each of its group's ancestors. */
async function teamScopeMapping(): Promise<Mapping> {
  const [teams, groups] = await Promise.all([db.team.findMany({ select: { id: true, groupId: true } }), listGroups()]);
  const chains = ancestorChains(groups);
  const mapping: Mapping = { teamIds: [], scopeIds: [], scopeTypes: [] };
  for (const t of teams) {
    mapping.teamIds.push(t.id);
    mapping.scopeIds.push("org");
    mapping.scopeTypes.push("ORG");
    for (const g of chains.get(t.groupId) ?? []) {
      mapping.teamIds.push(t.id);
      mapping.scopeIds.push(g);
      mapping.scopeTypes.push("GROUP");
    }
  }
  return mapping;
}

export interface RollupFilter {
  metricIds?: string[];
  /** Week starts `YYYY-MM-DD`; all weeks when absent. */
  weeks?: string[];
}

async function refreshWith(runner: SqlRunner, mapping: Mapping, filter: RollupFilter): Promise<void> {
  const conditions: string[] = [];
  const params: unknown[] = [mapping.teamIds, mapping.scopeIds, mapping.scopeTypes];
  if (filter.metricIds) {
    params.push(filter.metricIds);
    conditions.push(`"metricId" = ANY($${params.length}::text[])`);
  }
  if (filter.weeks) {
    params.push(filter.weeks);
    conditions.push(`"weekStart" = ANY($${params.length}::date[])`);
  }
  const where = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";
  const deleteParams = params.slice(3);
  const deleteWhere = where.replace(/\$(\d+)/g, (_, n) => `$${Number(n) - 3}`);
  await runner.query(`DELETE FROM "MetricRollup" ${deleteWhere}`, deleteParams);
  // The median's ordered input means a sort of every (value × scope) row: keep it in memory, not on disk.
  await runner.query(`SET LOCAL work_mem = '64MB'`);
  await runner.query(
    `WITH ts AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS t(team_id, scope_id, scope_type))
     INSERT INTO "MetricRollup" ("metricId", "scopeType", "scopeId", "weekStart", "value", "numerator", "denominator", "teamCount")
     SELECT v."metricId", ts.scope_type::"ScopeType", ts.scope_id, v."weekStart", ${COMBINE_SQL},
            sum(v."numerator"), sum(v."denominator"), count(*)::int
     FROM (SELECT * FROM "MetricValue" ${where}) v
     JOIN ts ON ts.team_id = v."teamId"
     JOIN "MetricDefinition" m ON m."id" = v."metricId"
     GROUP BY v."metricId", ts.scope_type, ts.scope_id, v."weekStart", m."unit", m."aggregation"`,
    params,
  );
}

/** Metrics rewritten per statement: each statement's sort (values × scopes) then stays within `work_mem`. */
const METRICS_PER_STATEMENT = 4;

async function refreshInChunks(runner: SqlRunner, mapping: Mapping, filter: RollupFilter): Promise<void> {
  const metricIds = filter.metricIds ?? (await runner.query<{ id: string }>(`SELECT "id" FROM "MetricDefinition" ORDER BY "id"`)).map((m) => m.id);
  for (let i = 0; i < metricIds.length; i += METRICS_PER_STATEMENT) {
    await refreshWith(runner, mapping, { ...filter, metricIds: metricIds.slice(i, i + METRICS_PER_STATEMENT) });
  }
}

/** Rewrites the roll-ups for the given metrics/weeks (all when no filter). Pass `runner` to join a transaction. */
export async function refreshRollups(filter: RollupFilter = {}, runner?: SqlRunner): Promise<void> {
  const mapping = await teamScopeMapping();
  if (runner) return refreshInChunks(runner, mapping, filter);
  const r = await sqlRunner();
  await r.transaction((tx) => refreshInChunks(tx, mapping, filter));
}

/** After the group tree or team membership of groups changes, every roll-up is stale. */
export async function refreshAllRollups(): Promise<void> {
  await refreshRollups({});
  const r = await sqlRunner();
  await r.exec(`ANALYZE "MetricRollup"; ANALYZE "MetricValue";`);
}
