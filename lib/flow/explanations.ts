/**
 * The "how is this computed" text of every flow and allocation metric, from the metric spec
 * (sections 2 and 6), keyed like the metric catalog (lib/metrics/catalog.ts).
 */

export type FlowMetricKey =
  | "flow_velocity"
  | "flow_time"
  | "flow_efficiency"
  | "flow_load"
  | "flow_distribution"
  | "alloc_new_capability"
  | "alloc_ktlo"
  | "alloc_debt";

export const FLOW_EXPLANATIONS: Record<FlowMetricKey, string> = {
  flow_velocity:
    "Work items (feature, defect, risk, debt) finished in the period, in total and per type. An item finishes when it enters a done status it does not leave again; items never started are not counted.",
  flow_time:
    "Per item finished in the period: start (first entry into an active status) → finish, active and waiting time included, in days. Median, with p85 beside it.",
  flow_efficiency:
    "Sum of active time ÷ sum of flow time over items finished in the period (which statuses are active is configurable). Empty when no transitions are known.",
  flow_load: "Items started and not finished at the end of the period (work in progress).",
  flow_distribution: "Share of each flow type among items finished in the period; the shares sum to 100%.",
  alloc_new_capability:
    "Features ÷ items finished in the period (from flow distribution), or the percentage entered by managers (new capability + keep-the-lights-on + tech debt = 100%).",
  alloc_ktlo: "(Defects + risks) ÷ items finished in the period, or the percentage entered by managers.",
  alloc_debt: "Debt items ÷ items finished in the period, or the percentage entered by managers.",
};
