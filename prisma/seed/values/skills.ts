/**
 * Skills, AI adoption, learning and cost per team per week. AI licences roll out over the first
 * half of the window and active use climbs from about a tenth of seats to about 60%; learning
 * follows the calendar (quiet in August and over Christmas); skills coverage moves when
 * managers refresh their skills matrix each quarter, and the reorg costs the teams it touched a
 * covered skill for a while. Cost is headcount × the loaded cost of the team's location ÷ 52.
 */
import { addDays } from "@/lib/domain/time";
import { annualCostFor } from "../org-plan";
import { experimentDates, EXPERIMENTS } from "../experiments";
import { clamp, elapsedShare, progress, reorgShock, roundTo, sCurve, seasonality } from "./curves";
import { ValueSink } from "./sink";
import { headcountIn, type TeamContext } from "./team-context";

export function skillsValues(ctx: TeamContext): ValueSink {
  const sink = new ValueSink(ctx.plan.slug);
  const rng = ctx.stream("skills");
  const { traits, window } = ctx;
  const annualCost = annualCostFor(ctx.plan);
  const experiments = EXPERIMENTS.filter((e) => e.teams.includes(ctx.plan.slug)).map((e) => experimentDates(window, e));
  let covered = Math.round(traits.neededSkills * clamp(0.5 + rng.normal(0, 0.08), 0.3, 0.8));

  for (const week of ctx.weeks) {
    const t = progress(window, week);
    const people = headcountIn(ctx, week);
    const share = elapsedShare(window, week);
    const season = seasonality(week);

    const hours = people * traits.learningHours * (1 + 0.35 * t) * season ** 1.5 * share * Math.exp(rng.normal(0, 0.3));
    sink.ratio("learning_hours", week, roundTo(hours, 1), people);
    const courses = rng.poisson(people * 0.05 * season * share);
    let spend = 0;
    for (let i = 0; i < courses; i++) spend += rng.uniform(150, 1400);
    if (rng.chance(0.02 * share)) spend += rng.uniform(1800, 4200); // a conference ticket and travel
    sink.ratio("learning_spend", week, Math.round(spend), people);

    const seats = Math.round(people * clamp(0.35 + 0.65 * sCurve(t, 0.3, 10), 0, 1));
    const adoption = clamp(0.1 + 0.5 * sCurve(t, 0.55, 7) + traits.aiAffinity + rng.normal(0, 0.03), 0.02, 0.95);
    const active = rng.binomial(seats, adoption);
    sink.ratio("ai_adoption", week, active, seats);
    sink.ratio("ai_reach", week, active, people);
    const mergedPrs = rng.poisson(people * 1.3 * season * share);
    sink.ratio("ai_pr_share", week, rng.binomial(mergedPrs, clamp(0.04 + 0.42 * sCurve(t, 0.6, 7), 0, 1)), mergedPrs);

    if (window.monthAnchors.get(addDays(week, 3).slice(0, 7)) === week && ["01", "04", "07", "10"].includes(addDays(week, 3).slice(5, 7))) {
      const goal = traits.neededSkills * clamp(0.5 + 0.38 * t + rng.normal(0, 0.05), 0, 1);
      covered = clamp(Math.round(goal), 1, traits.neededSkills);
    }
    const reorgLoss = ctx.plan.reorgAffected && reorgShock(window, week) > 0.2 ? 1 : 0;
    sink.ratio("skills_coverage", week, Math.max(0, covered - reorgLoss), traits.neededSkills);

    const weekEnd = addDays(week, 6);
    const running = experiments.filter((e) => e.startDate <= weekEnd && (e.endDate === null || e.endDate >= week)).length;
    sink.plain("experiments_active", week, running);
    sink.plain("engineering_cost", week, roundTo((people * annualCost) / 52, 2));
  }
  return sink;
}
