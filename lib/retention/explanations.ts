/**
 * "How is this computed" texts for retention and development metrics, shown beside each
 * number in the UI and the API. Keyed like the metric catalog (lib/metrics/catalog.ts)
 * where the metric is in it. Wording follows the metric spec §4 and the day convention in
 * roster.ts.
 */

export type RetentionMetricKey =
  | "headcount"
  | "average_headcount"
  | "hires"
  | "turnover_rate"
  | "voluntary_attrition"
  | "involuntary_attrition"
  | "regretted_attrition"
  | "annualised_turnover"
  | "retention_rate"
  | "median_tenure"
  | "tenure_at_exit"
  | "promotion_rate"
  | "time_in_level"
  | "internal_mobility"
  | "acquisition_cohort"
  | "small_groups";

export const RETENTION_EXPLANATIONS: Readonly<Record<RetentionMetricKey, string>> = {
  headcount:
    "People employed at the close of the day. The exit date is a person's last day, so someone whose last day it is has left by the close and is not counted.",
  average_headcount:
    "Mean of the headcount at the end of each week (Sunday) in the period, as SHRM recommends several snapshots over start-plus-end halved.",
  hires: "Employment spans starting in the period (a rehire counts again).",
  turnover_rate:
    "Separations in the period ÷ average headcount × 100. Moving between teams is internal mobility, not a separation, for the organisation and for the team.",
  voluntary_attrition: "Voluntary separations ÷ average headcount × 100 (same denominator as turnover).",
  involuntary_attrition: "Involuntary separations ÷ average headcount × 100 (same denominator as turnover).",
  regretted_attrition: "Separations marked regretted ÷ average headcount × 100 (same denominator as turnover).",
  annualised_turnover:
    "For 12 months or more: the sum of the monthly turnover rates of the last 12 months. For a shorter span: the span's turnover rate × 12 ÷ its number of months.",
  retention_rate:
    "People employed at the start of the period and still employed at its end (without having left in between) ÷ headcount at the start × 100. Hires during the period are not counted; people who moved team are retained.",
  median_tenure:
    "Days from the hire date of the current employment (a rehire starts again) to the as-of date; median over current staff. Buckets count anniversaries passed: under 1, 1–2, 2–4 and 4 or more years.",
  tenure_at_exit: "Days from hire date to exit date for people who left during the period; median over leavers.",
  promotion_rate: "Promotions of people in the group during the period ÷ average headcount × 100.",
  time_in_level:
    "Days since each current employee's latest promotion (or since their hire date if not promoted since); median over current staff.",
  internal_mobility: "Team moves made by people in the group during the period ÷ average headcount × 100.",
  acquisition_cohort:
    "Of the people in the acquired teams on the acquisition date, the share still employed 6, 12, 18 and 24 months later.",
  small_groups:
    "Any people metric about fewer than 5 people is not shown. A result is also withheld when comparing it with another shown result would reveal a smaller group.",
};
