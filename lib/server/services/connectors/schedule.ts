import "server-only";
import { lockDueConnectors, setNextSync } from "@/lib/server/data/connectors";
import { openSql } from "@/lib/server/data/runner";
import { afterCommit, enqueueJob } from "@/lib/server/jobs/queue";
import type { Schedule } from "@/lib/server/jobs/schedule";

/**
 * Incremental syncs on each connector's interval: a due connector gets a sync job (joining one already queued)
 * and its next time, in one transaction, so several workers enqueue it once.
 */
export const connectorSchedule: Schedule = {
  name: "connector syncs",
  async enqueueDue(now) {
    const runner = await openSql();
    const enqueued = await runner.transaction(async (tx) => {
      const due = await lockDueConnectors(tx, now);
      for (const c of due) {
        await enqueueJob(tx, "connector.sync", { connectorId: c.id, since: null }, now);
        await setNextSync(tx, c.id, new Date(now.getTime() + c.intervalMinutes * 60_000));
      }
      return due.length;
    });
    if (enqueued > 0) afterCommit();
    return enqueued;
  },
};
