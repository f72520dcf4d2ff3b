import "server-only";
import { withPlannerSettings } from "@/lib/server/data/planner-settings";
import type { SqlRunner } from "@/lib/server/sql-runner";

/**
 * The roll-up table (MetricRollup): pre-aggregated weekly values per group (with its sub-groups) and for the
 * whole organisation. Raw SQL on the runner it is given, so a writer's transaction can rewrite the roll-ups of
 * what it wrote before it commits.
 *
 * Teams combine as: Σ numerator ÷ Σ denominator when values carry them (× 100 for percent units), else a
 * sum (SUM, LAST — stocks add up), a median (MEDIAN) or a mean (MEAN). The same expression serves ad-hoc
 * team sets (segments) in lib/server/data/metric-points.ts.
 */
function combineSql(median: boolean): string {
  return `CASE
    WHEN count(v."denominator") > 0 THEN
      CASE WHEN sum(v."denominator") = 0 THEN NULL
           ELSE sum(v."numerator") / sum(v."denominator") * (CASE WHEN m."unit" = 'percent' THEN 100 ELSE 1 END) END
    WHEN m."aggregation" IN ('SUM', 'LAST') THEN sum(v."value")${
      median ? `\n    WHEN m."aggregation" = 'MEDIAN' THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY v."value")` : ""
    }
    ELSE avg(v."value")
  END`;
}

export const COMBINE_SQL = combineSql(true);

/** (team, scope) pairs in parallel arrays: each team with the org and each of its group's ancestors. */
export interface RollupMapping {
  teamIds: string[];
  scopeIds: string[];
  scopeTypes: string[];
}

export interface RollupFilter {
  metricIds?: string[];
  /** Week starts `YYYY-MM-DD`; all weeks when absent. */
  weeks?: string[];
}

/** Every team (archived ones too: their values count in the roll-ups) with its group. */
export async function listTeamGroups(runner: SqlRunner): Promise<{ id: string; groupId: string }[]> {
  return runner.query<{ id: string; groupId: string }>(`SELECT "id", "groupId" FROM "Team"`);
}

/** The group tree, as `listGroups` (lib/server/data/org.ts) reads it, on the given runner. */
export async function listGroupTree(runner: SqlRunner): Promise<{ id: string; name: string; parentId: string | null }[]> {
  return runner.query<{ id: string; name: string; parentId: string | null }>(`SELECT "id", "name", "parentId" FROM "Group" ORDER BY "name"`);
}

/** Every metric definition's id, in id order. */
export async function listMetricIds(runner: SqlRunner): Promise<string[]> {
  return (await runner.query<{ id: string }>(`SELECT "id" FROM "MetricDefinition" ORDER BY "id"`)).map((m) => m.id);
}

/** The roll-ups of the MEDIAN metrics (`median`) or of all the others, from the values `where` selects. */
function rollupInsertSql(where: string, median: boolean): string {
  return `WITH ts AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS t(team_id, scope_id, scope_type))
     INSERT INTO "MetricRollup" ("metricId", "scopeType", "scopeId", "weekStart", "value", "numerator", "denominator", "teamCount")
     SELECT v."metricId" COLLATE "C", ts.scope_type::"ScopeType", ts.scope_id COLLATE "C", v."weekStart", ${combineSql(median)},
            sum(v."numerator"), sum(v."denominator"), count(*)::int
     FROM (SELECT * FROM "MetricValue" ${where}) v
     JOIN ts ON ts.team_id = v."teamId"
     JOIN "MetricDefinition" m ON m."id" = v."metricId" AND (m."aggregation" = 'MEDIAN') = ${median}
     GROUP BY v."weekStart", ts.scope_id COLLATE "C", v."metricId" COLLATE "C", ts.scope_type, m."unit", m."aggregation"`;
}

/** Deletes and rewrites the roll-ups of the filter's metrics and weeks from the team values and the mapping. */
export async function rewriteRollups(runner: SqlRunner, mapping: RollupMapping, filter: RollupFilter): Promise<void> {
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
  // The groups' hash table and the median's sort of every (value × scope) row stay in memory (work_mem), not on
  // disk. That sort goes by the week first (a date compares at once) and the ids byte by byte ("C"; equal ids are
  // equal in any collation): a full rewrite's statement took 0.8 s where it took 1.1–1.4 s by metric id first.
  // Values just written (an import's new metric, a new week) have no statistics yet, so the planner expects
  // one row and loops over the team mapping for each value: 25 million comparisons and 10 s for an import of
  // 100,000 values, where hashing the mapping (a few hundred rows) takes 0.1 s. The joins here are with small
  // tables, so they are always hashed (enable_nestloop). The settings are put back for the rest of the writer's
  // transaction (lib/server/data/planner-settings.ts).
  await withPlannerSettings(runner, { work_mem: "64MB", enable_nestloop: "off" }, async () => {
    // Two statements, the same rule: the median's ordered input makes PostgreSQL sort every (value × scope) row
    // and then each group's values again, so only MEDIAN metrics pay for it; the others are hashed (a sort of
    // 400,000 rows and 32,400 small ones is most of an import's roll-up, which took 1.1 s for 100,000 values).
    await withPlannerSettings(runner, { enable_sort: "off" }, () => runner.query(rollupInsertSql(where, false), params));
    await runner.query(rollupInsertSql(where, true), params);
  });
}

/** Refreshes the planner's statistics of the roll-ups and the values after a full rewrite. */
export async function analyzeRollups(runner: SqlRunner): Promise<void> {
  await runner.exec(`ANALYZE "MetricRollup"; ANALYZE "MetricValue";`);
}
