import { COMBINE_SQL } from "@/lib/server/data/rollups";
import type { SqlRunner } from "@/lib/server/sql-runner";

/**
 * The database floor for a dashboard: the best single hand-written SQL query per panel (one per
 * headline metric), run directly on the database, summed over the panels. Two references:
 * - `rollup`: the 52 pre-aggregated weekly rows of the scope from "MetricRollup" (what the product
 *   reads for the org and groups), or the team's own 52 rows of "MetricValue" for a team;
 * - `raw`: the same weekly numbers aggregated on the fly from every team's rows of "MetricValue"
 *   (GROUP BY week), i.e. what a dashboard without roll-ups would have to do.
 * Each panel's time is its median over `repeats` runs.
 */
export type FloorScope = { type: "ORG" } | { type: "GROUP"; id: string; teamIds: string[] } | { type: "TEAM"; id: string };

export interface FloorReport {
  panels: number;
  /** Sum over panels of each panel query's median time. */
  rollupMs: number;
  rawMs: number;
}

async function medianMs(repeats: number, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function measureFloor(runner: SqlRunner, scope: FloorScope, metricIds: string[], fromWeek: string, toWeek: string, repeats: number): Promise<FloorReport> {
  let rollupMs = 0;
  let rawMs = 0;
  for (const metricId of metricIds) {
    const window = [metricId, fromWeek, toWeek];
    const rollup =
      scope.type === "TEAM"
        ? () => runner.query(`SELECT "weekStart", "value", "numerator", "denominator" FROM "MetricValue" WHERE "metricId" = $1 AND "teamId" = $4 AND "weekStart" BETWEEN $2::date AND $3::date ORDER BY "weekStart"`, [...window, scope.id])
        : () => runner.query(
            `SELECT "weekStart", "value", "numerator", "denominator", "teamCount" FROM "MetricRollup"
             WHERE "metricId" = $1 AND "scopeType" = $4::"ScopeType" AND "scopeId" = $5 AND "weekStart" BETWEEN $2::date AND $3::date ORDER BY "weekStart"`,
            [...window, scope.type, scope.type === "ORG" ? "org" : scope.id],
          );
    const teamFilter = scope.type === "GROUP" ? `AND v."teamId" = ANY($4::text[])` : scope.type === "TEAM" ? `AND v."teamId" = $4` : "";
    const teamParam = scope.type === "GROUP" ? [scope.teamIds] : scope.type === "TEAM" ? [scope.id] : [];
    const raw = () =>
      runner.query(
        `SELECT v."weekStart", ${COMBINE_SQL} AS value, count(*) AS teams
         FROM "MetricValue" v JOIN "MetricDefinition" m ON m."id" = v."metricId"
         WHERE v."metricId" = $1 AND v."weekStart" BETWEEN $2::date AND $3::date ${teamFilter}
         GROUP BY v."weekStart", m."unit", m."aggregation" ORDER BY v."weekStart"`,
        [...window, ...teamParam],
      );
    await rollup();
    await raw();
    rollupMs += await medianMs(repeats, rollup);
    rawMs += await medianMs(repeats, raw);
  }
  return { panels: metricIds.length, rollupMs: Math.round(rollupMs * 100) / 100, rawMs: Math.round(rawMs * 100) / 100 };
}
