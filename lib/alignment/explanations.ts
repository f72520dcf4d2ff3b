/**
 * "How is this computed" texts for business alignment metrics (metric spec §6).
 */

export type AlignmentMetricKey = "cost" | "costByCategory" | "allocationFromFlow" | "allocationFromManagers";

export const ALIGNMENT_EXPLANATIONS: Readonly<Record<AlignmentMetricKey, string>> = {
  cost: "Headcount × the loaded yearly cost per person set by an admin for each location and sourcing model (onshore, nearshore, offshore, vendor), prorated to the period by days.",
  costByCategory: "Team cost × the share of effort in each investment category.",
  allocationFromFlow:
    "Share of items finished in the period by flow type: new capability = features, keep-the-lights-on = defects + risks, tech debt = debt.",
  allocationFromManagers: "Percentages entered by the team's manager; they must add up to 100.",
};
