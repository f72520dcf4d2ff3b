/**
 * The demo's monthly engagement survey, answered per respondent: seven psychological-safety answers on 1–7
 * (Edmondson's items 1, 3 and 5 reversed, as a respondent would tick them), one 0–10 recommend answer and five
 * pulse answers on 1–5. The survey closes in each month's second ISO week. Small teams sometimes fall under the
 * anonymity threshold. The reorg and the incident-heavy quarter pull the teams they touched down. These are
 * answers, not metric values: the seed stores them as survey runs and publishes them (prisma/seed/surveys.ts), so
 * every engagement number on a dashboard is a run's published result.
 */
import { addDays } from "@/lib/domain/time";
import type { Rng } from "../prng";
import { clamp, incidentIntensity, progress, reorgShock } from "./curves";
import { headcountIn, type TeamContext } from "./team-context";

/** Calm-month mean answer (1–5) per pulse item (template item id), and how much the reorg and incidents move it. */
const PULSES: { item: string; mean: number; growth: number; reorg: number; incident: number }[] = [
  { item: "autonomy", mean: 3.8, growth: 0.15, reorg: 0.4, incident: 0.2 },
  { item: "trust-leadership", mean: 3.5, growth: 0.2, reorg: 0.8, incident: 0.3 },
  { item: "workload", mean: 3.3, growth: 0.1, reorg: 0.3, incident: 0.9 },
  { item: "growth", mean: 3.4, growth: 0.35, reorg: 0.3, incident: 0.1 },
  { item: "belonging", mean: 3.9, growth: 0.1, reorg: 0.5, incident: 0.1 },
];

/** Edmondson's reverse-scored items: a respondent ticks 8 − the agreement the model draws. */
const REVERSED = new Set([1, 3, 5]);

/** One team's answers to one month's engagement survey. */
export interface EngagementAnswers {
  /** The survey week (its Monday); the run closes that Friday. */
  week: string;
  invited: number;
  /** One object per respondent: template item id → answer. */
  answers: Record<string, number>[];
}

const answer = (rng: Rng, mean: number, sd: number, lo: number, hi: number) => clamp(Math.round(rng.normal(mean, sd)), lo, hi);

/** The survey week of each month: the week after the month's anchor week. */
export function surveyWeeks(ctx: TeamContext): string[] {
  const alive = new Set(ctx.weeks);
  return [...ctx.window.monthAnchors.values()].map((w) => addDays(w, 7)).filter((w) => alive.has(w));
}

export function engagementAnswers(ctx: TeamContext): EngagementAnswers[] {
  const out: EngagementAnswers[] = [];
  const rng = ctx.stream("engagement");
  const { traits, window } = ctx;
  for (const week of surveyWeeks(ctx)) {
    const t = progress(window, week);
    const shock = ctx.plan.reorgAffected ? reorgShock(window, week) : 0;
    const incident = ctx.plan.incidentQuarter ? incidentIntensity(window, week) : 0;
    const invited = headcountIn(ctx, week);
    if (invited === 0) continue;
    const participation = clamp(traits.participation + rng.normal(0, 0.07) - 0.12 * shock, 0.4, 1);
    // Survey panels here are 4–12 people: at least four are always asked to answer, at most twelve sampled.
    const respondents = Math.min(invited, clamp(rng.binomial(invited, participation), 4, 12));
    const safetyMean = traits.psychSafety + 0.25 * t - 0.8 * shock - 0.5 * incident;
    const recommendMean = traits.enpsAnswer + 0.3 * t - 1.6 * shock - 0.9 * incident;
    const answers: Record<string, number>[] = [];
    for (let r = 0; r < respondents; r++) {
      const one: Record<string, number> = {};
      const personSafety = rng.normal(safetyMean, 0.5);
      for (let item = 1; item <= 7; item++) {
        const agreement = answer(rng, personSafety, 0.8, 1, 7);
        one[`ps${item}`] = REVERSED.has(item) ? 8 - agreement : agreement;
      }
      one.enps = answer(rng, recommendMean, 1.35, 0, 10);
      for (const p of PULSES) one[p.item] = answer(rng, p.mean + p.growth * t - p.reorg * shock - p.incident * incident, 0.85, 1, 5);
      answers.push(one);
    }
    out.push({ week, invited, answers });
  }
  return out;
}
