import "server-only";
import { deleteOldJobs } from "@/lib/server/data/jobs";
import { openSql } from "@/lib/server/data/runner";
import type { Schedule } from "./schedule";

/**
 * Finished jobs are kept for people to read (Administration → Background jobs) and then go: done ones after 30
 * days, failed ones after 90; each kind's latest done job stays, as it says when its figures were last computed.
 * Hourly syncs and checks would otherwise grow the table without end. Any worker may run it; deleting twice is
 * harmless.
 */
export const KEEP_DONE_DAYS = 30;
export const KEEP_FAILED_DAYS = 90;

export const jobUpkeep: Schedule = {
  name: "old jobs",
  async enqueueDue(now) {
    const day = 86_400_000;
    await deleteOldJobs(await openSql(), {
      doneBefore: new Date(now.getTime() - KEEP_DONE_DAYS * day),
      failedBefore: new Date(now.getTime() - KEEP_FAILED_DAYS * day),
    });
    return 0;
  },
};
