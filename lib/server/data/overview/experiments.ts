import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** Experiments that started or ended between two days (inclusive), latest start first, with their teams' names. */
export async function listExperimentsStartedOrEndedBetween(from: Date, to: Date, tx: Tx = client) {
  const range = { gte: from, lte: to };
  return tx.experiment.findMany({
    where: { OR: [{ startDate: range }, { endDate: range }] },
    select: { id: true, title: true, owner: true, startDate: true, endDate: true, teams: { select: { team: { select: { name: true } } } } },
    orderBy: { startDate: "desc" },
  });
}
