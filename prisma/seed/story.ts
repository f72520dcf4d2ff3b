/**
 * The context around the numbers: annotations for the events a VP will see in the charts, org
 * targets for the headline metrics (in force from a year ago), and the experiments the teams ran.
 */
import "server-only";
import { addDays, parseDay } from "@/lib/domain/time";
import { addMonths } from "@/lib/retention/calendar";
import type { Db } from "@/lib/server/db";
import { experimentDates, EXPERIMENTS } from "./experiments";
import { ACQUISITION_NAME } from "./org-plan";
import { REORG_MOVES } from "./people";
import type { OrgIds } from "./org";
import type { DemoWindow } from "./window";

/**
 * Org targets. Green and amber are read in the metric's direction: lower bounds when higher is
 * better, upper bounds when lower is better (change failure green ≤ 15%, amber ≤ 25%).
 */
export const DEMO_TARGETS: { metric: string; green: number; amber: number }[] = [
  { metric: "change_failure_rate", green: 15, amber: 25 },
  { metric: "lead_time", green: 1440, amber: 10080 },
  { metric: "recovery_time", green: 240, amber: 1440 },
  { metric: "psych_safety", green: 5.5, amber: 5.0 },
  { metric: "enps", green: 20, amber: 0 },
  { metric: "participation", green: 80, amber: 65 },
  { metric: "ai_adoption", green: 50, amber: 30 },
  { metric: "skills_coverage", green: 80, amber: 60 },
];

export async function createStory(db: Db, window: DemoWindow, ids: OrgIds, metricIds: Map<string, string>): Promise<void> {
  const moved = REORG_MOVES.reduce((n, [, , count]) => n + count, 0);
  await db.annotation.createMany({
    data: [
      {
        scopeType: "ORG", scopeId: null, date: parseDay(window.acquisitionDate),
        title: `Acquisition of ${ACQUISITION_NAME} completed`,
        body: `${ACQUISITION_NAME}'s engineers join as the Fleet Tracking team in Berlin, under Logistics.`,
      },
      {
        scopeType: "ORG", scopeId: null, date: parseDay(window.reorgDate),
        title: "Product reorganisation: Commerce group formed",
        body: `Billing & Payments moves from Customer Experience into the new Commerce group; ${moved} engineers change teams across Platform and Product.`,
      },
      {
        scopeType: "ORG", scopeId: null, date: parseDay(window.incidentQuarter.from),
        title: "Carrier integration outages begin",
        body: "A run of incidents in routing and infrastructure services; on-call load rises for three teams until mid-year fixes land.",
      },
      {
        scopeType: "GROUP", scopeId: ids.groups.get("platform") ?? null, date: parseDay(addDays(window.incidentQuarter.to, 7)),
        title: "Stability sprint closes the incident backlog",
      },
    ],
  });

  const effectiveFrom = parseDay(addMonths(window.today, -12));
  await db.target.createMany({
    data: DEMO_TARGETS.map((t) => {
      const metricId = metricIds.get(t.metric);
      if (!metricId) throw new Error(`unknown metric ${t.metric}`);
      return { metricId, scopeType: "ORG" as const, scopeId: null, green: t.green, amber: t.amber, effectiveFrom };
    }),
  });

  for (const plan of EXPERIMENTS) {
    const { startDate, endDate } = experimentDates(window, plan);
    await db.experiment.create({
      data: {
        title: plan.title,
        hypothesis: plan.hypothesis,
        owner: plan.owner,
        startDate: parseDay(startDate),
        endDate: endDate === null ? null : parseDay(endDate),
        expectations: plan.expectations,
        outcome: plan.outcome,
        teams: { create: plan.teams.map((slug) => ({ teamId: ids.teams.get(slug) as string })) },
      },
    });
  }
}
