import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** Reads of the investment allocation (its entered shares are written by `writeEntered`, kind "allocation"). */

export async function teamBySlugOrId(team: string, tx: Tx = client) {
  return tx.team.findFirst({ where: { OR: [{ slug: team }, { id: team }] }, select: { id: true, slug: true, name: true, statusMap: true } });
}

export async function metricIdsByKeys(keys: string[], tx: Tx = client): Promise<{ id: string; key: string }[]> {
  return tx.metricDefinition.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
}

/** A team's MANUAL values of the metrics between two days, oldest first. */
export async function manualValuesBetween(teamId: string, metricIds: string[], fromDay: string, toDay: string, tx: Tx = client) {
  return tx.metricValue.findMany({
    where: { teamId, metricId: { in: metricIds }, source: "MANUAL", weekStart: { gte: new Date(fromDay), lte: new Date(toDay) } },
    select: { metricId: true, weekStart: true, value: true },
    orderBy: { weekStart: "asc" },
  });
}

/** The weeks among `weeks` where the team has a COMPUTED value of one of the metrics. */
export async function weeksWithComputedValues(teamId: string, metricIds: string[], weeks: string[], tx: Tx = client): Promise<{ weekStart: Date }[]> {
  return tx.metricValue.findMany({
    where: { teamId, metricId: { in: metricIds }, source: "COMPUTED", weekStart: { in: weeks.map((w) => new Date(w)) } },
    select: { weekStart: true },
    distinct: ["weekStart"],
  });
}
