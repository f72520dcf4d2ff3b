import type { DeliveryWeek } from "@/lib/delivery/weekly";
import { weekStartOf } from "@/lib/domain/time";
import type { FlowWeek } from "@/lib/flow/weekly";

/**
 * Turns the pure weekly results into metric values as the catalog defines them (lib/metrics/catalog.ts):
 * counts as counts, durations in minutes (delivery) or days (flow), percentages × 100 with the raw
 * numerator and denominator kept so roll-ups recompute ratios instead of averaging them. A week whose
 * value is empty (no deployments, no finished items) gets no row for that metric.
 */
export interface WeeklyValue {
  key: string;
  week: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export const DELIVERY_KEYS = [
  "deployments", "deploy_days", "lead_time", "change_failure_rate", "recovery_time", "time_to_restore", "rework_rate", "incidents",
] as const;
export const AI_SHARE_KEY = "ai_pr_share";
export const FLOW_KEYS = ["flow_velocity", "flow_time", "flow_efficiency", "flow_load", "alloc_new_capability", "alloc_ktlo", "alloc_debt"] as const;

const plain = (key: string, week: string, value: number): WeeklyValue => ({ key, week, value, numerator: null, denominator: null });

function percent(key: string, week: string, numerator: number, denominator: number): WeeklyValue[] {
  if (denominator <= 0) return [];
  return [{ key, week, value: (numerator / denominator) * 100, numerator, denominator }];
}

export function deliveryWeekValues(w: DeliveryWeek): WeeklyValue[] {
  const out: WeeklyValue[] = [
    plain("deployments", w.weekStart, w.deploymentCount),
    plain("deploy_days", w.weekStart, w.deployDays),
    plain("incidents", w.weekStart, w.incidentsOpened),
    ...percent("change_failure_rate", w.weekStart, w.failedDeployments, w.productionDeployments),
    ...percent("rework_rate", w.weekStart, w.reworkDeployments, w.productionDeployments),
  ];
  if (w.leadTimeMedian !== null) out.push(plain("lead_time", w.weekStart, w.leadTimeMedian));
  if (w.recoveryMedian !== null) out.push(plain("recovery_time", w.weekStart, w.recoveryMedian));
  if (w.restoreMedian !== null) out.push(plain("time_to_restore", w.weekStart, w.restoreMedian));
  return out;
}

export function flowWeekValues(w: FlowWeek): WeeklyValue[] {
  const out: WeeklyValue[] = [plain("flow_velocity", w.weekStart, w.velocity), plain("flow_load", w.weekStart, w.load)];
  if (w.flowTimeMedianDays !== null) out.push(plain("flow_time", w.weekStart, w.flowTimeMedianDays));
  if (w.flowDays > 0) out.push(...percent("flow_efficiency", w.weekStart, w.activeDays, w.flowDays));
  const t = w.velocityByType;
  out.push(
    ...percent("alloc_new_capability", w.weekStart, t.feature, w.velocity),
    ...percent("alloc_ktlo", w.weekStart, t.defect + t.risk, w.velocity),
    ...percent("alloc_debt", w.weekStart, t.debt, w.velocity),
  );
  return out;
}

/**
 * AI-assisted share of merged pull requests per week of merge, for the wanted weeks. Only when the
 * team's pull requests carry the label at all, in any week ("where the data exists": `labelled`, all of
 * `prs` when they are the whole history): otherwise no rows.
 */
export function aiShareValues(
  prs: readonly { mergedAt: Date | null; aiAssisted: boolean }[],
  weeks: ReadonlySet<string>,
  timeZone: string,
  labelled = prs.some((p) => p.aiAssisted),
): WeeklyValue[] {
  if (!labelled) return [];
  const counts = new Map<string, { ai: number; all: number }>();
  for (const pr of prs) {
    if (!pr.mergedAt) continue;
    const week = weekStartOf(pr.mergedAt, timeZone);
    if (!weeks.has(week)) continue;
    const c = counts.get(week) ?? { ai: 0, all: 0 };
    c.all += 1;
    if (pr.aiAssisted) c.ai += 1;
    counts.set(week, c);
  }
  return [...counts.entries()].flatMap(([week, c]) => percent(AI_SHARE_KEY, week, c.ai, c.all));
}
