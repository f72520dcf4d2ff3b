import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** Every stored headcount value (team, week, value): the people of teams without a roster. */
export async function headcountValues(tx: Tx = client): Promise<{ teamId: string; weekStart: Date; value: number }[]> {
  return tx.metricValue.findMany({ where: { metric: { key: "headcount" } }, select: { teamId: true, weekStart: true, value: true } });
}
