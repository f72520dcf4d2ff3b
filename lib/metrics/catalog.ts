/**
 * The built-in metric catalog, seeded into MetricDefinition on every start (upserted by key, so a new
 * release can add metrics). Texts follow ../shared/spec/metrics.md; `howComputed` is shown beside every
 * number in the UI and returned by the API.
 *
 * Units: count, percent, minutes, days, hours, score, people, currency. A value with a numerator and a
 * denominator is displayed as numerator ÷ denominator, × 100 when the unit is percent.
 */

export type PillarKey = "QUALITY" | "ENGAGEMENT" | "RETENTION" | "SKILLS" | "ALIGNMENT";
export type AggregationKey = "SUM" | "MEAN" | "MEDIAN" | "LAST" | "RATIO" | "RATE";
export type DirectionKey = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER" | "NEUTRAL";
export type SensitivityKey = "NONE" | "PEOPLE" | "SURVEY";
export type MetricUnit = "count" | "percent" | "minutes" | "days" | "hours" | "score" | "people" | "currency";

export interface BuiltInMetric {
  key: string;
  name: string;
  pillar: PillarKey;
  unit: MetricUnit;
  direction: DirectionKey;
  aggregation: AggregationKey;
  source: "MANUAL" | "COMPUTED";
  cadence?: "WEEKLY" | "MONTHLY";
  description: string;
  howComputed: string;
  minValue?: number;
  maxValue?: number;
  integer?: boolean;
  sensitivity?: SensitivityKey;
  /**
   * Which stored field counts the people behind a survey value, for anonymity. Usually the denominator
   * (respondents); participation stores respondents ÷ invited, so its respondents are the numerator.
   */
  anonymitySample?: "numerator" | "denominator";
  /**
   * A people metric that tells how separations are classified (voluntary, involuntary, regretted): managers and
   * viewers see it only where enough people left (disclosure.md rule 5).
   */
  classifiesSeparations?: boolean;
  headline?: boolean;
  sortOrder: number;
}

export { PILLARS, ratioScale } from "./catalog-core";

const percent = { unit: "percent" as const, minValue: 0, maxValue: 100 };

