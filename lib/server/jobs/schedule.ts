import "server-only";
import { SCHEDULES } from "./schedules";

/**
 * Work that falls due with time rather than after a write: connector syncs on their interval, the weekly
 * digest, alerts. Every process that runs jobs (each `npm run worker`, the app server's in-process worker, the
 * embedded server) ticks once a minute. A schedule enqueues what is due and records that it did in the same
 * transaction, locking the rows it decides on (`FOR UPDATE SKIP LOCKED`), so with several workers each due
 * item is enqueued once. Schedules take `now` from the tick, so tests drive them with any instant.
 */
export interface Schedule {
  name: string;
  /** Enqueues the jobs due at `now` (or does small upkeep itself); returns how many jobs it enqueued. */
  enqueueDue(now: Date): Promise<number>;
}

/** One tick: every schedule, each failure logged without stopping the others. Returns jobs enqueued by name. */
export async function runSchedules(now: Date): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const schedule of SCHEDULES) {
    try {
      counts[schedule.name] = await schedule.enqueueDue(now);
    } catch (error) {
      console.error(`[jobs] schedule ${schedule.name} failed:`, error instanceof Error ? error.message : error);
    }
  }
  return counts;
}

export const TICK_MS = 60_000;

/** Ticks every TICK_MS (the first a tick after start); returns the stop function. */
export function startScheduler(onEnqueued: () => void): () => void {
  const timer = setInterval(() => {
    void runSchedules(new Date()).then((counts) => {
      if (Object.values(counts).some((n) => n > 0)) onEnqueued();
    });
  }, TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
