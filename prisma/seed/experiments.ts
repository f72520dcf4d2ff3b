/**
 * Improvement experiments the demo organisation ran, with the teams taking part. They give the
 * experiments view something to show and drive the experiments_active metric. Dates are offsets
 * in weeks from the first week of the window, so they move with it.
 */
import { addDays } from "@/lib/domain/time";
import type { DemoWindow } from "./window";

export interface ExperimentPlan {
  title: string;
  hypothesis: string;
  owner: string;
  teams: string[];
  startWeek: number;
  /** Weeks it ran; null while still running. */
  weeks: number | null;
  expectations: { metricKey: string; direction: "up" | "down" }[];
  outcome: string | null;
}

export const EXPERIMENTS: ExperimentPlan[] = [
  {
    title: "Trunk-based development pilot", owner: "Ana Ribeiro", teams: ["developer-experience", "shipper-portal"], startWeek: 8, weeks: 16,
    hypothesis: "Short-lived branches merged daily will cut change lead time without raising change failure.",
    expectations: [{ metricKey: "lead_time", direction: "down" }, { metricKey: "change_failure_rate", direction: "down" }],
    outcome: "Lead time fell by about a third in both teams; rolled out to all product teams.",
  },
  {
    title: "AI pair-programming licences", owner: "Tom Fischer", teams: ["route-planning", "analytics-ml", "mobile-apps"], startWeek: 20, weeks: 12,
    hypothesis: "Giving every engineer an AI coding assistant increases throughput and learning without hurting quality.",
    expectations: [{ metricKey: "ai_adoption", direction: "up" }, { metricKey: "flow_velocity", direction: "up" }],
    outcome: "Adoption reached 45% of seats; velocity up modestly. Licences extended to the whole organisation.",
  },
  {
    title: "Follow-the-sun on-call", owner: "Priya Nair", teams: ["site-reliability", "core-infrastructure"], startWeek: 40, weeks: 20,
    hypothesis: "Handing on-call between London and Bangalore ends out-of-hours pages for both teams.",
    expectations: [{ metricKey: "oncall_pages", direction: "down" }, { metricKey: "pulse_workload", direction: "up" }],
    outcome: "Out-of-hours pages halved for both teams; kept, with a shared runbook.",
  },
  {
    title: "Learning Fridays", owner: "Sofia Costa", teams: ["mobile-apps", "analytics-ml"], startWeek: 52, weeks: 13,
    hypothesis: "A protected half day a fortnight raises learning hours and growth scores.",
    expectations: [{ metricKey: "learning_hours", direction: "up" }, { metricKey: "pulse_growth", direction: "up" }],
    outcome: "Learning hours doubled; growth pulse up 0.3. Adopted in Lisbon.",
  },
  {
    title: "Buddy programme for acquired engineers", owner: "Jonas Weber", teams: ["fleet-tracking", "route-planning"], startWeek: 66, weeks: null,
    hypothesis: "Pairing each Telemetrix engineer with a Northwind buddy slows attrition in the acquired team.",
    expectations: [{ metricKey: "regretted_attrition", direction: "down" }, { metricKey: "pulse_belonging", direction: "up" }],
    outcome: null,
  },
  {
    title: "Incident review rotation", owner: "Priya Nair", teams: ["core-infrastructure", "route-planning", "site-reliability"], startWeek: 84, weeks: null,
    hypothesis: "Blameless reviews led by a rotating engineer lower change failure after the incident-heavy quarter.",
    expectations: [{ metricKey: "change_failure_rate", direction: "down" }, { metricKey: "psych_safety", direction: "up" }],
    outcome: null,
  },
];

export function experimentDates(window: DemoWindow, plan: ExperimentPlan): { startDate: string; endDate: string | null } {
  const startDate = addDays(window.firstWeek, plan.startWeek * 7 + 1);
  return { startDate, endDate: plan.weeks === null ? null : addDays(startDate, plan.weeks * 7 - 1) };
}
