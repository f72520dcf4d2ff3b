/**
 * The quality numbers managers enter or import each week (SLO attainment, test automation,
 * CI success, escaped defects, on-call pages), and the once-a-month development numbers. Like
 * real manual data they have gaps: an occasional forgotten week, and some teams have not yet
 * entered the current week.
 */
import { daysBetween } from "@/lib/domain/time";
import type { Opening } from "../people";
import { clamp, incidentIntensity, progress, reorgShock, roundTo } from "./curves";
import { ValueSink } from "./sink";
import { headcountIn, type TeamContext } from "./team-context";

/** Chance a manager skips a past week's entry. */
const FORGOTTEN_WEEK = 0.015;

function entered(ctx: TeamContext, week: string): boolean {
  return !(week === ctx.window.currentWeek && ctx.currentWeekEntryMissing);
}

export function manualQualityValues(ctx: TeamContext): ValueSink {
  const sink = new ValueSink(ctx.plan.slug);
  const rng = ctx.stream("manual-quality");
  const { traits, window } = ctx;
  for (const week of ctx.weeks) {
    const forgotten = rng.chance(FORGOTTEN_WEEK);
    const t = progress(window, week);
    const incident = ctx.plan.incidentQuarter ? incidentIntensity(window, week) : 0;
    const slo = clamp(99.4 + 0.3 * t - 3.2 * incident + rng.normal(0, 0.35), 88, 100);
    const tests = clamp(traits.testAutomation + 24 * t + rng.normal(0, 1.2), 0, 100);
    const ci = clamp(traits.ciSuccess + 4 * t - 4 * incident + rng.normal(0, 2), 55, 100);
    const defects = rng.poisson(traits.escapedDefects * (1 - 0.3 * t) * (1 + incident));
    const pages = rng.poisson(traits.oncallPages * (1 + 2.2 * incident));
    if (forgotten || !entered(ctx, week)) continue;
    sink.plain("slo_attainment", week, roundTo(slo, 2));
    sink.plain("test_automation", week, roundTo(tests, 1));
    sink.plain("ci_success_rate", week, roundTo(ci, 1));
    sink.plain("escaped_defects", week, defects);
    sink.plain("oncall_pages", week, pages);
  }
  return sink;
}

/** Roles open at the close of `day`. */
function openRolesOn(openings: readonly Opening[], team: string, day: string): number {
  return openings.filter((o) => o.team === team && o.openedOn <= day && (o.filledOn === null || o.filledOn > day)).length;
}

/** Mean days from opening to accepted offer, over offers accepted in the 90 days to `day`. */
function timeToFill(openings: readonly Opening[], team: string, day: string): number | null {
  const spans = openings
    .filter((o) => o.team === team && o.acceptedOn !== null && o.acceptedOn <= day && daysBetween(o.acceptedOn, day) < 90)
    .map((o) => daysBetween(o.openedOn, o.acceptedOn as string));
  return spans.length === 0 ? null : spans.reduce((a, b) => a + b, 0) / spans.length;
}

export function monthlyDevelopmentValues(ctx: TeamContext, openings: readonly Opening[]): ValueSink {
  const sink = new ValueSink(ctx.plan.slug);
  const rng = ctx.stream("manual-monthly");
  const { traits, window } = ctx;
  const alive = new Set(ctx.weeks);
  for (const week of window.monthAnchors.values()) {
    if (!alive.has(week)) continue;
    const t = progress(window, week);
    const shock = ctx.plan.reorgAffected ? reorgShock(window, week) : 0;
    const growth = clamp(traits.growthPlans + 28 * t - 12 * shock + rng.normal(0, 4), 0, 100);
    const oneOnOnes = clamp(traits.oneOnOnes + 9 * t - 15 * shock + rng.normal(0, 4), 0, 100);
    const coaching = Math.max(0, headcountIn(ctx, week) * rng.uniform(0.7, 1.5) * (1 + 0.3 * t));
    if (!entered(ctx, week)) continue;
    sink.plain("growth_plan_coverage", week, Math.round(growth));
    sink.plain("one_on_one_coverage", week, Math.round(oneOnOnes));
    sink.plain("coaching_hours", week, roundTo(coaching, 1));
    sink.plain("open_roles", week, openRolesOn(openings, ctx.plan.slug, week));
    const fill = timeToFill(openings, ctx.plan.slug, week);
    if (fill !== null) sink.plain("time_to_fill", week, Math.round(fill));
  }
  return sink;
}
