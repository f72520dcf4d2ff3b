/**
 * Every weekly value of the demo that is not computed from events (delivery, flow and allocation come
 * from the demo's deployment, pull-request, incident and work-item history: prisma/seed/delivery.ts; engagement values are the
 * published results of the demo's survey runs: `generateEngagementAnswers`, prisma/seed/surveys.ts). Each generator draws from
 * its own seeded stream per team, so the output depends only on the seed and the window.
 */
import { TEAMS } from "../org-plan";
import type { DemoRoster } from "../people";
import { streamFor } from "../prng";
import type { DemoWindow } from "../window";
import { engagementAnswers, type EngagementAnswers } from "./engagement";
import { manualQualityValues, monthlyDevelopmentValues } from "./manual";
import { retentionValues } from "./retention";
import type { SeedValue } from "./sink";
import { skillsValues } from "./skills";
import { teamContext } from "./team-context";

/** How many teams have not yet entered the current week's manual values. */
const LATE_TEAMS = 4;

export function generateValues(seed: number, window: DemoWindow, roster: DemoRoster): SeedValue[] {
  const late = new Set(streamFor(seed, "late-entries").shuffle(TEAMS.map((t) => t.slug)).slice(0, LATE_TEAMS));
  const rows: SeedValue[] = [];
  for (const plan of TEAMS) {
    const ctx = teamContext(seed, window, plan, roster, late.has(plan.slug));
    for (const sink of [
      manualQualityValues(ctx),
      retentionValues(ctx, roster),
      monthlyDevelopmentValues(ctx, roster.openings),
      skillsValues(ctx),
    ]) {
      rows.push(...sink.rows);
    }
  }
  return rows;
}

/** Each team's monthly engagement survey answers (team slug → months), stored as survey runs by the seed. */
export function generateEngagementAnswers(seed: number, window: DemoWindow, roster: DemoRoster): Map<string, EngagementAnswers[]> {
  return new Map(TEAMS.map((plan) => [plan.slug, engagementAnswers(teamContext(seed, window, plan, roster, false))]));
}
