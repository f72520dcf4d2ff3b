/**
 * "How is this computed" texts for business alignment metrics (metric spec §6), keyed like
 * the metric catalog (lib/metrics/catalog.ts) where the metric is in it.
 */

export type AlignmentMetricKey =
  | "engineering_cost"
  | "cost_by_category"
  | "alloc_new_capability"
  | "alloc_ktlo"
  | "alloc_debt"
  | "allocation_from_managers";

export const ALIGNMENT_EXPLANATIONS: Readonly<Record<AlignmentMetricKey, string>> = {
  engineering_cost:
    "Headcount × the loaded yearly cost per person set by an admin for the team's location and sourcing model (onshore, nearshore, offshore, vendor), ÷ 52 per week.",
  cost_by_category: "Team cost × the share of effort in each investment category.",
  alloc_new_capability: "Features ÷ items finished in the period (flow distribution), or the manager-entered percentage.",
  alloc_ktlo: "(Defects + risks) ÷ items finished in the period, or the manager-entered percentage.",
  alloc_debt: "Debt items ÷ items finished in the period, or the manager-entered percentage.",
  allocation_from_managers: "Percentages entered by the team's manager for new capability, keep-the-lights-on and tech debt; they must add up to 100.",
};
