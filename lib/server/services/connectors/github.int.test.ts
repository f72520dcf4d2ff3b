import { createHmac } from "node:crypto";
import net from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as githubWebhook } from "@/app/api/webhooks/github/route";
import { db } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { whenIdle } from "@/lib/server/jobs/queue";
import { createConnector } from "@/lib/server/services/connectors/admin";
import { runConnectorSync, type SyncCounts } from "@/lib/server/services/connectors/sync";
import { getDeliverySummary } from "@/lib/server/services/delivery/read";
import { createWebhookSource } from "@/lib/server/services/delivery/webhook-sources";
import { startFakeGithub, type FakeGithub } from "@/lib/testing/fake-github";
import { shopRepo, siteRepo } from "@/lib/testing/github-scenario";
import { connectorCreateInput } from "@/lib/validation/connectors";
import { deliveryQuery } from "@/lib/validation/delivery";

// The webhook route module imports the session reader (Auth.js needs the Next.js runtime); webhooks never use it.
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => null }));

/**
 * The GitHub connector against a fake GitHub over real HTTP (lib/testing/fake-github.ts: GitHub's example
 * objects, Link pagination two items a page, token auth, rate-limit headers, faults), written through the real
 * sync engine and read back through the real delivery service.
 */
const TOKEN = "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz";
const NOW = new Date("2026-03-23T12:00:00Z"); // backfill of 30 days: from 2026-02-21T12:00Z
const PERIOD = { from: "2026-03-01", to: "2026-03-22" };
let fake: FakeGithub;
let teamId = "";
let webhookSecret = "";

async function addConnector(name: string, repos: string, apiUrl = fake.url, token = TOKEN): Promise<string> {
  const input = connectorCreateInput.parse({ provider: "github", name, apiUrl, token, defaultTeamId: teamId, backfillDays: 30, enabled: false, options: { repos, releasesAsDeployments: true } });
  return (await createConnector(SYSTEM_ACTOR, input, NOW)).id;
}

const sync = (id: string, sleep?: (ms: number) => Promise<void>, progress?: (done: number, total: number) => Promise<void>) =>
  runConnectorSync(id, { now: NOW, holder: "test", sleep, progress });

async function rowsOf(service: string) {
  const where = { service: { name: service } };
  return {
    pullRequests: await db.pullRequest.findMany({ where, orderBy: { externalId: "asc" }, select: { externalId: true, author: true, createdAt: true, mergedAt: true, mergeCommitSha: true, firstCommitAt: true, firstReviewAt: true, aiAssisted: true } }),
    deployments: await db.deployment.findMany({ where, orderBy: { externalId: "asc" }, select: { externalId: true, environment: true, status: true, kind: true, finishedAt: true, commitSha: true } }),
    incidents: await db.incident.findMany({ where, orderBy: { externalId: "asc" }, select: { externalId: true, severity: true, openedAt: true, resolvedAt: true } }),
  };
}

const commitsCalls = (from: number) => fake.requests.slice(from).filter((r) => /\/pulls\/\d+\/commits/.test(r)).map((r) => /\/pulls\/(\d+)\//.exec(r)![1]);
const zero = { received: 0, created: 0, updated: 0 };

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Commerce", slug: "commerce" } });
  teamId = (await db.team.create({ data: { name: "Shop", slug: "shop", groupId: group.id, location: "London" } })).id;
  webhookSecret = (await createWebhookSource(SYSTEM_ACTOR, { provider: "github", name: "acme org", defaultTeamId: teamId })).secret;
  fake = await startFakeGithub({
    token: TOKEN,
    maxPerPage: 2,
    repos: { "acme/shop": shopRepo(), "acme/site": siteRepo(), "acme/hooks": shopRepo(), "acme/flaky": shopRepo() },
  });
});

afterAll(async () => {
  await fake?.close();
});

