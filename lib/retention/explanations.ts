/**
 * "How is this computed" texts for retention and development metrics, shown beside each
 * number in the UI and the API. Wording follows the metric spec §4 and the conventions in
 * roster.ts.
 */

export type RetentionMetricKey =
  | "headcount"
  | "averageHeadcount"
  | "turnover"
  | "voluntaryTurnover"
  | "involuntaryTurnover"
  | "regrettedAttrition"
  | "annualisedTurnover"
  | "retention"
  | "tenure"
  | "tenureAtExit"
  | "promotionRate"
  | "timeInLevel"
  | "internalMobility"
  | "acquisitionCohort"
  | "smallGroups";

export const RETENTION_EXPLANATIONS: Readonly<Record<RetentionMetricKey, string>> = {
  headcount:
    "People employed at the close of the day. The exit date is a person's last day, so someone leaving today is no longer counted tonight.",
  averageHeadcount:
    "Mean of the headcount at the end of each week (Sunday) in the period, as SHRM recommends several snapshots over start-plus-end halved.",
  turnover:
    "Separations in the period ÷ average headcount × 100. Moving between teams is internal mobility, not a separation, for the organisation and for the team.",
  voluntaryTurnover: "Voluntary separations ÷ average headcount × 100 (same denominator as turnover).",
  involuntaryTurnover: "Involuntary separations ÷ average headcount × 100 (same denominator as turnover).",
  regrettedAttrition: "Separations marked regretted ÷ average headcount × 100 (same denominator as turnover).",
  annualisedTurnover:
    "For 12 months or more: the sum of the monthly turnover rates of the last 12 months. For a shorter span: the span's turnover rate × 12 ÷ its number of months.",
  retention:
    "People employed at the start of the period and still employed at its end (without having left in between) ÷ headcount at the start × 100. Hires during the period are not counted; people who moved team are retained.",
  tenure:
    "Time from the hire date of the current employment to the as-of date; the median is in years. Buckets count anniversaries passed: under 1, 1–2, 2–4 and 4 or more years.",
  tenureAtExit: "Time from hire date to exit date for people who left during the period; median in years.",
  promotionRate: "Promotions of people in the group during the period ÷ average headcount × 100.",
  timeInLevel:
    "Median time since each current employee's latest promotion (or since their hire date if not promoted since), in years.",
  internalMobility: "Team moves made by people in the group during the period ÷ average headcount × 100.",
  acquisitionCohort:
    "Of the people in the acquired teams on the acquisition date, the share still employed 6, 12, 18 and 24 months later.",
  smallGroups:
    "Any people metric about fewer than 5 people is not shown. A result is also withheld when comparing it with another shown result would reveal a smaller group.",
};
