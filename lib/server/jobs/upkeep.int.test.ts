import { describe, expect, it } from "vitest";
import { db, sqlRunner } from "@/lib/server/db";
import { isEmbedded } from "@/lib/server/env";
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
    // The queued job was written straight into the table, so no worker was told of it: gone, the file's end
    // does not wait 30 s for it to run.
    await db.job.deleteMany({ where: { status: "QUEUED" } });
  });

  // PostgreSQL's autovacuum does this on its own time; PGlite runs no background process, so the upkeep does it.
  it.skipIf(!isEmbedded)("vacuums and analyzes the embedded database in the hour's upkeep, once per hour", async () => {
    const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
    const team = await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } });
    const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key: "slo_attainment" } });
    const weeks = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({
      metricId: metric.id, teamId: team.id, weekStart: new Date(Date.UTC(2020, 0, 6 + 7 * (from + i))), value: 99,
    }));
    const counted = async () => {
      const [row] = await (await sqlRunner()).query<{ rows: number }>(`SELECT reltuples::int AS "rows" FROM pg_class WHERE relname = 'MetricValue'`);
      return row.rows;
    };
    await db.metricValue.createMany({ data: weeks(0, 300) });
    expect(await counted()).not.toBe(300);
    const hour = new Date("2026-07-01T08:00:00Z");
    await jobUpkeep.enqueueDue(hour);
    expect(await counted()).toBe(300);

    await db.metricValue.createMany({ data: weeks(300, 50) });
    await jobUpkeep.enqueueDue(new Date(hour.getTime() + 60_000));
    expect(await counted()).toBe(300);
    await jobUpkeep.enqueueDue(new Date(hour.getTime() + 3_600_000));
    expect(await counted()).toBe(350);
  });
});
