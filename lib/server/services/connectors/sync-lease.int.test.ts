import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { createConnector } from "@/lib/server/services/connectors/admin";
import { runConnectorSync } from "@/lib/server/services/connectors/sync";
import { startFakeGithub, type FakeGithub } from "@/lib/testing/fake-github";
import { shopRepo } from "@/lib/testing/github-scenario";
import { connectorCreateInput } from "@/lib/validation/connectors";

/**
 * One sync of a connector at a time, on any instance: a second sync while one holds the lease fails at once from
 * the CLI and waits when queued; a lease left by a process that died lapses, and the waiting sync then runs.
 */
const TOKEN = "github_pat_lease_0123456789";
const NOW = new Date("2026-03-23T12:00:00Z");
let fake: FakeGithub;
let connectorId = "";

beforeAll(async () => {
  fake = await startFakeGithub({ token: TOKEN, repos: { "acme/shop": shopRepo() } });
  const input = connectorCreateInput.parse({ provider: "github", name: "lease", apiUrl: fake.url, token: TOKEN, backfillDays: 30, enabled: false, options: { repos: "acme/shop" } });
  connectorId = (await createConnector(SYSTEM_ACTOR, input, NOW)).id;
});

afterAll(async () => {
  await fake?.close();
});

const holdLease = (holder: string, seconds: number) =>
  db.connector.update({ where: { id: connectorId }, data: { syncLockedBy: holder, syncLockedUntil: new Date(Date.now() + seconds * 1000) } });

describe("connector sync lease", () => {
  it("refuses a second sync at once unless asked to wait, and a waiting sync runs once a dead holder's lease lapses", async () => {
    await holdLease("worker-that-died", 60);
    await expect(runConnectorSync(connectorId, { now: NOW, holder: "cli" })).rejects.toThrow("A sync of “lease” is already running.");
    expect(fake.requests).toHaveLength(0);

    await holdLease("worker-that-died", 2);
    const started = Date.now();
    const outcome = await runConnectorSync(connectorId, { now: NOW, holder: "job", waitForLease: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(outcome.counts.pullRequests.created).toBeGreaterThan(0);
    const row = await db.connector.findUniqueOrThrow({ where: { id: connectorId } });
    expect(row).toMatchObject({ syncLockedBy: null, syncLockedUntil: null, lastSyncStatus: "DONE" });
  });
});
