/**
 * Monthly survey results per team. The survey closes in each month's second ISO week, so a team
 * has one engagement value a month, stored in that week. Each respondent is simulated — seven
 * psychological-safety answers on 1–7, one 0–10 recommend answer, five pulse answers on 1–5 —
 * and the stored numerators are sums over respondents (eNPS: 100 × (promoters − detractors)),
 * the denominators the respondent count. Small teams sometimes fall under the anonymity
 * threshold. The reorg and the incident-heavy quarter pull the teams they touched down.
 */
import { addDays } from "@/lib/domain/time";
import type { Rng } from "../prng";
import { clamp, incidentIntensity, progress, reorgShock } from "./curves";
import { ValueSink } from "./sink";
import { headcountIn, type TeamContext } from "./team-context";

type PulseKey = "pulse_autonomy" | "pulse_trust" | "pulse_workload" | "pulse_growth" | "pulse_belonging";

/** Calm-month mean answer (1–5) per pulse item, and how much the reorg and incidents move it. */
const PULSES: { key: PulseKey; mean: number; growth: number; reorg: number; incident: number }[] = [
  { key: "pulse_autonomy", mean: 3.8, growth: 0.15, reorg: 0.4, incident: 0.2 },
  { key: "pulse_trust", mean: 3.5, growth: 0.2, reorg: 0.8, incident: 0.3 },
  { key: "pulse_workload", mean: 3.3, growth: 0.1, reorg: 0.3, incident: 0.9 },
  { key: "pulse_growth", mean: 3.4, growth: 0.35, reorg: 0.3, incident: 0.1 },
  { key: "pulse_belonging", mean: 3.9, growth: 0.1, reorg: 0.5, incident: 0.1 },
];

const answer = (rng: Rng, mean: number, sd: number, lo: number, hi: number) => clamp(Math.round(rng.normal(mean, sd)), lo, hi);

/** The survey week of each month: the week after the month's anchor week. */
export function surveyWeeks(ctx: TeamContext): string[] {
  const alive = new Set(ctx.weeks);
  return [...ctx.window.monthAnchors.values()].map((w) => addDays(w, 7)).filter((w) => alive.has(w));
}

export function engagementValues(ctx: TeamContext): ValueSink {
  const sink = new ValueSink(ctx.plan.slug);
  const rng = ctx.stream("engagement");
  const { traits, window } = ctx;
  for (const week of surveyWeeks(ctx)) {
    const t = progress(window, week);
    const shock = ctx.plan.reorgAffected ? reorgShock(window, week) : 0;
    const incident = ctx.plan.incidentQuarter ? incidentIntensity(window, week) : 0;
    const invited = headcountIn(ctx, week);
    const participation = clamp(traits.participation + rng.normal(0, 0.07) - 0.12 * shock, 0.4, 1);
    // Survey panels here are 4–12 people: at least four are always asked to answer, at most twelve sampled.
    const respondents = Math.min(invited, clamp(rng.binomial(invited, participation), 4, 12));
    sink.ratio("participation", week, respondents, invited);
    if (respondents === 0) continue;

    const safetyMean = traits.psychSafety + 0.25 * t - 0.8 * shock - 0.5 * incident;
    const recommendMean = traits.enpsAnswer + 0.3 * t - 1.6 * shock - 0.9 * incident;
    let safetyItems = 0;
    let promoters = 0;
    let detractors = 0;
    const pulseSums = new Map<PulseKey, number>(PULSES.map((p) => [p.key, 0]));
    for (let r = 0; r < respondents; r++) {
      const personSafety = rng.normal(safetyMean, 0.5);
      for (let item = 0; item < 7; item++) safetyItems += answer(rng, personSafety, 0.8, 1, 7);
      const recommend = answer(rng, recommendMean, 1.35, 0, 10);
      if (recommend >= 9) promoters += 1;
      if (recommend <= 6) detractors += 1;
      for (const p of PULSES) {
        const mean = p.mean + p.growth * t - p.reorg * shock - p.incident * incident;
        pulseSums.set(p.key, (pulseSums.get(p.key) ?? 0) + answer(rng, mean, 0.85, 1, 5));
      }
    }
    // A person's safety score is the mean of their seven (already reverse-scored) answers.
    sink.ratio("psych_safety", week, safetyItems / 7, respondents);
    sink.ratio("enps", week, 100 * (promoters - detractors), respondents);
    for (const p of PULSES) sink.ratio(p.key, week, pulseSums.get(p.key) ?? 0, respondents);
  }
  return sink;
}
