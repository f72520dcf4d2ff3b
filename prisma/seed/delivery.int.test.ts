import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { seedDeliveryEvents } from "./delivery";
import { createOrganisation } from "./org";
import { ORG_TIME_ZONE } from "./org-plan";
import { demoWindow } from "./window";

describe("demo delivery events", () => {
  it("generates a believable history and stores the weekly values computed from it", async () => {
    const now = new Date("2026-06-10T12:00:00Z");
    const window = demoWindow(now, ORG_TIME_ZONE);
    await createOrganisation(db, window);
    const summary = await seedDeliveryEvents(db, { seed: 7, window, now });
    expect(summary.deployments).toBeGreaterThan(5000);
    expect(summary.pullRequests).toBeGreaterThan(5000);
    expect(summary.incidents).toBeGreaterThan(100);
    expect(summary.workItems).toBeGreaterThan(3000);
    expect(await db.deployment.count({ where: { finishedAt: { gt: now } } })).toBe(0);

    // The stored weekly deployment counts add up to the successful production deployments.
    const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key: "deployments" } });
    const stored = await db.metricValue.aggregate({ where: { metricId: metric.id }, _sum: { value: true } });
    expect(stored._sum.value).toBe(await db.deployment.count({ where: { status: "success" } }));

    // The incident-heavy quarter shows: more incidents per week than the year before it.
    const incidents = await db.metricDefinition.findUniqueOrThrow({ where: { key: "incidents" } });
    const sumBetween = async (from: string, to: string) =>
      (await db.metricValue.aggregate({ where: { metricId: incidents.id, weekStart: { gte: new Date(from), lte: new Date(to) } }, _sum: { value: true } }))._sum.value ?? 0;
    const quarter = await sumBetween(window.incidentQuarter.from, window.incidentQuarter.to);
    const before = await sumBetween(window.firstWeek, window.incidentQuarter.from);
    const quarterWeeks = (Date.parse(window.incidentQuarter.to) - Date.parse(window.incidentQuarter.from)) / (7 * 86_400_000) + 1;
    const beforeWeeks = (Date.parse(window.incidentQuarter.from) - Date.parse(window.firstWeek)) / (7 * 86_400_000);
    expect(quarter / quarterWeeks).toBeGreaterThan((1.5 * before) / beforeWeeks);
  }, 300_000);
});
