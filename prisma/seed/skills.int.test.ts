import { beforeAll, describe, expect, it } from "vitest";
import { formatDay } from "@/lib/domain/time";
import { db } from "@/lib/server/db";
import { teamSkills } from "@/lib/server/services/skills/skills-matrix";
import { seedDemo } from "./demo";
import { ORG_TIME_ZONE } from "./org-plan";
import type { SkillsSeedSummary } from "./skills";
import { demoWindow } from "./window";

const NOW = new Date();
let summary: SkillsSeedSummary;

async function values(key: string) {
  const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key } });
  return db.metricValue.findMany({ where: { metricId: metric.id }, select: { teamId: true, weekStart: true, numerator: true, denominator: true } });
}

beforeAll(async () => {
  // The demo organisation runs seedSkills after its weekly values.
  summary = (await seedDemo(db, { now: NOW })).skills;
}, 600_000);

describe("demo skills data", () => {
  it("creates a catalog, needs, proficiencies, learning, budgets and AI usage", () => {
    expect(summary.skills).toBe(16);
    expect(summary.teamNeeds).toBeGreaterThan(50);
    expect(summary.proficiencies).toBeGreaterThan(200);
    expect(summary.learningRecords).toBeGreaterThan(1000);
    expect(summary.budgets).toBe(24);
    expect(summary.aiUsageRows).toBeGreaterThan(1000);
  });

  it("gives each team exactly the seeded skills coverage of the current week, with bus-factor risks somewhere", async () => {
    const week = demoWindow(NOW, ORG_TIME_ZONE).currentWeek;
    const seeded = (await values("skills_coverage")).filter((v) => formatDay(v.weekStart) === week);
    let risks = 0;
    for (const v of seeded) {
      const view = await teamSkills(v.teamId, null);
      expect([view.covered, view.needed]).toEqual([v.numerator, v.denominator]);
      risks += view.busFactor.length;
    }
    expect(risks).toBeGreaterThan(0);
  });

  it("adds learning records up to each week's seeded hours and spend", async () => {
    const records = await db.learningRecord.findMany({ select: { teamId: true, date: true, hours: true, spend: true } });
    const hours = await values("learning_hours");
    const sample = hours.filter((h) => (h.numerator ?? 0) > 0).slice(0, 40);
    for (const h of sample) {
      const start = h.weekStart.getTime();
      const inWeek = records.filter((r) => r.teamId === h.teamId && r.date.getTime() >= start && r.date.getTime() < start + 7 * 86_400_000);
      expect(inWeek.reduce((a, r) => a + r.hours, 0)).toBeCloseTo(h.numerator as number, 6);
    }
  });

  it("stores each week's seeded active users and seats as Copilot usage", async () => {
    const [adoption] = (await values("ai_adoption")).filter((v) => (v.numerator ?? 0) > 0);
    const row = await db.aiUsage.findFirstOrThrow({ where: { teamId: adoption.teamId, date: adoption.weekStart } });
    expect([row.activeUsers, row.seats]).toEqual([adoption.numerator, adoption.denominator]);
  });
});
