/**
 * The "how is this computed" text of every delivery metric, from the metric spec (section 1), keyed
 * like the metric catalog (lib/metrics/catalog.ts) plus the lead-time breakdown parts.
 */

export type DeliveryMetricKey =
  | "deployments"
  | "deploy_days"
  | "lead_time"
  | "coding_time"
  | "pickup_time"
  | "review_time"
  | "deploy_time"
  | "change_failure_rate"
  | "recovery_time"
  | "time_to_restore"
  | "rework_rate"
  | "incidents";

export const DELIVERY_EXPLANATIONS: Record<DeliveryMetricKey, string> = {
  deployments:
    "Number of successful production deployments in the period. Tier (as DevLake applies DORA 2023): median deploy-days per week ≥ 5 → on demand; ≥ 1 → daily–weekly; else median deploy-days per month ≥ 1 → weekly–monthly; else monthly or less.",
  deploy_days:
    "Distinct days (in the organisation's time zone) with at least one successful production deployment, per ISO week; weeks without deployments count as zero.",
  lead_time:
    "Per merged pull request, from its first commit to the finish of the first successful production deployment that ships its merge commit: the sum of coding time, opened → merged and deploy time (empty parts skipped). Median over changes deployed in the period. The first deployment of a service/environment ships no measurable change.",
  coding_time: "First commit authored → pull request opened, in whole minutes rounded up; median over changes deployed in the period.",
  pickup_time: "Pull request opened → first review by someone other than the author; median over changes deployed in the period.",
  review_time: "First review → merged; median over changes deployed in the period.",
  deploy_time: "Merged → finish of the successful production deployment that shipped the change; median over changes deployed in the period.",
  change_failure_rate:
    "Production deployments in the period that caused a failure ÷ production deployments in the period. A deployment caused a failure when it failed, when an incident is linked to it (the client names the deployment, or the incident links to the latest successful production deployment of its service that finished before it opened), or when the next successful deployment of its service and environment is a hotfix or rollback.",
  recovery_time:
    "Per failed deployment, from its finish to the resolution of its incident (the latest, if several), or to the next successful deployment of the same service and environment when no incident is linked. Median over failed deployments in the period (DORA since 2023).",
  time_to_restore:
    "Per incident resolved in the period, opened → resolved; median (the pre-2023 DORA MTTR, kept because it is widely asked for).",
  rework_rate:
    "Unplanned production deployments made to fix a production problem (kind hotfix or rollback) ÷ all production deployments in the period (DORA since 2024).",
  incidents: "Incidents opened in the period (org time zone), from incident tools or the API; also shown by severity.",
};
