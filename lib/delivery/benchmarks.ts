/**
 * DORA's published performance clusters, shown beside our numbers as a reference with their year
 * and source — never as a verdict on a team.
 */
import type { FrequencyTier } from "./frequency";

export type DoraCluster = "elite" | "high" | "medium" | "low";

export interface DoraClusterProfile {
  cluster: DoraCluster;
  label: string;
  deploymentFrequency: string;
  changeLeadTime: string;
  changeFailureRate: string;
  failedDeploymentRecoveryTime: string;
  /** Share of survey respondents in the cluster, where the report gives it. */
  shareOfRespondents: number | null;
}

export interface DoraBenchmarks {
  year: number;
  source: string;
  clusters: DoraClusterProfile[];
}

export const DORA_TIERS_NOTE =
  "The DORA 2025 report replaced these performance tiers with seven team profiles; the tiers below are the 2023 and 2024 clusters, kept as a reference.";

export const DORA_2024: DoraBenchmarks = {
  year: 2024,
  source: "DORA, Accelerate State of DevOps Report 2024, p. 13 (dora.dev)",
  clusters: [
    { cluster: "elite", label: "Elite", deploymentFrequency: "On demand", changeLeadTime: "Less than one day", changeFailureRate: "5%", failedDeploymentRecoveryTime: "Less than one hour", shareOfRespondents: 0.19 },
    { cluster: "high", label: "High", deploymentFrequency: "Between once per day and once per week", changeLeadTime: "Between one day and one week", changeFailureRate: "20%", failedDeploymentRecoveryTime: "Less than one day", shareOfRespondents: 0.22 },
    { cluster: "medium", label: "Medium", deploymentFrequency: "Between once per week and once per month", changeLeadTime: "Between one week and one month", changeFailureRate: "10%", failedDeploymentRecoveryTime: "Less than one day", shareOfRespondents: 0.35 },
    { cluster: "low", label: "Low", deploymentFrequency: "Between once per month and once every six months", changeLeadTime: "Between one month and six months", changeFailureRate: "40%", failedDeploymentRecoveryTime: "Between one week and one month", shareOfRespondents: 0.25 },
  ],
};

export const DORA_2023: DoraBenchmarks = {
  year: 2023,
  source: "DORA, Accelerate State of DevOps Report 2023 (dora.dev)",
  clusters: [
    { cluster: "elite", label: "Elite", deploymentFrequency: "On demand", changeLeadTime: "Less than one day", changeFailureRate: "5%", failedDeploymentRecoveryTime: "Less than one hour", shareOfRespondents: null },
    { cluster: "high", label: "High", deploymentFrequency: "Between once per day and once per week", changeLeadTime: "Between one day and one week", changeFailureRate: "10%", failedDeploymentRecoveryTime: "Less than one day", shareOfRespondents: null },
    { cluster: "medium", label: "Medium", deploymentFrequency: "Between once per week and once per month", changeLeadTime: "Between one week and one month", changeFailureRate: "15%", failedDeploymentRecoveryTime: "Between one day and one week", shareOfRespondents: null },
    { cluster: "low", label: "Low", deploymentFrequency: "Between once per week and once per month", changeLeadTime: "Between one week and one month", changeFailureRate: "64%", failedDeploymentRecoveryTime: "Between one month and six months", shareOfRespondents: null },
  ],
};

const HOUR = 60;
const DAY = 24 * HOUR;

interface Range {
  cluster: DoraCluster;
  /** Inclusive lower bound, minutes. */
  from: number;
  /** Exclusive upper bound, minutes. */
  to: number;
}

/** Clusters in order best-first, so a value in two overlapping ranges gets the better one. */
const LEAD_TIME_2024: Range[] = [
  { cluster: "elite", from: 0, to: DAY },
  { cluster: "high", from: DAY, to: 7 * DAY },
  { cluster: "medium", from: 7 * DAY, to: 30 * DAY },
  { cluster: "low", from: 30 * DAY, to: 182 * DAY },
];

/** High and Medium both publish "less than one day"; a value there is reported as High. */
const RECOVERY_2024: Range[] = [
  { cluster: "elite", from: 0, to: HOUR },
  { cluster: "high", from: HOUR, to: DAY },
  { cluster: "medium", from: HOUR, to: DAY },
  { cluster: "low", from: 7 * DAY, to: 30 * DAY },
];

function inRanges(ranges: readonly Range[], minutes: number | null): DoraCluster | null {
  if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return null;
  return ranges.find((r) => minutes >= r.from && minutes < r.to)?.cluster ?? null;
}

/** 2024 cluster whose lead-time range holds `minutes`; null beyond six months (outside every cluster). */
export function leadTimeBand2024(minutes: number | null): DoraCluster | null {
  return inRanges(LEAD_TIME_2024, minutes);
}

/** 2024 cluster whose recovery range holds `minutes`; null between one day and one week, or beyond a month, where no cluster sits. */
export function recoveryBand2024(minutes: number | null): DoraCluster | null {
  return inRanges(RECOVERY_2024, minutes);
}

const CFR_2024: { cluster: DoraCluster; rate: number }[] = [
  { cluster: "elite", rate: 0.05 },
  { cluster: "high", rate: 0.2 },
  { cluster: "medium", rate: 0.1 },
  { cluster: "low", rate: 0.4 },
];

/**
 * The 2024 report gives one typical change failure rate per cluster (not a range, and not
 * monotonic: Medium's 10% is below High's 20%), so the band is the cluster with the nearest
 * published rate; ties go to the better cluster. `rate` is a fraction (0.1 = 10%).
 */
export function changeFailureRateBand2024(rate: number | null): DoraCluster | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  let best = CFR_2024[0];
  for (const c of CFR_2024) if (Math.abs(rate - c.rate) < Math.abs(rate - best.rate)) best = c;
  return best.cluster;
}

const FREQUENCY_2024: Record<FrequencyTier, DoraCluster> = {
  "on-demand": "elite",
  "daily-weekly": "high",
  "weekly-monthly": "medium",
  "monthly-or-less": "low",
};

export function frequencyBand2024(tier: FrequencyTier): DoraCluster {
  return FREQUENCY_2024[tier];
}
