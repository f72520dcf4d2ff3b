import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { jobUpkeep } from "./upkeep";

/**
 * Once an hour, old finished jobs, webhook delivery ids and schedule slots go; recent ones, pending jobs and each
 * kind's latest done job stay.
 */
const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe("upkeep", () => {
  it("deletes done jobs after 30 days and failed ones after 90, keeping each kind's latest done job", async () => {
    const job = (id: string, kind: string, status: string, finishedDaysAgo: number | null) =>
      ({ id, kind, status, payload: {}, createdAt: daysAgo((finishedDaysAgo ?? 0) + 1), finishedAt: finishedDaysAgo === null ? null : daysAgo(finishedDaysAgo) });
    await db.job.createMany({
      data: [
        job("old-done", "delivery.recompute", "DONE", 40),
        job("latest-old-done", "connector.sync", "DONE", 100),
        job("older-done", "connector.sync", "DONE", 120),
        job("recent-done", "delivery.recompute", "DONE", 2),
        job("failed-60", "delivery.recompute", "FAILED", 60),
        job("failed-100", "delivery.recompute", "FAILED", 100),
        job("queued", "delivery.recompute", "QUEUED", null),
      ],
    });
    await db.webhookDelivery.createMany({
      data: [
        { provider: "github", deliveryId: "old", receivedAt: daysAgo(31) },
        { provider: "github", deliveryId: "recent", receivedAt: daysAgo(2) },
      ],
    });
    await db.scheduleRun.createMany({
      data: [
        { name: "alerts.check", slot: "2026-05-20T12", createdAt: daysAgo(12) },
        { name: "alerts.check", slot: "2026-05-31T12", createdAt: daysAgo(1) },
      ],
    });
    await jobUpkeep.enqueueDue(NOW);
    const left = (await db.job.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((j) => j.id);
    expect(left).toEqual(["failed-60", "latest-old-done", "queued", "recent-done"]);
    expect((await db.webhookDelivery.findMany()).map((d) => d.deliveryId)).toEqual(["recent"]);
    expect((await db.scheduleRun.findMany({ orderBy: { slot: "asc" } })).map((r) => `${r.name} ${r.slot}`)).toEqual(["alerts.check 2026-05-31T12", "upkeep 2026-06-01T12"]);

    // Once an hour: a second tick in the same hour leaves what became old meanwhile; the next hour's takes it.
    await db.job.create({ data: job("old-done-2", "delivery.recompute", "DONE", 45) });
    await jobUpkeep.enqueueDue(new Date(NOW.getTime() + 60_000));
    expect(await db.job.count({ where: { id: "old-done-2" } })).toBe(1);
    await jobUpkeep.enqueueDue(new Date(NOW.getTime() + 3_600_000));
    expect(await db.job.count({ where: { id: "old-done-2" } })).toBe(0);
  });
});
