import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { getJob } from "@/lib/server/data/jobs";
import { openSql } from "@/lib/server/data/runner";
import { waitForJob } from "@/lib/server/jobs/queue";
import { ingestDeployments } from "@/lib/server/services/ingest/ingest";
import { deploymentBatch } from "@/lib/validation/ingest";

/**
 * The recompute writes the computed values and rewrites their roll-ups in one transaction: when the roll-up
 * rewrite fails, no value is stored either, so dashboards never read values whose roll-ups are stale. The
 * recompute runs as a background job after ingestion: the failed run leaves the job queued with its error,
 * and the retry stores both.
 */
const failing = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/server/data/rollups", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/data/rollups")>();
  return {
    ...original,
    rewriteRollups: async (...args: Parameters<typeof original.rewriteRollups>) => {
      if (failing.on) throw new Error("roll-up rewrite failed");
      return original.rewriteRollups(...args);
    },
  };
});

const actor: Actor = { userId: null, label: "test" };

afterEach(() => {
  failing.on = false;
});

describe("recompute and roll-ups", () => {
  it("store the values and their roll-ups together, or neither", async () => {
    const group = await db.group.create({ data: { name: "Eng", slug: "eng-atomic" } });
    await db.team.create({ data: { name: "Atomic", slug: "atomic", groupId: group.id, location: "Berlin" } });
    const deployments = deploymentBatch.parse([
      { externalId: "a1", service: "atomic-svc", team: "atomic", environment: "production", status: "success", finishedAt: "2026-01-06T10:00:00Z", commitSha: "s1" },
      { externalId: "a2", service: "atomic-svc", team: "atomic", environment: "production", status: "success", finishedAt: "2026-01-13T10:00:00Z", commitSha: "s2" },
    ]);

    failing.on = true;
    const ingested = await ingestDeployments(deployments, actor);
    expect(ingested).toMatchObject({ created: 2, recomputing: true });
    const jobId = ingested.job?.id as string;
    const sql = await openSql();
    let job = await getJob(sql, jobId);
    while (!job?.error) {
      await new Promise((r) => setTimeout(r, 25));
      job = await getJob(sql, jobId);
    }
    expect(job).toMatchObject({ status: "QUEUED", attempts: 1, error: "roll-up rewrite failed" });
    expect(await db.deployment.count()).toBe(2);
    expect(await db.metricValue.count({ where: { source: "COMPUTED" } })).toBe(0);
    expect(await db.metricRollup.count()).toBe(0);

    failing.on = false;
    // The retry (after the queue's back-off of a few seconds) stores the values and their roll-ups.
    expect(await waitForJob(jobId, 45_000)).toMatchObject({ status: "DONE", attempts: 2, error: null });
    expect(await db.metricValue.count({ where: { source: "COMPUTED" } })).toBeGreaterThan(0);
    expect(await db.metricRollup.count()).toBeGreaterThan(0);
  });
});
