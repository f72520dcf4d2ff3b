/**
 * Flow metrics of a period: a range of local days in the organisation's time zone, `from` and `to`
 * inclusive ('YYYY-MM-DD'). An item belongs to the period its finish falls in; flow load is
 * counted at the end of the period's last day. Flow time is in days (decimal); efficiency is a
 * fraction (0.4 = 40%), the sum of active time over the sum of flow time — never a mean of ratios.
 */
import { median, p85 } from "@/lib/domain/stats";
import { localDate } from "@/lib/domain/time";
import { allocationFromFlow, type InvestmentAllocation } from "./allocation";
import { countByType, flowDistribution, type FlowDistribution } from "./distribution";
import { resolveStatusMapping, type StatusCategory } from "./status-mapping";
import { itemTimeline, type ItemTimeline } from "./timeline";
import type { FlowType, WorkItem } from "./types";

export interface FlowEvents {
  items: readonly WorkItem[];
  timeZone: string;
  /** A team's own status names laid over the defaults. */
  statusMapping?: Readonly<Record<string, StatusCategory>>;
}

export interface FlowPeriodInput extends FlowEvents {
  from: string;
  to: string;
}

export interface FlowPeriod {
  velocity: { total: number; byType: Record<FlowType, number> };
  flowTime: { medianDays: number | null; p85Days: number | null; count: number };
  efficiency: { activeDays: number; flowDays: number; rate: number | null };
  load: { total: number; byType: Record<FlowType, number> };
  distribution: FlowDistribution;
  allocation: InvestmentAllocation;
}

/** An item's timeline with its start and finish as local days, computed once per item. */
export interface LocalTimeline extends ItemTimeline {
  startDay: string | null;
  finishDay: string | null;
}

export function localTimelines(events: FlowEvents): LocalTimeline[] {
  const mapping = resolveStatusMapping(events.statusMapping);
  return events.items.map((item) => {
    const t = itemTimeline(item, mapping);
    return {
      ...t,
      startDay: t.start ? localDate(t.start, events.timeZone) : null,
      finishDay: t.finish ? localDate(t.finish, events.timeZone) : null,
    };
  });
}

export function flowOfPeriod(timelines: readonly LocalTimeline[], from: string, to: string): FlowPeriod {
  const finished = timelines.filter((t) => t.finishDay !== null && t.finishDay >= from && t.finishDay <= to);
  const flowDays = finished.map((t) => t.flowDays ?? 0);
  const activeTotal = finished.reduce((acc, t) => acc + (t.activeDays ?? 0), 0);
  const flowTotal = flowDays.reduce((acc, d) => acc + d, 0);
  const inProgress = timelines.filter((t) => t.startDay !== null && t.startDay <= to && (t.finishDay === null || t.finishDay > to));
  const byType = countByType(finished.map((t) => t.item.type));
  return {
    velocity: { total: finished.length, byType },
    flowTime: { medianDays: median(flowDays), p85Days: p85(flowDays), count: finished.length },
    // Zero flow time (nothing finished, or only instant items) leaves efficiency empty rather than 0%.
    efficiency: { activeDays: activeTotal, flowDays: flowTotal, rate: flowTotal > 0 ? activeTotal / flowTotal : null },
    load: { total: inProgress.length, byType: countByType(inProgress.map((t) => t.item.type)) },
    distribution: flowDistribution(byType),
    allocation: allocationFromFlow(byType),
  };
}

export function computeFlowSummary(input: FlowPeriodInput): FlowPeriod {
  if (input.to < input.from) throw new RangeError(`period ends before it starts: ${input.from}..${input.to}`);
  return flowOfPeriod(localTimelines(input), input.from, input.to);
}
