import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** What the missing-data list compares: the manual weekly metrics, the active teams and their managers, the values entered. */

/** Active manual weekly metrics with the teams they apply to, in catalogue order. */
export async function listManualWeeklyMetrics(tx: Tx = client) {
  return tx.metricDefinition.findMany({
    where: { source: "MANUAL", cadence: "WEEKLY", archivedAt: null },
    select: { id: true, key: true, name: true, appliesToAll: true, teams: { select: { teamId: true } } },
    orderBy: [{ pillar: "asc" }, { sortOrder: "asc" }],
  });
}

/** Active teams by name, with their managers (name, email, whether their account is active). */
export async function listActiveTeamsWithManagers(tx: Tx = client) {
  return tx.team.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true, managers: { select: { user: { select: { name: true, email: true, active: true } } } } },
    orderBy: { name: "asc" },
  });
}

/** Which (metric, team, week) cells hold a value, for the given metrics and week starts. */
export async function listValueCells(metricIds: readonly string[], weeks: readonly Date[], tx: Tx = client) {
  return tx.metricValue.findMany({
    where: { metricId: { in: [...metricIds] }, weekStart: { in: [...weeks] } },
    select: { metricId: true, teamId: true, weekStart: true },
  });
}
