/**
 * Demo surveys: the monthly engagement survey (psychological safety, pulse and eNPS), one run a month answered
 * by the demo teams (prisma/seed/values/engagement.ts) and published as the product publishes a closed run, and
 * one open run of the short pulse (no links: an admin generates them on the run page, since links exist only
 * when generated). Every engagement value on the demo's dashboards is a run's published result, so the
 * dashboards and the survey results agree (presentation.md rule 7). Seeded, so the same every time.
 */
import "server-only";
import { addDays, mondayOf } from "@/lib/domain/time";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { publishSnapshot } from "@/lib/server/disclosure/surveys";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { composeItems } from "@/lib/engagement/compose";
import { hashToken } from "@/lib/server/services/engagement/tokens";
import { streamFor } from "./prng";
import type { EngagementAnswers } from "./values/engagement";

export interface SurveySeedContext {
  /** Team slug → id. */
  teams: Map<string, string>;
  /** The demo's local today (`YYYY-MM-DD`). */
  today: string;
  /** The instant the demo is anchored on (publishing stamps its day). */
  now: Date;
  seed: number;
  /** Team slug → its monthly engagement survey answers. */
  engagement: Map<string, EngagementAnswers[]>;
}

export interface SurveySeedSummary {
  surveys: number;
  runs: number;
  responses: number;
}

const COMMENTS = [
  "Planning meetings run long; shorter ones would help.",
  "Really value the pairing sessions this month.",
  "On-call load is getting heavy again.",
  "More clarity on priorities from leadership, please.",
  "Great onboarding for the new joiners.",
];

/** Answers are stored as a run's responses; a used invitation per response, in an order unrelated to them. */
async function storeAnswers(db: Db, runId: string, teamId: string, invited: number, answers: Record<string, number>[], comments: string[]): Promise<void> {
  await db.surveyRunTeam.create({ data: { runId, teamId, invited } });
  await db.surveyInvitation.createMany({
    data: Array.from({ length: invited }, (_, k) => ({ runId, teamId, tokenHash: hashToken(`demo:${runId}:${teamId}:${k}`), used: k < answers.length })),
  });
  if (answers.length) await db.surveyResponse.createMany({ data: answers.map((a) => ({ runId, teamId, answers: a })) });
  if (comments.length) await db.surveyComment.createMany({ data: comments.map((text) => ({ runId, teamId, itemId: "comment", text })) });
}

export async function seedSurveys(db: Db, ctx: SurveySeedContext): Promise<SurveySeedSummary> {
  let runs = 0;
  let responses = 0;

  const engagementItems = composeItems({ templates: ["psychological-safety", "pulse"], items: [], excludeItems: [] });
  const engagement = await db.survey.create({
    data: { title: "Monthly engagement survey", items: engagementItems as unknown as Prisma.InputJsonValue }, select: { id: true },
  });
  const weeks = [...new Set([...ctx.engagement.values()].flatMap((months) => months.map((m) => m.week)))].sort();
  for (const week of weeks) {
    // Open Monday to Friday of the survey week; a run still open today is not part of the history.
    const closesOn = addDays(week, 4);
    if (closesOn >= ctx.today) continue;
    const run = await db.surveyRun.create({
      data: { surveyId: engagement.id, title: `Monthly engagement survey · ${week}`, opensOn: new Date(week), closesOn: new Date(closesOn), repeat: "monthly" },
      select: { id: true },
    });
    runs += 1;
    for (const [slug, teamId] of ctx.teams) {
      const month = ctx.engagement.get(slug)?.find((m) => m.week === week);
      if (!month) continue;
      const rng = streamFor(ctx.seed, `survey-comments:${week}:${slug}`);
      const comments = month.answers.filter(() => rng.chance(0.2)).map(() => rng.pick(COMMENTS));
      await storeAnswers(db, run.id, teamId, month.invited, month.answers, comments);
      responses += month.answers.length;
    }
    // Published as a closed run is (its final snapshot): its team results become the dashboards' values.
    await publishSnapshot(SYSTEM_ACTOR, run.id, { final: true, now: ctx.now });
  }

  const pulseItems = composeItems({ templates: ["pulse"], items: [], excludeItems: [] });
  const pulse = await db.survey.create({ data: { title: "Monthly pulse", items: pulseItems as unknown as Prisma.InputJsonValue }, select: { id: true } });
  const opensOn = mondayOf(addDays(ctx.today, -2));
  const open = await db.surveyRun.create({
    data: { surveyId: pulse.id, title: `Monthly pulse · ${opensOn}`, opensOn: new Date(opensOn), closesOn: new Date(addDays(opensOn, 11)), repeat: "monthly" },
    select: { id: true },
  });
  runs += 1;
  for (const teamId of ctx.teams.values()) await db.surveyRunTeam.create({ data: { runId: open.id, teamId } });
  return { surveys: 2, runs, responses };
}
