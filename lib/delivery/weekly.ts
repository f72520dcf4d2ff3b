/**
 * Weekly delivery values: per ISO week (Monday, organisation time zone) the numerators,
 * denominators and sample sizes needed to store weekly metric values and roll them up later
 * (ratios as sums of numerators over sums of denominators, never averaged).
 */
import { median, p85 } from "@/lib/domain/stats";
import { localDate, weekStartOf, weeksBetween } from "@/lib/domain/time";
import { bucketDelivery, deliveryFacts, emptyDeliveryBucket, type DeliveryEvents } from "./aggregate";

export interface DeliveryWeek {
  weekStart: string;
  /** Successful production deployments. */
  deploymentCount: number;
  /** Distinct local days with a successful production deployment. */
  deployDays: number;
  leadTimeMedian: number | null;
  leadTimeP85: number | null;
  leadTimeCount: number;
  /** Change failure rate = failedDeployments ÷ productionDeployments. */
  failedDeployments: number;
  productionDeployments: number;
  recoveryMedian: number | null;
  recoveryCount: number;
  restoreMedian: number | null;
  restoreCount: number;
  /** Deployment rework rate = reworkDeployments ÷ productionDeployments. */
  reworkDeployments: number;
  incidentsOpened: number;
}

export interface DeliveryWeeklyInput extends DeliveryEvents {
  /** Monday of the first week ('YYYY-MM-DD'); any day is taken as its week. */
  fromWeek: string;
  /** Monday of the last week, inclusive. */
  toWeek: string;
  timeZone: string;
}

/** One entry per week of the range, weeks without events included with zero counts. */
export function computeDeliveryWeekly(input: DeliveryWeeklyInput): DeliveryWeek[] {
  const { timeZone } = input;
  const weeks = weeksBetween(input.fromWeek, input.toWeek);
  const wanted = new Set(weeks);
  const buckets = bucketDelivery(deliveryFacts(input), (instant) => {
    const week = weekStartOf(instant, timeZone);
    return wanted.has(week) ? week : null;
  });
  return weeks.map((weekStart) => {
    const b = buckets.get(weekStart) ?? emptyDeliveryBucket();
    return {
      weekStart,
      deploymentCount: b.successfulDeployments.length,
      deployDays: new Set(b.successfulDeployments.map((d) => localDate(d.finishedAt, timeZone))).size,
      leadTimeMedian: median(b.leadTimes),
      leadTimeP85: p85(b.leadTimes),
      leadTimeCount: b.leadTimes.length,
      failedDeployments: b.failedDeployments,
      productionDeployments: b.productionDeployments,
      recoveryMedian: median(b.recoveryMinutes),
      recoveryCount: b.recoveryMinutes.length,
      restoreMedian: median(b.restoreMinutes),
      restoreCount: b.restoreMinutes.length,
      reworkDeployments: b.reworkDeployments,
      incidentsOpened: b.incidentsOpened.length,
    };
  });
}
