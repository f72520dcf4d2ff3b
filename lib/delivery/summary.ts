/**
 * The delivery (DORA) summary of one period. The period is a range of local days in the
 * organisation's time zone, `from` and `to` inclusive ('YYYY-MM-DD'); pass the whole event history
 * (not only the period's events), because what a deployment ships and which deployment an incident
 * links to depend on earlier deployments.
 *
 * Rates are fractions (0.4 = 40%); durations are whole minutes; medians are conventional.
 */
import { median, p85, ratio } from "@/lib/domain/stats";
import { daysBetween, localDate } from "@/lib/domain/time";
import { bucketDelivery, deliveryFacts, emptyDeliveryBucket, type DeliveryEvents } from "./aggregate";
import {
  changeFailureRateBand2024,
  frequencyBand2024,
  leadTimeBand2024,
  recoveryBand2024,
  type DoraCluster,
} from "./benchmarks";
import { deployDays, frequencyTier, type FrequencyTier } from "./frequency";
import type { IncidentEvent } from "./types";

export interface DeliveryPeriodInput extends DeliveryEvents {
  from: string;
  to: string;
  timeZone: string;
}

export interface DeliverySummary {
  deployments: { count: number };
  deploymentFrequency: {
    count: number;
    perWeek: number;
    medianDeployDaysPerWeek: number | null;
    medianDeployDaysPerMonth: number | null;
    tier: FrequencyTier;
    band: DoraCluster;
  };
  leadTime: {
    median: number | null;
    p85: number | null;
    count: number;
    coding: number | null;
    pickup: number | null;
    review: number | null;
    deploy: number | null;
    band: DoraCluster | null;
  };
  changeFailureRate: { failed: number; total: number; rate: number | null; band: DoraCluster | null };
  recoveryTime: { median: number | null; p85: number | null; count: number; band: DoraCluster | null };
  /** No 2024 band: the 2024 clusters publish failed deployment recovery time, not MTTR. */
  timeToRestore: { median: number | null; p85: number | null; count: number };
  /** No 2024 band: the spec lists no rework-rate clusters. */
  rework: { rework: number; total: number; rate: number | null };
  /** Incidents opened in the period; severity as the client sent it, "unknown" when missing. */
  incidents: { opened: number; bySeverity: Record<string, number> };
}

const PERIOD = "period";

function countBySeverity(incidents: readonly IncidentEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const i of incidents) {
    const severity = i.severity?.trim() || "unknown";
    counts[severity] = (counts[severity] ?? 0) + 1;
  }
  return counts;
}

export function computeDeliverySummary(input: DeliveryPeriodInput): DeliverySummary {
  const { from, to, timeZone } = input;
  if (to < from) throw new RangeError(`period ends before it starts: ${from}..${to}`);
  const facts = deliveryFacts(input);
  const buckets = bucketDelivery(facts, (instant) => {
    const day = localDate(instant, timeZone);
    return day >= from && day <= to ? PERIOD : null;
  });
  const b = buckets.get(PERIOD) ?? emptyDeliveryBucket();
  const count = b.successfulDeployments.length;
  const days = deployDays(b.successfulDeployments, from, to, timeZone);
  const tier = frequencyTier(days.medianPerWeek, days.medianPerMonth);
  const leadTimeMedian = median(b.leadTimes);
  const failed = b.failedDeployments;
  const total = b.productionDeployments;
  const cfr = ratio(failed, total);
  const recoveryMedian = median(b.recoveryMinutes);

  return {
    deployments: { count },
    deploymentFrequency: {
      count,
      perWeek: (count * 7) / (daysBetween(from, to) + 1),
      medianDeployDaysPerWeek: days.medianPerWeek,
      medianDeployDaysPerMonth: days.medianPerMonth,
      tier,
      band: frequencyBand2024(tier),
    },
    leadTime: {
      median: leadTimeMedian,
      p85: p85(b.leadTimes),
      count: b.leadTimes.length,
      coding: median(b.coding),
      pickup: median(b.pickup),
      review: median(b.review),
      deploy: median(b.deploy),
      band: leadTimeBand2024(leadTimeMedian),
    },
    changeFailureRate: { failed, total, rate: cfr, band: changeFailureRateBand2024(cfr) },
    recoveryTime: {
      median: recoveryMedian,
      p85: p85(b.recoveryMinutes),
      count: b.recoveryMinutes.length,
      band: recoveryBand2024(recoveryMedian),
    },
    timeToRestore: {
      median: median(b.restoreMinutes),
      p85: p85(b.restoreMinutes),
      count: b.restoreMinutes.length,
    },
    rework: { rework: b.reworkDeployments, total, rate: ratio(b.reworkDeployments, total) },
    incidents: { opened: b.incidentsOpened.length, bySeverity: countBySeverity(b.incidentsOpened) },
  };
}