export const BUILT_IN_METRICS: BuiltInMetric[] = [
  // ── Quality: DORA (computed from deployment, pull-request and incident events) ──
  {
    key: "deployments", name: "Deployments", pillar: "QUALITY", unit: "count", direction: "HIGHER_IS_BETTER",
    aggregation: "SUM", source: "COMPUTED", headline: true, sortOrder: 10, integer: true,
    description: "Successful production deployments.",
    howComputed: "Number of successful production deployments that finished in the period (org time zone).",
  },
  {
    key: "deploy_days", name: "Deploy-days per week", pillar: "QUALITY", unit: "count", direction: "HIGHER_IS_BETTER",
    aggregation: "MEAN", source: "COMPUTED", sortOrder: 11, minValue: 0, maxValue: 7,
    description: "Days in the week with at least one successful production deployment.",
    howComputed: "Distinct local days with ≥ 1 successful production deployment per ISO week; the DORA tier uses the median over weeks (≥ 5 on demand, ≥ 1 daily–weekly, else monthly deploy-days ≥ 1 weekly–monthly, else monthly or less).",
  },
  {
    key: "lead_time", name: "Change lead time", pillar: "QUALITY", unit: "minutes", direction: "LOWER_IS_BETTER",
    aggregation: "MEDIAN", source: "COMPUTED", headline: true, sortOrder: 12,
    description: "First commit to running in production, per merged pull request.",
    howComputed: "Per merged PR: first commit → finish of the first successful production deployment that ships its merge commit (coding + pickup + review + deploy, whole minutes rounded up). Median over changes deployed in the period.",
  },
  {
    key: "change_failure_rate", name: "Change failure rate", pillar: "QUALITY", ...percent, direction: "LOWER_IS_BETTER",
    aggregation: "RATIO", source: "COMPUTED", headline: true, sortOrder: 13,
    description: "Share of deployments that caused a failure in production.",
    howComputed: "Deployments in the period that caused a failure (a linked incident, marked failed or rolled back, or remediated by a hotfix) ÷ deployments in the period.",
  },
  {
    key: "recovery_time", name: "Failed deployment recovery time", pillar: "QUALITY", unit: "minutes", direction: "LOWER_IS_BETTER",
    aggregation: "MEDIAN", source: "COMPUTED", headline: true, sortOrder: 14,
    description: "How long it takes to recover from a failed deployment (DORA since 2023).",
    howComputed: "Per failed deployment: its finish → resolution of its incident, or the next successful deployment of the service when there is no incident. Median per period.",
  },
  {
    key: "time_to_restore", name: "Time to restore service", pillar: "QUALITY", unit: "minutes", direction: "LOWER_IS_BETTER",
    aggregation: "MEDIAN", source: "COMPUTED", sortOrder: 15,
    description: "Incident duration (the pre-2023 MTTR).",
    howComputed: "Per incident resolved in the period: opened → resolved. Median.",
  },
  {
    key: "rework_rate", name: "Deployment rework rate", pillar: "QUALITY", ...percent, direction: "LOWER_IS_BETTER",
    aggregation: "RATIO", source: "COMPUTED", sortOrder: 16,
    description: "Unplanned deployments made to fix production problems (DORA since 2024).",
    howComputed: "Hotfix and rollback deployments (or deployments named as an incident's remediation) ÷ all production deployments in the period.",
  },
  {
    key: "incidents", name: "Incidents", pillar: "QUALITY", unit: "count", direction: "LOWER_IS_BETTER",
    aggregation: "SUM", source: "COMPUTED", sortOrder: 17, integer: true,
    description: "Production incidents opened.",
    howComputed: "Incidents opened in the period, from incident tools or the API.",
  },
  // ── Quality: flow (computed from work items) ──
  {
    key: "flow_velocity", name: "Flow velocity", pillar: "QUALITY", unit: "count", direction: "HIGHER_IS_BETTER",
    aggregation: "SUM", source: "COMPUTED", sortOrder: 20, integer: true,
    description: "Work items finished.",
    howComputed: "Work items (features, defects, risks, debt) finished in the period.",
  },
  {
    key: "flow_time", name: "Flow time", pillar: "QUALITY", unit: "days", direction: "LOWER_IS_BETTER",
    aggregation: "MEDIAN", source: "COMPUTED", sortOrder: 21,
    description: "Start to finish of a work item, waiting included.",
    howComputed: "Per item finished in the period: first entry into an active status → finish, active and waiting time included. Median (p85 shown beside it).",
  },
  {
    key: "flow_efficiency", name: "Flow efficiency", pillar: "QUALITY", ...percent, direction: "HIGHER_IS_BETTER",
    aggregation: "RATIO", source: "COMPUTED", sortOrder: 22,
    description: "Share of flow time spent actively working.",
    howComputed: "Sum of active time ÷ sum of flow time over items finished in the period. Empty when no transitions are known.",
  },
  {
    key: "flow_load", name: "Flow load (WIP)", pillar: "QUALITY", unit: "count", direction: "LOWER_IS_BETTER",
    aggregation: "LAST", source: "COMPUTED", sortOrder: 23, integer: true,
    description: "Work in progress.",
    howComputed: "Items started and not finished at the end of the period.",
  },
  // ── Quality: entered by managers or imported ──
  {
    key: "slo_attainment", name: "SLO attainment", pillar: "QUALITY", ...percent, direction: "HIGHER_IS_BETTER",
    aggregation: "MEAN", source: "MANUAL", sortOrder: 30,
    description: "Share of service-level objectives met in the week.", howComputed: "Entered or imported per team per week; averaged over weeks and teams.",
  },
  {
    key: "test_automation", name: "Test automation coverage", pillar: "QUALITY", ...percent, direction: "HIGHER_IS_BETTER",
    aggregation: "MEAN", source: "MANUAL", sortOrder: 31,
    description: "Share of code or test cases covered by automated tests.", howComputed: "Entered or imported per team per week; averaged over weeks and teams.",
  },
  {
    key: "ci_success_rate", name: "CI success rate", pillar: "QUALITY", ...percent, direction: "HIGHER_IS_BETTER",
    aggregation: "MEAN", source: "MANUAL", sortOrder: 32,
    description: "Share of CI pipeline runs that passed.", howComputed: "Entered or imported per team per week; averaged over weeks and teams.",
  },
  {
    key: "escaped_defects", name: "Escaped defects", pillar: "QUALITY", unit: "count", direction: "LOWER_IS_BETTER",
    aggregation: "SUM", source: "MANUAL", sortOrder: 33, minValue: 0, maxValue: 10000, integer: true,
    description: "Defects found in production rather than before release.", howComputed: "Entered or imported per team per week; summed.",
  },
  {
    key: "oncall_pages", name: "On-call pages", pillar: "QUALITY", unit: "count", direction: "LOWER_IS_BETTER",
    aggregation: "SUM", source: "MANUAL", sortOrder: 34, minValue: 0, maxValue: 10000, integer: true,
    description: "Out-of-hours pages received by the team's on-call rota.", howComputed: "Entered or imported per team per week; summed.",
  },

  // ── Engagement (from surveys; withheld below the anonymity threshold) ──
  {
    key: "psych_safety", name: "Psychological safety", pillar: "ENGAGEMENT", unit: "score", direction: "HIGHER_IS_BETTER",
    aggregation: "RATIO", source: "COMPUTED", sensitivity: "SURVEY", headline: true, sortOrder: 40, minValue: 1, maxValue: 7,
    description: "Edmondson's seven-item team psychological safety scale (1–7).",
    howComputed: "Seven items on a 7-point scale; items 1, 3 and 5 reverse-scored (8 − answer). A person's score is the mean of the seven; the team's the mean of persons. Withheld below the anonymity threshold.",
  },
  {
    key: "enps", name: "eNPS", pillar: "ENGAGEMENT", unit: "score", direction: "HIGHER_IS_BETTER",
    aggregation: "RATIO", source: "COMPUTED", sensitivity: "SURVEY", headline: true, sortOrder: 41, minValue: -100, maxValue: 100,
    description: "Employee Net Promoter Score (−100 to +100).",
    howComputed: "100 × (promoters answering 9–10 − detractors answering 0–6) ÷ respondents. Withheld below the anonymity threshold.",
  },
  {
    key: "participation", name: "Survey participation", pillar: "ENGAGEMENT", ...percent, direction: "HIGHER_IS_BETTER",
    aggregation: "RATIO", source: "COMPUTED", sensitivity: "SURVEY", anonymitySample: "numerator", headline: true, sortOrder: 42,
    description: "Share of invited people who answered.",
    howComputed: "Respondents ÷ invited, per survey run.",
  },
  ...(
    [
      ["pulse_autonomy", "Autonomy"],
      ["pulse_trust", "Trust in leadership"],
      ["pulse_workload", "Workload sustainability"],
      ["pulse_growth", "Growth"],
      ["pulse_belonging", "Belonging"],
    ] as const
  ).map(([key, name], i): BuiltInMetric => ({
    key, name: `Pulse: ${name}`, pillar: "ENGAGEMENT", unit: "score", direction: "HIGHER_IS_BETTER",
    aggregation: "RATIO", source: "COMPUTED", sensitivity: "SURVEY", sortOrder: 43 + i, minValue: 1, maxValue: 5,
    description: `${name}, from the short pulse survey (1–5 agreement).`,
    howComputed: "Mean of respondents' answers on a 5-point agreement scale; % favourable is the share answering 4–5. Withheld below the anonymity threshold.",
  })),

  // ── Retention (computed from the roster; suppressed for groups under 5 people) ──
  {
    key: "headcount", name: "Headcount", pillar: "RETENTION", unit: "people", direction: "NEUTRAL",
    aggregation: "LAST", source: "COMPUTED", sensitivity: "PEOPLE", headline: true, sortOrder: 60, integer: true,
    description: "People employed at the end of the week.",
    howComputed: "People employed at the close of the period's last day: hired on or before it and not yet left (someone whose last day it was has left).",
  },
  {
    key: "hires", name: "Hires", pillar: "RETENTION", unit: "people", direction: "NEUTRAL",
    aggregation: "SUM", source: "COMPUTED", sensitivity: "PEOPLE", sortOrder: 61, integer: true,
    description: "People who joined.", howComputed: "Employment spans starting in the period (a rehire counts again).",
  },
  {
    key: "turnover_rate", name: "Turnover rate", pillar: "RETENTION", ...percent, direction: "LOWER_IS_BETTER",
    aggregation: "RATE", source: "COMPUTED", sensitivity: "PEOPLE", headline: true, sortOrder: 62,
    description: "Separations relative to average headcount (transfers are not separations).",
    howComputed: "Separations in the period ÷ average headcount × 100, the average being the mean of week-end headcounts (SHRM). Annualised as the sum of monthly rates over 12 months.",
  },
  {
    key: "regretted_attrition", name: "Regretted attrition", pillar: "RETENTION", ...percent, direction: "LOWER_IS_BETTER",
    aggregation: "RATE", source: "COMPUTED", sensitivity: "PEOPLE", classifiesSeparations: true, headline: true, sortOrder: 63,
    description: "Regretted separations relative to average headcount.",
    howComputed: "Regretted separations in the period ÷ average headcount × 100 (same denominator as turnover).",
  },
  {
    key: "voluntary_attrition", name: "Voluntary attrition", pillar: "RETENTION", ...percent, direction: "LOWER_IS_BETTER",
    aggregation: "RATE", source: "COMPUTED", sensitivity: "PEOPLE", classifiesSeparations: true, sortOrder: 64,
    description: "Voluntary separations relative to average headcount.",
    howComputed: "Voluntary separations in the period ÷ average headcount × 100.",
  },
  {
    key: "promotion_rate", name: "Promotion rate", pillar: "RETENTION", ...percent, direction: "HIGHER_IS_BETTER",
    aggregation: "RATE", source: "COMPUTED", sensitivity: "PEOPLE", sortOrder: 65,
    description: "Promotions relative to average headcount.", howComputed: "Promotions in the period ÷ average headcount × 100.",
  },
  {
    key: "internal_mobility", name: "Internal mobility", pillar: "RETENTION", ...percent, direction: "NEUTRAL",
    aggregation: "RATE", source: "COMPUTED", sensitivity: "PEOPLE", sortOrder: 66,
    description: "Team moves relative to average headcount.", howComputed: "Moves between teams in the period ÷ average headcount × 100.",
  },
  {
    key: "median_tenure", name: "Median tenure", pillar: "RETENTION", unit: "days", direction: "HIGHER_IS_BETTER",
    aggregation: "LAST", source: "COMPUTED", sensitivity: "PEOPLE", sortOrder: 67,
    description: "Median time since hire of current staff.",
    howComputed: "Median of (week end − hire date) over people employed at the week's end. Groups and the organisation show the headcount-weighted mean of their teams' medians.",
  },
  // ── Development (entered by managers per team per month) ──
  {
    key: "growth_plan_coverage", name: "Growth plan coverage", pillar: "RETENTION", ...percent, direction: "HIGHER_IS_BETTER",
    aggregation: "MEAN", source: "MANUAL", cadence: "MONTHLY", sortOrder: 70,
    description: "Share of people with a current growth plan.", howComputed: "Entered by managers per team per month.",
  },
  {
    key: "one_on_one_coverage", name: "1:1 coverage", pillar: "RETENTION", ...percent, direction: "HIGHER_IS_BETTER",
    aggregation: "MEAN", source: "MANUAL", cadence: "MONTHLY", sortOrder: 71,
    description: "Share of reports with a 1:1 in the last 14 days.", howComputed: "Entered by managers per team per month.",
  },
  {
    key: "coaching_hours", name: "Manager coaching hours", pillar: "RETENTION", unit: "hours", direction: "HIGHER_IS_BETTER",
    aggregation: "SUM", source: "MANUAL", cadence: "MONTHLY", sortOrder: 72, minValue: 0, maxValue: 1000,
    description: "Hours managers spent coaching.", howComputed: "Entered by managers per team per month; summed.",
  },
  {
    key: "open_roles", name: "Open roles", pillar: "RETENTION", unit: "count", direction: "NEUTRAL",
    aggregation: "LAST", source: "MANUAL", cadence: "MONTHLY", sortOrder: 73, minValue: 0, maxValue: 1000, integer: true,
    description: "Open engineering positions at month end.", howComputed: "Entered by managers per team per month; the latest value, summed over teams.",
  },
  {
    key: "time_to_fill", name: "Time to fill", pillar: "RETENTION", unit: "days", direction: "LOWER_IS_BETTER",
    aggregation: "MEAN", source: "MANUAL", cadence: "MONTHLY", sortOrder: 74, minValue: 0, maxValue: 730,
    description: "Days from opening a role to an accepted offer.", howComputed: "Entered by managers per team per month; averaged.",
  },

  // ── Skills & capabilities ──
  {
    key: "learning_hours", name: "Learning hours per engineer", pillar: "SKILLS", unit: "hours", direction: "HIGHER_IS_BETTER",
    aggregation: "RATE", source: "COMPUTED", headline: true, sortOrder: 80,
    description: "Learning time invested per engineer.",
    howComputed: "Learning hours recorded in the period ÷ average engineering headcount.",
  },
  {
    key: "learning_spend", name: "Learning spend per engineer", pillar: "SKILLS", unit: "currency", direction: "HIGHER_IS_BETTER",
    aggregation: "RATE", source: "COMPUTED", sortOrder: 81,
    description: "Learning budget spent per engineer.", howComputed: "Learning spend recorded in the period ÷ average engineering headcount.",
  },
  {
    key: "ai_adoption", name: "AI tool adoption", pillar: "SKILLS", ...percent, direction: "HIGHER_IS_BETTER",
    aggregation: "RATIO", source: "COMPUTED", headline: true, sortOrder: 82,
    description: "Active users of AI coding tools relative to licensed seats.",
    howComputed: "Active users of AI coding tools in the period ÷ licensed seats (from the tools' usage exports).",
  },
  {
    key: "ai_reach", name: "AI users per engineer", pillar: "SKILLS", ...percent, direction: "HIGHER_IS_BETTER",
    aggregation: "RATIO", source: "COMPUTED", sortOrder: 83,
    description: "Active AI-tool users relative to engineering headcount.",
    howComputed: "Active users of AI coding tools ÷ engineering headcount.",
  },
  {
    key: "ai_pr_share", name: "AI-assisted PR share", pillar: "SKILLS", ...percent, direction: "NEUTRAL",
    aggregation: "RATIO", source: "COMPUTED", sortOrder: 84,
    description: "Merged pull requests labelled as AI-assisted.",
    howComputed: "Merged PRs carrying the AI-assisted label ÷ merged PRs, where the data exists.",
  },
  {
    key: "skills_coverage", name: "Skills coverage", pillar: "SKILLS", ...percent, direction: "HIGHER_IS_BETTER",
    aggregation: "LAST", source: "COMPUTED", headline: true, sortOrder: 85,
    description: "Needed skills held by at least two proficient people.",
    howComputed: "Needed skills with ≥ 2 people at proficiency ≥ 3 (of 4) ÷ needed skills. Skills with fewer form the bus-factor list.",
  },
  {
    key: "experiments_active", name: "Experiments running", pillar: "SKILLS", unit: "count", direction: "HIGHER_IS_BETTER",
    aggregation: "LAST", source: "COMPUTED", sortOrder: 86, integer: true,
    description: "Experiments and interventions under way.", howComputed: "Experiments whose start ≤ week end and whose end is empty or ≥ week start.",
  },

  // ── Business alignment ──
  {
    key: "alloc_new_capability", name: "New capability share", pillar: "ALIGNMENT", ...percent, direction: "NEUTRAL",
    aggregation: "RATIO", source: "COMPUTED", headline: true, sortOrder: 90,
    description: "Share of finished work that was new features.",
    howComputed: "Features ÷ items finished (flow distribution), or the manager-entered allocation when work-item data is missing.",
  },
  {
    key: "alloc_ktlo", name: "Keep-the-lights-on share", pillar: "ALIGNMENT", ...percent, direction: "NEUTRAL",
    aggregation: "RATIO", source: "COMPUTED", headline: true, sortOrder: 91,
    description: "Share of finished work that was defects and risk.",
    howComputed: "(Defects + risks) ÷ items finished, or the manager-entered allocation.",
  },
  {
    key: "alloc_debt", name: "Tech debt share", pillar: "ALIGNMENT", ...percent, direction: "NEUTRAL",
    aggregation: "RATIO", source: "COMPUTED", headline: true, sortOrder: 92,
    description: "Share of finished work that paid down technical debt.",
    howComputed: "Debt items ÷ items finished, or the manager-entered allocation.",
  },
  {
    key: "engineering_cost", name: "Engineering cost", pillar: "ALIGNMENT", unit: "currency", direction: "NEUTRAL",
    aggregation: "SUM", source: "COMPUTED", headline: true, sortOrder: 93,
    description: "Loaded people cost of the teams.",
    howComputed: "Headcount × loaded annual cost per person for the team's location and sourcing ÷ 52, per week.",
  },
];

export const METRIC_KEYS = new Set(BUILT_IN_METRICS.map((m) => m.key));

export function builtInMetric(key: string): BuiltInMetric | undefined {
  return BUILT_IN_METRICS.find((m) => m.key === key);
}