describe("GitHub connector", () => {
  let shop = "";

  it("backfills pull requests, deployments, releases and incidents, and the DORA figures follow", async () => {
    shop = await addConnector("acme github", "acme/shop,acme/site");
    // One rate-limit answer (Retry-After: 1) and one bad gateway, each retried after a short wait.
    fake.faults.push({ path: /^\/repos\/acme\/shop\/deployments$/, status: 429, retryAfter: 1, times: 1 });
    fake.faults.push({ path: /^\/repos\/acme\/shop\/pulls\/2\/commits$/, status: 502, times: 1 });
    const waits: number[] = [];
    const progress: [number, number][] = [];
    const outcome = await sync(shop, (ms) => (waits.push(ms), new Promise((r) => setTimeout(r, ms))), async (done, total) => void progress.push([done, total]));
    expect(fake.faults.every((f) => f.times === 0)).toBe(true);
    expect(waits).toEqual([1000, 1000]);
    expect(progress).toEqual([[0, 2], [1, 2], [2, 2]]);

    // Pull requests: #1 #2 #3 #4 merged, #6 a draft (stored open); #5 closed unmerged is skipped; #7 predates the window.
    // Deployments: 1001–1005 in production (1003 ended in "error": a failure); 1006 (staging) and 1007 (pending)
    // skipped; 1008 predates the window. acme/site has no deployments: releases v1.0.0 and v1.1.0 count, the
    // prerelease and the draft are skipped. Incidents: #20; #22 is a pull request in the issues list (skipped),
    // #21 lacks the label (GitHub filters it out).
    expect(outcome.counts).toMatchObject<Partial<SyncCounts>>({
      pullRequests: { received: 5, created: 5, updated: 0 },
      deployments: { received: 7, created: 7, updated: 0 },
      incidents: { received: 1, created: 1, updated: 0 },
      workItems: zero,
      skipped: 6,
      problems: [],
    });
    expect(outcome.jobIds.length).toBeGreaterThan(0);

    const rows = await rowsOf("acme/shop");
    expect(rows.pullRequests.map((p) => [p.externalId, p.mergedAt?.toISOString() ?? null, p.firstCommitAt?.toISOString() ?? null, p.firstReviewAt?.toISOString() ?? null])).toEqual([
      ["1", "2026-03-05T10:00:00.000Z", "2026-03-03T09:00:00.000Z", "2026-03-04T15:00:00.000Z"],
      ["2", "2026-03-11T10:00:00.000Z", "2026-03-10T08:00:00.000Z", "2026-03-10T15:00:00.000Z"],
      ["3", "2026-03-16T09:00:00.000Z", "2026-03-13T09:00:00.000Z", null],
      ["4", "2026-03-17T16:00:00.000Z", "2026-03-17T09:00:00.000Z", null],
      ["6", null, "2026-03-18T09:00:00.000Z", null],
    ]);
    expect(rows.pullRequests[0]!.aiAssisted).toBe(true);
    expect(rows.deployments.map((d) => [d.externalId, d.environment, d.status, d.finishedAt.toISOString(), d.commitSha])).toEqual([
      ["1001", "production", "success", "2026-03-02T10:00:00.000Z", "m0"],
      ["1002", "production", "success", "2026-03-09T10:00:00.000Z", "m1"],
      ["1003", "production", "failure", "2026-03-12T10:00:00.000Z", "m2"],
      ["1004", "production", "success", "2026-03-12T12:00:00.000Z", "m2"],
      ["1005", "production", "success", "2026-03-16T10:00:00.000Z", "m3"],
    ]);
    expect((await rowsOf("acme/site")).deployments.map((d) => [d.externalId, d.status, d.finishedAt.toISOString(), d.commitSha])).toEqual([
      ["release:51", "success", "2026-03-04T10:00:00.000Z", "t100"],
      ["release:52", "success", "2026-03-18T10:00:00.000Z", "t110"],
    ]);
    expect(rows.incidents).toEqual([{ externalId: "20", severity: "sev2", openedAt: new Date("2026-03-16T12:00:00Z"), resolvedAt: new Date("2026-03-16T14:00:00Z") }]);
    const connector = await db.connector.findUniqueOrThrow({ where: { id: shop } });
    expect(connector.lastSyncStatus).toBe("DONE");

    expect(await whenIdle(60_000)).toBe(true);
    const summary = await getDeliverySummary(deliveryQuery.parse({ team: "shop", ...PERIOD }), NOW);
    expect(summary.weekly.pending).toBe(false);
    // Successful production deployments, 1–22 March: 1001, 1002, 1004, 1005 and releases 51, 52 → 6.
    expect(summary.deployments.count).toBe(6);
    // Lead time (first commit → the deployment that shipped the merge; 1001 and release 51 are their chains'
    // first and ship nothing measurable; 1003 failed and ships nothing):
    //   #1 by 1002: 03-03 09:00 → 03-09 10:00 = 6 d 1 h = 8,700 min
    //   #2 by 1004: 03-10 08:00 → 03-12 12:00 = 2 d 4 h = 3,120 min
    //   #3 by 1005: 03-13 09:00 → 03-16 10:00 = 3 d 1 h = 4,380 min   (#4 is not deployed yet)
    //   median of 3,120 / 4,380 / 8,700 = 4,380
    expect(summary.leadTime).toMatchObject({ count: 3, median: 4380 });
    // Change failure rate: 7 production deployments (1001–1005, releases 51 and 52); failed: 1003 (its status)
    // and 1005 (incident #20, opened 03-16 12:00, links to the last successful deployment before it) → 2/7.
    expect(summary.changeFailureRate).toMatchObject({ failed: 2, total: 7 });
    expect(summary.changeFailureRate.rate).toBeCloseTo(2 / 7, 10);
    // Recovery: 1003 (no incident) → the next successful deployment 1004: 10:00 → 12:00 = 120 min; 1005 → its
    // incident's resolution: 10:00 → 14:00 = 240 min; median (120 + 240) / 2 = 180.
    expect(summary.recoveryTime).toMatchObject({ count: 2, median: 180 });
    expect(summary.incidents).toEqual({ opened: 1, bySeverity: { sev2: 1 } });
  });

  it("changes nothing on a second sync", async () => {
    const before = [await db.pullRequest.count(), await db.deployment.count(), await db.incident.count(), await db.pullRequestCommit.count()];
    const mark = fake.requests.length;
    const outcome = await sync(shop);
    expect(outcome.counts).toMatchObject({ pullRequests: zero, deployments: zero, incidents: zero, skipped: 0, pages: 0 });
    expect(outcome.jobIds).toEqual([]);
    expect(commitsCalls(mark)).toEqual([]);
    // The listing, newest update first, stops at the cursor: one page, not the repository's whole history (four pages).
    expect(fake.requests.slice(mark).filter((r) => r.startsWith("GET /repos/acme/shop/pulls?"))).toHaveLength(1);
    expect([await db.pullRequest.count(), await db.deployment.count(), await db.incident.count(), await db.pullRequestCommit.count()]).toEqual(before);
  });

  it("reads only what is new on an incremental sync", async () => {
    const repo = fake.repos["acme/shop"]!;
    repo.pulls.push({ number: 8, title: "Gift cards", user: "carol", createdAt: "2026-03-20T10:00:00Z", updatedAt: "2026-03-21T10:00:00Z", state: "closed", mergedAt: "2026-03-21T10:00:00Z", mergeCommitSha: "m8", commits: [{ sha: "c8a", authoredAt: "2026-03-20T09:00:00Z" }] });
    repo.deployments.push({ id: 1009, sha: "m8", environment: "production", createdAt: "2026-03-21T11:50:00Z", statuses: [{ state: "success", at: "2026-03-21T12:00:00Z" }] });
    const mark = fake.requests.length;
    const outcome = await sync(shop);
    expect(outcome.counts).toMatchObject({ pullRequests: { received: 1, created: 1, updated: 0 }, deployments: { received: 1, created: 1, updated: 0 }, incidents: zero, skipped: 0 });
    expect(commitsCalls(mark)).toEqual(["8"]);
    await whenIdle(60_000);
  });

  it("counts each event once when webhooks delivered the same history first", async () => {
    // Every event of acme/hooks as GitHub's webhooks send it, built from the fake's REST objects (the same shapes).
    const api = async (path: string): Promise<unknown[]> => {
      // Follows the Link header, as a client of the real API must.
      const out: unknown[] = [];
      for (let url: string | null = `${fake.url}/repos/acme/hooks/${path}`; url; ) {
        const res: Response = await fetch(url, { headers: { authorization: `token ${TOKEN}` } });
        out.push(...((await res.json()) as unknown[]));
        url = /<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1] ?? null;
      }
      return out;
    };
    const repository = { id: 1, name: "hooks", full_name: "acme/hooks", owner: { login: "acme" } };
    const deliveries: [string, unknown][] = [];
    for (const pr of (await api("pulls?state=all")) as { number: number; merged_at: string | null; state: string }[]) {
      deliveries.push(["pull_request", { action: pr.state === "closed" ? "closed" : "opened", number: pr.number, pull_request: { ...pr, merged: Boolean(pr.merged_at) }, repository }]);
      for (const review of (await api(`pulls/${pr.number}/reviews`)) as { submitted_at?: string }[]) {
        if (review.submitted_at) deliveries.push(["pull_request_review", { action: "submitted", review, pull_request: pr, repository }]);
      }
    }
    for (const deployment of (await api("deployments")) as { id: number }[]) {
      // The newest status first, as GitHub lists them.
      const [status] = await api(`deployments/${deployment.id}/statuses`);
      deliveries.push(["deployment_status", { action: "created", deployment_status: status, deployment, repository }]);
    }
    for (const issue of (await api("issues?state=all&labels=incident")) as { pull_request?: unknown }[]) {
      if (!issue.pull_request) deliveries.push(["issues", { action: "closed", issue, repository }]);
    }
    for (const [index, [event, payload]] of deliveries.entries()) {
      const body = JSON.stringify(payload);
      const headers = { "content-type": "application/json", "x-github-event": event, "x-github-delivery": `hooks-${index}`, "x-hub-signature-256": `sha256=${createHmac("sha256", webhookSecret).update(body).digest("hex")}` };
      const res = await githubWebhook(new NextRequest("http://localhost/api/webhooks/github", { method: "POST", headers, body }));
      expect([200, 202]).toContain(res.status);
    }
    const byWebhook = await rowsOf("acme/hooks");
    // The webhooks stored every merged or open PR (#7 too, older than the sync's window) and every finished
    // deployment (1006 in staging and 1008 too; 1007 is still pending).
    expect(byWebhook.pullRequests.map((p) => p.externalId)).toEqual(["1", "2", "3", "4", "6", "7"]);
    expect(byWebhook.deployments.map((d) => d.externalId)).toEqual(["1001", "1002", "1003", "1004", "1005", "1006", "1008"]);

    const id = await addConnector("acme hooks", "acme/hooks");
    const outcome = await sync(id);
    expect(outcome.counts).toMatchObject({
      pullRequests: { received: 5, created: 0, updated: 5 },
      deployments: { received: 5, created: 0, updated: 5 },
      incidents: { received: 1, created: 0, updated: 1 },
    });
    const rows = await rowsOf("acme/hooks");
    expect(rows.pullRequests).toHaveLength(6);
    expect(rows.deployments.map((d) => d.externalId)).toEqual(["1001", "1002", "1003", "1004", "1005", "1006", "1008"]);
    expect(rows.incidents).toHaveLength(1);
    // Same rows as the connector alone wrote for acme/shop (commits now known; #7 and 1008 came by webhook only).
    const shopRows = await rowsOf("acme/shop");
    expect(rows.pullRequests.filter((p) => p.externalId !== "7")).toEqual(shopRows.pullRequests.filter((p) => p.externalId !== "8"));
    expect(rows.incidents).toEqual(shopRows.incidents);
  });

  it("resumes after a failure mid-stream and ends with the data of an uninterrupted sync", async () => {
    const id = await addConnector("acme flaky", "acme/flaky", fake.ghesUrl);
    // Listed newest first in pages of two — [#6 #4] [#3 #2] [#5 #1] [#7, older than the window: the listing stops] —
    // and written oldest page first: [#1 #5] then [#2 #3], whose #3 cannot be read.
    const fault = { path: /^\/repos\/acme\/flaky\/pulls\/3\/commits$/, status: 500, times: Number.POSITIVE_INFINITY };
    fake.faults.push(fault);
    const waits: number[] = [];
    // The retries' back-off is recorded, not waited: five attempts, then the error stands.
    await expect(sync(id, async (ms) => void waits.push(ms))).rejects.toThrow("GitHub: commits of acme/flaky#3, page 1: HTTP 500");
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    expect(fake.requests.some((r) => r.startsWith("GET /api/v3/repos/acme/flaky/pulls?"))).toBe(true);
    const failed = await db.connector.findUniqueOrThrow({ where: { id } });
    expect(failed.lastSyncStatus).toBe("FAILED");
    expect(failed.lastError).toBe("GitHub: commits of acme/flaky#3, page 1: HTTP 500");
    // The first page written (#1; #5 skipped) is committed with its cursor; nothing of the second.
    expect((await rowsOf("acme/flaky")).pullRequests.map((p) => p.externalId)).toEqual(["1"]);

    fault.times = 0;
    const mark = fake.requests.length;
    const outcome = await sync(id);
    expect(commitsCalls(mark)).toEqual(["2", "3", "4", "6"]);
    expect(outcome.counts).toMatchObject({ pullRequests: { received: 4, created: 4, updated: 0 }, deployments: { received: 5, created: 5 }, incidents: { received: 1, created: 1 } });
    const rows = await rowsOf("acme/flaky");
    const uninterrupted = await rowsOf("acme/hooks");
    expect(rows.pullRequests).toEqual(uninterrupted.pullRequests.filter((p) => p.externalId !== "7"));
    expect(rows.deployments).toEqual(uninterrupted.deployments.filter((d) => !["1006", "1008"].includes(d.externalId)));
    expect(rows.incidents).toEqual(uninterrupted.incidents);
  });

  it("fails with a clear message when GitHub refuses the token", async () => {
    const id = await addConnector("acme revoked", "acme/shop", fake.url, "ghp_revoked0000000000000000000000000000");
    await expect(sync(id)).rejects.toThrow("GitHub: pull requests of acme/shop, page 1: HTTP 401 (check the token)");
    const row = await db.connector.findUniqueOrThrow({ where: { id } });
    expect(row.lastError).toBe("GitHub: pull requests of acme/shop, page 1: HTTP 401 (check the token)");
    expect(row.lastError).not.toContain("ghp_revoked");
  });

  it("fails naming the address it could not reach when GitHub does not answer, not as an HTTP error", async () => {
    // A port nothing listens on: the address was free a moment ago.
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const id = await addConnector("acme unreachable", "acme/shop", `http://127.0.0.1:${closed}`);
    const waits: number[] = [];
    await expect(sync(id, async (ms) => void waits.push(ms))).rejects.toThrow(`GitHub: pull requests of acme/shop, page 1: could not reach 127.0.0.1:${closed}`);
    // Retried with back-off before giving up.
    expect(waits).toHaveLength(4);
    const row = await db.connector.findUniqueOrThrow({ where: { id } });
    expect(row.lastError).toMatch(/could not reach/);
    expect(row.lastError).not.toMatch(/HTTP 500/);
  });
});
