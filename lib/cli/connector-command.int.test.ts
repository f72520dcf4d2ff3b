import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { whenIdle } from "@/lib/server/jobs/queue";
import { createConnector } from "@/lib/server/services/connectors/admin";
import { startFakeGithub, type FakeGithub } from "@/lib/testing/fake-github";
import { shopRepo } from "@/lib/testing/github-scenario";
import { connectorCreateInput } from "@/lib/validation/connectors";
import { runCommand as run } from "./commands";

/** `pillars connector add github …` and `connector sync NAME` against a fake GitHub over HTTP. */
const TOKEN = "github_pat_cli_0123456789abcdefghijklmnopqrstuvwxyz";
let fake: FakeGithub;

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Commerce", slug: "commerce" } });
  await db.team.create({ data: { name: "Shop", slug: "shop", groupId: group.id, location: "London" } });
  fake = await startFakeGithub({ token: TOKEN, repos: { "acme/shop": shopRepo() } });
});

afterAll(async () => {
  await fake?.close();
});

describe("pillars connector (GitHub)", () => {
  it("adds a connector whose backfill runs at once, and syncs it by name printing the counts", async () => {
    // The scenario lies in March 2026: a backfill window of ten years reaches it from any clock.
    const added = await run(["connector", "add", "github", "--name", "acme", "--api-url", `${fake.url}/`, "--token", TOKEN, "--repos", "acme/shop", "--team", "shop", "--backfill-days", "3650"]);
    expect(added[0]).toBe("Added GitHub connector “acme”: the last 3650 days are read on its first sync, then every 60 minutes.");
    expect(await whenIdle(60_000)).toBe(true);
    const backfilled = await db.connector.findUniqueOrThrow({ where: { name: "acme" } });
    expect(backfilled).toMatchObject({ apiUrl: fake.url, lastSyncStatus: "DONE" });
    expect(backfilled.lastCounts).toMatchObject({ pullRequests: { received: 6, created: 6 }, deployments: { received: 6, created: 6 }, incidents: { received: 1 } });
    expect(JSON.stringify(backfilled)).not.toContain(TOKEN);

    fake.repos["acme/shop"]!.pulls.push({ number: 8, title: "Gift cards", user: "carol", createdAt: "2026-03-20T10:00:00Z", updatedAt: "2026-03-21T10:00:00Z", state: "closed", mergedAt: "2026-03-21T10:00:00Z", mergeCommitSha: "m8", commits: [{ sha: "c8a", authoredAt: "2026-03-20T09:00:00Z" }] });
    const lines = await run(["connector", "sync", "acme"]);
    expect(lines[0]).toMatch(/^Synced “acme” in \d+\.\d s:$/);
    expect(lines.slice(1, 6)).toEqual([
      "  deployments    0 read, 0 new, 0 updated",
      "  pull requests  1 read, 1 new, 0 updated",
      "  incidents      0 read, 0 new, 0 updated",
      "  work items     0 read, 0 new, 0 updated",
      "  skipped        0",
    ]);
    expect(await db.pullRequest.count({ where: { service: { name: "acme/shop" } } })).toBe(7);
  });

  it("fails the command when the sync fails, naming the cause", async () => {
    const input = connectorCreateInput.parse({ provider: "github", name: "revoked", apiUrl: fake.url, token: "ghp_revoked", enabled: false, options: { repos: "acme/shop" } });
    await createConnector(SYSTEM_ACTOR, input, new Date());
    await expect(run(["connector", "sync", "revoked"])).rejects.toThrow("GitHub: pull requests of acme/shop, page 1: HTTP 401 (check the token)");
    expect((await run(["connector", "list"])).find((l) => l.startsWith("revoked"))).toContain("last sync failed: GitHub: pull requests of acme/shop, page 1: HTTP 401 (check the token)");
  });
});
