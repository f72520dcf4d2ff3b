/**
 * Weekly flow values per ISO week (Monday, organisation time zone), with the sums needed to roll
 * them up: velocity adds up, efficiency is recomputed from active and flow day sums, load is the
 * value at the end of the last week.
 */
import { addDays, weeksBetween } from "@/lib/domain/time";
import { flowOfPeriod, localTimelines, type FlowEvents } from "./summary";
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

export function computeFlowWeekly(input: FlowWeeklyInput): FlowWeek[] {
  const timelines = localTimelines(input);
  return weeksBetween(input.fromWeek, input.toWeek).map((weekStart) => {
    const p = flowOfPeriod(timelines, weekStart, addDays(weekStart, 6));
    return {
      weekStart,
      velocity: p.velocity.total,
      velocityByType: p.velocity.byType,
      flowTimeMedianDays: p.flowTime.medianDays,
      flowTimeP85Days: p.flowTime.p85Days,
      flowTimeCount: p.flowTime.count,
      activeDays: p.efficiency.activeDays,
      flowDays: p.efficiency.flowDays,
      efficiency: p.efficiency.rate,
      load: p.load.total,
    };
  });
}
