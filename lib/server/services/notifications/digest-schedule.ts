import "server-only";
import { latestSlot } from "@/lib/domain/weekly-slot";
import { claimDueDigests, setDigestJob } from "@/lib/server/data/notifications";
import { getOrgSettings } from "@/lib/server/data/org";
import { openSql } from "@/lib/server/data/runner";
import { afterCommit, enqueueJob } from "@/lib/server/jobs/queue";
import type { Schedule } from "@/lib/server/jobs/schedule";

/**
 * The weekly digest falls due at the org's weekday and hour in its time zone. Each tick looks at the latest
 * occurrence at or before `now`: every opted-in user without a digest for that week gets one, recorded and
 * enqueued in one transaction (the record's key makes a second worker enqueue nothing). A Monday the server
 * missed is therefore sent on the first tick after it, once; two missed weeks send only the latest.
 */
export const digestSchedule: Schedule = {
  name: "weekly digest",
  async enqueueDue(now) {
    const settings = await getOrgSettings();
    const slot = latestSlot(now, { weekday: settings.digestWeekday, hour: settings.digestHour, timeZone: settings.timeZone });
    const runner = await openSql();
    const enqueued = await runner.transaction(async (tx) => {
      const users = await claimDueDigests(tx, slot.week, slot.at);
      for (const userId of users) {
        const jobId = await enqueueJob(tx, "digest.weekly", { userId, week: slot.week, at: slot.at.toISOString() }, now);
        await setDigestJob(tx, userId, slot.week, jobId);
      }
      return users.length;
    });
    if (enqueued > 0) afterCommit();
    return enqueued;
  },
};
