import "server-only";
import { ancestorChains } from "@/lib/server/data/org";
import { openSql, type SqlRunner } from "@/lib/server/data/runner";
import {
  analyzeRollups,
  listGroupTree,
  listMetricIds,
  listTeamGroups,
  rewriteRollups,
  type RollupFilter,
  type RollupMapping,
} from "@/lib/server/data/rollups";

export type { RollupFilter };
/** How teams combine into a group value; its home is lib/server/data/rollups.ts (re-exported for the benchmark's floor). */

/**
 * Pre-aggregated weekly values per group (with its sub-groups) and for the whole organisation, so org and
 * group dashboards read a few thousand rows instead of scanning every team's values. Rewritten for the
 * (metric, week) pairs a write touches, inside the writer's transaction when it passes its runner.
 * How teams combine is the SQL of lib/server/data/rollups.ts (COMBINE_SQL).
 */

/**
 * (team, scope) pairs: every team belongs to the org and to each of its group's ancestors. Read on the runner,
 * so inside a writer's transaction it sees that transaction (and, on the embedded database, needs no second
 * connection).
 */
async function teamScopeMapping(runner: SqlRunner): Promise<RollupMapping> {
  const teams = await listTeamGroups(runner);
  const chains = ancestorChains(await listGroupTree(runner));
  const mapping: RollupMapping = { teamIds: [], scopeIds: [], scopeTypes: [] };
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

/** Metrics rewritten per statement: each statement's sort (values × scopes) then stays within `work_mem`. */
const METRICS_PER_STATEMENT = 4;

async function refreshInChunks(runner: SqlRunner, filter: RollupFilter): Promise<void> {
  const mapping = await teamScopeMapping(runner);
  const metricIds = filter.metricIds ?? (await listMetricIds(runner));
  for (let i = 0; i < metricIds.length; i += METRICS_PER_STATEMENT) {
    await rewriteRollups(runner, mapping, { ...filter, metricIds: metricIds.slice(i, i + METRICS_PER_STATEMENT) });
  }
}

/**
 * Rewrites the roll-ups for the given metrics/weeks (all when no filter). Pass the `runner` of a transaction to
 * rewrite them in it (they then commit with what the transaction wrote, or not at all); without one the refresh
 * is a transaction of its own.
 */
export async function refreshRollups(filter: RollupFilter = {}, runner?: SqlRunner): Promise<void> {
  if (runner) return refreshInChunks(runner, filter);
  const r = await openSql();
  await r.transaction((tx) => refreshInChunks(tx, filter));
}

/** After the group tree or team membership of groups changes, every roll-up is stale. */
export async function refreshAllRollups(): Promise<void> {
  await refreshRollups({});
  await analyzeRollups(await openSql());
}
