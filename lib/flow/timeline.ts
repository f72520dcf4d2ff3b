/**
 * The flow timeline of one work item:
 * - start = the first entry into an active status;
 * - finish = the entry into done that the item never left: the first transition of the trailing run
 *   of done statuses. An item reopened after being done is unfinished again until it returns to
 *   done, and its flow time then spans the rework. An item never started (e.g. closed straight
 *   from the backlog) has neither start nor finish: it is not flow work;
 * - active time = time spent in active statuses between start and finish; waiting time = the
 *   rest of the flow time (waiting statuses, unmapped statuses and done-then-reopened spells).
 * Transitions are taken in time order; equal times keep their given order.
 */
import { categoryOf, type StatusMapping } from "./status-mapping";
import type { WorkItem } from "./types";

const DAY_MS = 86_400_000;

export interface ItemTimeline {
  item: WorkItem;
  start: Date | null;
  finish: Date | null;
  /** Flow time in days (finish − start); null while unfinished. */
  flowDays: number | null;
  activeDays: number | null;
  waitingDays: number | null;
}

export function itemTimeline(item: WorkItem, mapping: StatusMapping): ItemTimeline {
  const steps = item.transitions
    .map((t, order) => ({ at: t.at, order, category: categoryOf(t.status, mapping) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);

  const startIndex = steps.findIndex((s) => s.category === "active");
  if (startIndex < 0) return { item, start: null, finish: null, flowDays: null, activeDays: null, waitingDays: null };

  let finishIndex = steps.length;
  while (finishIndex > startIndex + 1 && steps[finishIndex - 1].category === "done") finishIndex -= 1;
  const finished = finishIndex < steps.length;
  const start = steps[startIndex].at;
  if (!finished) return { item, start, finish: null, flowDays: null, activeDays: null, waitingDays: null };

  let activeMs = 0;
  for (let i = startIndex; i < finishIndex; i++) {
    if (steps[i].category === "active") activeMs += steps[i + 1].at.getTime() - steps[i].at.getTime();
  }
  const finish = steps[finishIndex].at;
  const flowMs = finish.getTime() - start.getTime();
  return {
    item,
    start,
    finish,
    flowDays: flowMs / DAY_MS,
    activeDays: activeMs / DAY_MS,
    waitingDays: (flowMs - activeMs) / DAY_MS,
  };
}
