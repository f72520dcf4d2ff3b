/**
 * Demo surveys: the three templates as surveys, with past runs answered by the demo teams and one open
 * run of the monthly pulse (no links: an admin generates them on the run page, since links exist only
 * when generated). Answers are simulated per respondent with the seeded PRNG, so the data is the same
 * every time. Results are not published as metric values here: the demo's engagement series already
 * cover those weeks (prisma/seed/values/engagement.ts), and publishing would overwrite them.
 */
import "server-only";
import { addDays, mondayOf } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addMonths } from "@/lib/retention/calendar";
import type { Db } from "@/lib/server/db";
import { composeItems } from "@/lib/server/services/surveys/compose";
import { hashToken } from "@/lib/server/services/surveys/tokens";
import type { StoredItem } from "@/lib/validation/surveys";
import { streamFor, type Rng } from "./prng";

export interface SurveySeedContext {
  /** Team slug → id. */
  teams: Map<string, string>;
  /** The demo's local today (`YYYY-MM-DD`). */
  today: string;
  seed: number;
}

export interface SurveySeedSummary {
  surveys: number;
  runs: number;
  responses: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function answerFor(item: StoredItem, rng: Rng, mood: number): number | string | null {
  if (item.kind === "text" || item.kind === "singleChoice") return null;
  if (item.kind === "scale0to10") return clamp(Math.round(rng.normal(6.5 + 2 * mood, 1.8)), 0, 10);
  const max = item.kind === "likert7" ? 7 : 5;
  const centre = item.kind === "likert7" ? 5.2 + 1.2 * mood : 3.6 + 0.8 * mood;
  const v = clamp(Math.round(rng.normal(centre, 0.9)), 1, max);
  return item.kind === "likert7" && item.reverseScored ? max + 1 - v : v;
}

const COMMENTS = [
  "Planning meetings run long; shorter ones would help.",
  "Really value the pairing sessions this month.",
  "On-call load is getting heavy again.",
  "More clarity on priorities from leadership, please.",
  "Great onboarding for the new joiners.",
];

async function activeHeadcount(db: Db, teamId: string, day: string): Promise<number> {
  const d = new Date(day);
  return db.person.count({ where: { teamId, employments: { some: { hireDate: { lte: d }, OR: [{ exitDate: null }, { exitDate: { gte: d } }] } } } });
}

export async function seedSurveys(db: Db, ctx: SurveySeedContext): Promise<SurveySeedSummary> {
  const plans = [
    { title: "Monthly pulse", templates: ["pulse"] as const, repeat: "monthly", months: [3, 2, 1], open: true },
    { title: "Team psychological safety", templates: ["psychological-safety"] as const, repeat: "quarterly", months: [6, 3], open: false },
    { title: "Employee Net Promoter Score", templates: ["enps"] as const, repeat: "none", months: [2], open: false },
  ];
  let runs = 0;
  let responses = 0;
  for (const plan of plans) {
    const items = composeItems({ templates: [...plan.templates], items: [], excludeItems: [] });
    const survey = await db.survey.create({ data: { title: plan.title, items: items as unknown as Prisma.InputJsonValue }, select: { id: true } });
    const dated = plan.months.map((m) => addMonths(ctx.today, -m));
    if (plan.open) dated.push(addDays(ctx.today, -2));
    for (const [i, start] of dated.entries()) {
      const opensOn = mondayOf(start);
      const closesOn = addDays(opensOn, 11);
      const isOpen = plan.open && i === dated.length - 1;
      const run = await db.surveyRun.create({
        data: { surveyId: survey.id, title: `${plan.title} · ${opensOn}`, opensOn: new Date(opensOn), closesOn: new Date(closesOn), repeat: plan.repeat },
        select: { id: true },
      });
      runs += 1;
      for (const [slug, teamId] of ctx.teams) {
        if (isOpen) {
          await db.surveyRunTeam.create({ data: { runId: run.id, teamId } });
          continue;
        }
        const rng = streamFor(ctx.seed, `survey:${plan.title}:${opensOn}:${slug}`);
        const invited = Math.max(await activeHeadcount(db, teamId, opensOn), 3);
        const respondents = rng.binomial(invited, clamp(rng.normal(0.78, 0.1), 0.4, 1));
        const mood = rng.normal(0, 0.4);
        await db.surveyRunTeam.create({ data: { runId: run.id, teamId, invited } });
        await db.surveyInvitation.createMany({
          data: Array.from({ length: invited }, (_, k) => ({ runId: run.id, teamId, tokenHash: hashToken(`demo:${run.id}:${teamId}:${k}`), used: k < respondents })),
        });
        const rows = Array.from({ length: respondents }, () => {
          const person = mood + rng.normal(0, 0.3);
          return Object.fromEntries(items.flatMap((it) => {
            const a = answerFor(it, rng, person);
            return a === null ? [] : [[it.id, a]];
          }));
        });
        if (rows.length) await db.surveyResponse.createMany({ data: rows.map((answers) => ({ runId: run.id, teamId, answers })) });
        const comments = rows.filter(() => rng.chance(0.2)).map(() => ({ runId: run.id, teamId, itemId: "comment", text: rng.pick(COMMENTS) }));
        if (comments.length) await db.surveyComment.createMany({ data: comments });
        responses += rows.length;
      }
    }
  }
  return { surveys: plans.length, runs, responses };
}
