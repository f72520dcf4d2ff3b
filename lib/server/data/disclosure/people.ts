import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/**
 * Every stored headcount value (team, week, value): the people of teams without a roster. Read as a value of a
 * metric with people in it, as every disclosure reading of values is: only those rows move the disclosure version.
 */
export async function headcountValues(tx: Tx = client): Promise<{ teamId: string; weekStart: Date; value: number }[]> {
  return tx.metricValue.findMany({ where: { metric: { key: "headcount", sensitivity: { not: "NONE" } } }, select: { teamId: true, weekStart: true, value: true } });
}
