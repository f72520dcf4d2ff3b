import "server-only";
import { claimScheduleSlot, deleteOldJobs, deleteScheduleRunsBefore } from "@/lib/server/data/jobs";
import { deleteWebhookDeliveriesBefore } from "@/lib/server/data/ingest/webhooks";
import { inSqlTransaction } from "@/lib/server/data/runner";
import type { Schedule } from "./schedule";

/**
 * Bookkeeping that would otherwise grow without end, pruned once an hour by whichever worker takes the hour's
 * slot (deleting twice would be harmless too):
 * - finished jobs are kept for people to read (Administration → Background jobs) and then go: done ones after
 *   30 days, failed ones after 90; each kind's latest done job stays, as it says when its figures were last
 *   computed;
 * - webhook delivery ids, kept to answer a provider's redelivery as a repeat, go after 30 days (providers
 *   redeliver within days; a later one would only write the same events again, which ingestion makes harmless);
 * - the schedules' slots (one per hour for the alerts check) go after 7 days: only the current one is claimed.
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
    await inSqlTransaction(async (tx) => {
      if (!(await claimScheduleSlot(tx, "upkeep", now.toISOString().slice(0, 13)))) return;
      await deleteOldJobs(tx, { doneBefore: before(KEEP_DONE_DAYS), failedBefore: before(KEEP_FAILED_DAYS) });
      await deleteWebhookDeliveriesBefore(tx, before(KEEP_WEBHOOK_DELIVERIES_DAYS));
      await deleteScheduleRunsBefore(tx, before(KEEP_SCHEDULE_SLOTS_DAYS));
    });
    return 0;
  },
};
