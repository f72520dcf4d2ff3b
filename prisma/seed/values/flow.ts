/**
 * Flow metrics and the investment mix they imply, per team per week. Velocity scales with the
 * team's headcount from the roster; the finished items are split into features, keep-the-lights-on
 * (defects and risks) and debt, with keep-the-lights-on taking a bigger share while incidents
 * are frequent. The allocation shares are those splits over the same finished items.
 */
import { clamp, elapsedShare, incidentIntensity, progress, roundTo, seasonality } from "./curves";
import { ValueSink } from "./sink";
import { headcountIn, type TeamContext } from "./team-context";

export function flowValues(ctx: TeamContext): ValueSink {
  const sink = new ValueSink(ctx.plan.slug);
  const rng = ctx.stream("flow");
  const { traits, window } = ctx;
  for (const week of ctx.weeks) {
    const t = progress(window, week);
    const incident = ctx.plan.incidentQuarter ? incidentIntensity(window, week) : 0;
    const people = headcountIn(ctx, week);
    const finished = rng.poisson(people * traits.throughputPerPerson * (1 + 0.2 * t) * seasonality(week) * elapsedShare(window, week));

    sink.plain("flow_velocity", week, finished);
    sink.plain("flow_load", week, rng.poisson(people * 1.4 * (1 + 0.3 * incident)));
    if (finished === 0) continue;

    const flowTime = traits.flowTimeDays * (1 - 0.3 * t) * (1 + 0.3 * incident) * Math.exp(rng.normal(0, 0.2));
    sink.plain("flow_time", week, roundTo(flowTime, 1));
    const efficiency = clamp(traits.flowEfficiency + 0.1 * t - 0.06 * incident + rng.normal(0, 0.03), 0.1, 0.8);
    const totalFlowDays = roundTo(finished * flowTime * 1.15, 1); // the mean sits above the median
    sink.ratio("flow_efficiency", week, roundTo(totalFlowDays * efficiency, 1), totalFlowDays);

    const featureShare = clamp(0.56 + 0.06 * t - 0.22 * incident + rng.normal(0, 0.04), 0.15, 0.85);
    const ktloShare = clamp(0.24 + 0.22 * incident + rng.normal(0, 0.03), 0.05, 0.7);
    const features = rng.binomial(finished, featureShare);
    const ktlo = rng.binomial(finished - features, clamp(ktloShare / (1 - featureShare), 0, 1));
    sink.ratio("alloc_new_capability", week, features, finished);
    sink.ratio("alloc_ktlo", week, ktlo, finished);
    sink.ratio("alloc_debt", week, finished - features - ktlo, finished);
  }
  return sink;
}
