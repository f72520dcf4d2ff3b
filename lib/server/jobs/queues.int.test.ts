import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getJob } from "@/lib/server/data/jobs";
import { inSqlTransaction, openSql } from "@/lib/server/data/runner";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { afterCommit, enqueueJob, waitForJob } from "@/lib/server/jobs/queue";
import { createConnector } from "@/lib/server/services/connectors/admin";
import { ingestDeployments } from "@/lib/server/services/ingest/ingest";
import { startFakeGithub, type FakeGithub } from "@/lib/testing/fake-github";
import { shopRepo } from "@/lib/testing/github-scenario";
import { connectorCreateInput } from "@/lib/validation/connectors";
import { deploymentBatch } from "@/lib/validation/ingest";

/**
 * Jobs of one queue run one at a time, in order; different queues run side by side, on both databases. A long
 * job (here a connector sync waiting for another instance's lease) holds up its own queue only: a recompute
 * queued meanwhile runs and finishes.
 */
const TOKEN = "github_pat_queues_0123456789";
const NOW = new Date("2026-03-23T12:00:00Z");
let fake: FakeGithub;
let connectorId = "";

beforeAll(async () => {
  fake = await startFakeGithub({ token: TOKEN, repos: { "acme/shop": shopRepo() } });
  const input = connectorCreateInput.parse({ provider: "github", name: "queues", apiUrl: fake.url, token: TOKEN, backfillDays: 30, enabled: false, options: { repos: "acme/shop" } });
  connectorId = (await createConnector(SYSTEM_ACTOR, input, NOW)).id;
  const group = await db.group.create({ data: { name: "Eng", slug: "eng-queues" } });
  await db.team.create({ data: { name: "Queues", slug: "queues-team", groupId: group.id, location: "Berlin" } });
});

afterAll(async () => {
  await fake?.close();
});

async function statusOf(id: string): Promise<string | undefined> {
  return (await getJob(await openSql(), id))?.status;
}

describe("job queues", () => {
  it("run side by side: a sync waiting for its lease does not hold up a recompute", async () => {
    // Another instance syncs this connector: the queued sync waits for its lease, running.
    await db.connector.update({ where: { id: connectorId }, data: { syncLockedBy: "another-instance", syncLockedUntil: new Date(Date.now() + 90_000) } });
    const sync = await inSqlTransaction((tx) => enqueueJob(tx, "connector.sync", { connectorId, since: null }, NOW));
    afterCommit();
    for (let i = 0; i < 200 && (await statusOf(sync)) !== "RUNNING"; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await statusOf(sync)).toBe("RUNNING");

    const { job } = await ingestDeployments(deploymentBatch.parse([
      { externalId: "q1", service: "queues-api", team: "queues-team", environment: "production", status: "success", finishedAt: "2026-03-02T10:00:00Z", commitSha: "q1" },
    ]), SYSTEM_ACTOR);
    expect(job).not.toBeNull();
    expect(await waitForJob(job?.id as string, 30_000)).toMatchObject({ status: "DONE" });
    expect(await statusOf(sync)).toBe("RUNNING");
    expect(fake.requests).toHaveLength(0);

    // The other instance's sync ends: this one takes the lease and runs.
    await db.connector.update({ where: { id: connectorId }, data: { syncLockedBy: null, syncLockedUntil: null } });
    expect(await waitForJob(sync, 30_000)).toMatchObject({ status: "DONE" });
    expect(fake.requests.length).toBeGreaterThan(0);
  });
});
