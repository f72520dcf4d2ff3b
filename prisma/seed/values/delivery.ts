/**
 * DORA keys per team per week. Deployments grow by half over the two years and dip over the
 * holidays; lead time and recovery improve; failures come as a share of deployments, with the
 * incident-heavy quarter pushing change failure, recovery time and incidents up for the teams
 * it hit. Counts are drawn first and every ratio, median and duration follows from them, so a
 * week without deployments has no lead time or change failure rate, as the real computation.
 */
import type { Rng } from "../prng";
import { clamp, elapsedShare, incidentIntensity, progress, seasonality } from "./curves";
import { ValueSink } from "./sink";
import type { TeamContext } from "./team-context";

/** Distinct weekdays hit when `deployments` land at random on the `days` working days available. */
function deployDays(rng: Rng, deployments: number, days: number): number {
  const hit = new Set<number>();
  for (let i = 0; i < deployments; i++) hit.add(rng.int(1, days));
  return hit.size;
}

const lognormal = (rng: Rng, sd: number) => Math.exp(rng.normal(0, sd));

export function deliveryValues(ctx: TeamContext): ValueSink {
  const sink = new ValueSink(ctx.plan.slug);
  const rng = ctx.stream("delivery");
  const { traits, window } = ctx;
  for (const week of ctx.weeks) {
    const t = progress(window, week);
    const season = seasonality(week);
    const incident = ctx.plan.incidentQuarter ? incidentIntensity(window, week) : 0;
    const share = elapsedShare(window, week);
    const workdays = Math.min(5, Math.ceil(share * 7));

    const deployments = rng.poisson(ctx.plan.deployRate * (1 + 0.5 * t) * season * share * (1 - 0.15 * incident));
    const failureShare = clamp(traits.changeFailure * (1 - 0.35 * t) + 0.2 * incident, 0.01, 0.5);
    const failed = rng.binomial(deployments, failureShare);
    const rework = Math.min(deployments, rng.binomial(failed, 0.7) + rng.binomial(deployments - failed, 0.015));
    const incidents = rng.binomial(failed, 0.55) + rng.poisson((0.15 + 0.8 * incident) * share);

    sink.plain("deployments", week, deployments);
    sink.plain("deploy_days", week, deployDays(rng, deployments, workdays));
    sink.plain("incidents", week, incidents);
    sink.ratio("change_failure_rate", week, failed, deployments);
    sink.ratio("rework_rate", week, rework, deployments);
    if (deployments > 0) {
      // Quiet holiday weeks hold changes back, so lead time stretches as activity drops.
      const lead = traits.leadTimeMinutes * (1 - 0.55 * t) * (1 + 0.25 * incident) * (2 - season) * lognormal(rng, 0.25);
      sink.plain("lead_time", week, Math.ceil(lead));
    }
    if (failed > 0) {
      const recovery = traits.recoveryMinutes * (1 - 0.3 * t) * (1 + 1.8 * incident) * lognormal(rng, 0.35);
      sink.plain("recovery_time", week, Math.ceil(recovery));
    }
    if (incidents > 0) {
      const restore = traits.restoreMinutes * (1 - 0.25 * t) * (1 + 1.5 * incident) * lognormal(rng, 0.4);
      sink.plain("time_to_restore", week, Math.ceil(restore));
    }
  }
  return sink;
}
