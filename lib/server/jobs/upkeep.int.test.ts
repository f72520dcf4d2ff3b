import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { jobUpkeep } from "./upkeep";

/** Old finished jobs go; recent ones, pending ones and each kind's latest done job stay. */
const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe("job upkeep", () => {
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
    await jobUpkeep.enqueueDue(NOW);
    const left = (await db.job.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((j) => j.id);
    expect(left).toEqual(["failed-60", "latest-old-done", "queued", "recent-done"]);
  });
});
