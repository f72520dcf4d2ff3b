/**
 * Weekly flow values per ISO week (Monday, organisation time zone), with the sums needed to roll
 * them up: velocity adds up, efficiency is recomputed from active and flow day sums, load is the
 * value at the end of the last week.
 */
import { median, p85 } from "@/lib/domain/stats";
import { addDays, mondayOf, weeksBetween } from "@/lib/domain/time";
import { countByType } from "./distribution";
import { localTimelines, type FlowEvents, type LocalTimeline } from "./summary";
import type { FlowType } from "./types";

export interface FlowWeek {
  weekStart: string;
  velocity: number;
  velocityByType: Record<FlowType, number>;
  flowTimeMedianDays: number | null;
  flowTimeP85Days: number | null;
  flowTimeCount: number;
  activeDays: number;
  flowDays: number;
  efficiency: number | null;
  /** Items started and not finished at the end of the week's Sunday. */
  load: number;
}

export interface FlowWeeklyInput extends FlowEvents {
  fromWeek: string;
  toWeek: string;
}

/**
 * One pass over the items rather than one per week: finished items are bucketed by the week of their
 * finish (keeping input order, so sums come out exactly as `flowOfPeriod` adds them), and the load at
 * each week's end is counted with two sorted sweeps — items started by then, minus those also finished.
 */
export function computeFlowWeekly(input: FlowWeeklyInput): FlowWeek[] {
  const timelines = localTimelines(input);
  const weeks = weeksBetween(input.fromWeek, input.toWeek);
  const finishedIn = new Map<string, LocalTimeline[]>();
  const starts: string[] = [];
  const done: string[] = [];
  for (const t of timelines) {
    if (t.finishDay !== null) {
      const week = mondayOf(t.finishDay);
      const list = finishedIn.get(week);
      if (list) list.push(t);
      else finishedIn.set(week, [t]);
    }
    if (t.startDay !== null) {
      starts.push(t.startDay);
      if (t.finishDay !== null) done.push(t.finishDay > t.startDay ? t.finishDay : t.startDay);
    }
  }
  starts.sort();
  done.sort();
  let started = 0;
  let finished = 0;
  return weeks.map((weekStart) => {
    const end = addDays(weekStart, 6);
    while (started < starts.length && starts[started] <= end) started += 1;
    while (finished < done.length && done[finished] <= end) finished += 1;
    const items = finishedIn.get(weekStart) ?? [];
    const flowDays = items.map((t) => t.flowDays ?? 0);
    const activeDays = items.reduce((acc, t) => acc + (t.activeDays ?? 0), 0);
    const flowTotal = flowDays.reduce((acc, d) => acc + d, 0);
    const velocityByType = countByType(items.map((t) => t.item.type));
    return {
      weekStart,
      velocity: items.length,
      velocityByType,
      flowTimeMedianDays: median(flowDays),
      flowTimeP85Days: p85(flowDays),
      flowTimeCount: items.length,
      activeDays,
      flowDays: flowTotal,
      efficiency: flowTotal > 0 ? activeDays / flowTotal : null,
      load: started - finished,
    };
  });
}
