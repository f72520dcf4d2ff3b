import "server-only";
import { claimScheduleSlot, deleteOldJobs, deleteScheduleRunsBefore } from "@/lib/server/data/jobs";
import { deleteWebhookDeliveriesBefore } from "@/lib/server/data/ingest/webhooks";
import { inSqlTransaction, openSql } from "@/lib/server/data/runner";
import { readDataVersion } from "@/lib/server/data/system/data-version";
import { vacuumAndAnalyze } from "@/lib/server/data/system/maintenance";
import { isEmbedded } from "@/lib/server/env";
import type { Schedule } from "./schedule";

/**
 * Bookkeeping that would otherwise grow without end, pruned once an hour by whichever worker takes the hour's
 * slot (deleting twice would be harmless too):
 * - finished jobs are kept for people to read (Administration → Background jobs) and then go: done ones after
 *   30 days, failed ones after 90; each kind's latest done job stays, as it says when its figures were last
 *   computed;
 * - webhook delivery ids, kept to answer a provider's redelivery as a repeat, go after 30 days (providers
 *   redeliver within days; a later one would only write the same events again, which ingestion makes harmless);
 * - the schedules' slots (one per hour for the alerts check) go after 7 days: only the current one is claimed;
 * - on the embedded database, which runs no autovacuum (PGlite has no background processes), the hour's upkeep
 *   also vacuums and analyzes the database when dashboard data changed since it last did: without it every
 *   recompute's rewritten values would stay as dead row versions, and the planner's statistics would not follow
 *   the data. On the large benchmark dataset that takes 1.6 s, 5.7 s after a third of the values changed, during
 *   which requests wait (one connection); PostgreSQL's autovacuum does the same work beside them.
 */
export const KEEP_DONE_DAYS = 30;
export const KEEP_FAILED_DAYS = 90;
export const KEEP_WEBHOOK_DELIVERIES_DAYS = 30;
export const KEEP_SCHEDULE_SLOTS_DAYS = 7;

export const jobUpkeep: Schedule = {
  name: "upkeep",
  async enqueueDue(now) {
    const day = 86_400_000;
    const before = (days: number) => new Date(now.getTime() - days * day);
    const claimed = await inSqlTransaction(async (tx) => {
      if (!(await claimScheduleSlot(tx, "upkeep", now.toISOString().slice(0, 13)))) return false;
      await deleteOldJobs(tx, { doneBefore: before(KEEP_DONE_DAYS), failedBefore: before(KEEP_FAILED_DAYS) });
      await deleteWebhookDeliveriesBefore(tx, before(KEEP_WEBHOOK_DELIVERIES_DAYS));
      await deleteScheduleRunsBefore(tx, before(KEEP_SCHEDULE_SLOTS_DAYS));
      return true;
    });
    if (claimed && isEmbedded) await vacuumEmbedded();
    return 0;
  },
};

/**
 * The data version the embedded database was last vacuumed at. Kept in memory: the embedded database has one
 * process (its folder is locked), and after a restart one vacuum too many costs nothing.
 */
let vacuumedAt: string | null = null;

async function vacuumEmbedded(): Promise<void> {
  const runner = await openSql();
  const version = await readDataVersion(runner);
  if (version === vacuumedAt) return;
  await vacuumAndAnalyze(runner);
  vacuumedAt = version;
}
