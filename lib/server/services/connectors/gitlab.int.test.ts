import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "@/lib/cli/commands";
import { db } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { whenIdle } from "@/lib/server/jobs/queue";
import { getDeliverySummary } from "@/lib/server/services/delivery/read";
import { createWebhookSource } from "@/lib/server/services/delivery/webhook-sources";
import { receiveGitlabWebhook } from "@/lib/server/services/ingest/webhooks";
import { gitlabDeployment, gitlabIssue, gitlabMergeRequest, startFakeGitlab, type FakeGitlab, type FakeProject } from "@/lib/testing/fake-gitlab";
import { connectorCreateInput } from "@/lib/validation/connectors";
import { deliveryQuery } from "@/lib/validation/delivery";
import { createConnector } from "./admin";
import { runConnectorSync } from "./sync";

/**
 * The GitLab connector against a local GitLab (lib/testing/fake-gitlab.ts) over HTTP: a project's merge
 * requests, production deployments and incident issues, read once, then only what changed, with the same rows
 * a GitLab webhook writes.
 */
const TOKEN = "glpat-read-api-token";
const NOW = new Date("2026-03-16T12:00:00Z");
let fake: FakeGitlab;
let shop: FakeProject;
let connectorId = "";
let teamId = "";

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Eng", slug: "eng-gl" } });
  teamId = (await db.team.create({ data: { name: "Shop", slug: "shop", groupId: group.id, location: "Berlin" } })).id;
  fake = await startFakeGitlab(TOKEN, 2);
  shop = fake.project("acme/shop");
  gitlabDeployment(shop, { id: 1, sha: "base", status: "success", finishedAt: "2026-03-01T09:00:00Z" });
  gitlabMergeRequest(shop, { iid: 1, authorId: 5, commits: ["2026-03-02T08:00:00Z"], createdAt: "2026-03-02T09:00:00Z", approvals: [{ userId: 7, at: "2026-03-02T11:00:00Z" }], mergedAt: "2026-03-02T12:00:00Z", mergeSha: "m1" });
  gitlabDeployment(shop, { id: 2, sha: "m1", status: "success", finishedAt: "2026-03-02T13:00:00Z" });
  gitlabMergeRequest(shop, { iid: 2, authorId: 6, commits: ["2026-03-03T09:00:00Z"], createdAt: "2026-03-03T10:00:00Z", approvals: [{ userId: 7, at: "2026-03-03T13:00:00Z" }], mergedAt: "2026-03-03T14:00:00Z", mergeSha: "m2" });
  gitlabDeployment(shop, { id: 3, sha: "m2", status: "failed", finishedAt: "2026-03-03T15:00:00Z" });
  gitlabIssue(shop, { iid: 10, labels: ["incident", "sev2"], createdAt: "2026-03-03T15:05:00Z", closedAt: "2026-03-03T16:05:00Z", title: "Checkout errors" });
  gitlabDeployment(shop, { id: 4, sha: "m2", status: "success", finishedAt: "2026-03-03T16:00:00Z" });
  gitlabMergeRequest(shop, { iid: 3, authorId: 5, createdAt: "2026-03-04T09:00:00Z", state: "closed", updatedAt: "2026-03-04T10:00:00Z" });
  gitlabMergeRequest(shop, { iid: 4, authorId: 6, commits: ["2026-03-10T08:00:00Z"], createdAt: "2026-03-10T09:00:00Z" });
  // The author's own approval is no review.
  gitlabMergeRequest(shop, { iid: 5, authorId: 5, commits: ["2026-03-09T08:00:00Z"], createdAt: "2026-03-09T08:30:00Z", approvals: [{ userId: 5, at: "2026-03-09T09:00:00Z" }], mergedAt: "2026-03-09T10:00:00Z", mergeSha: "m3" });
  gitlabDeployment(shop, { id: 5, sha: "m3", status: "success", finishedAt: "2026-03-09T11:00:00Z" });
  // Noise: a review app, a deployment still running, a cancelled one, an ordinary issue.
  gitlabDeployment(shop, { id: 6, sha: "m3", status: "success", finishedAt: "2026-03-09T10:30:00Z", environment: "review/feature-5" });
  gitlabDeployment(shop, { id: 7, sha: "head4", status: "running", finishedAt: "2026-03-10T10:00:00Z" });
  gitlabDeployment(shop, { id: 8, sha: "head4", status: "canceled", finishedAt: "2026-03-10T09:00:00Z" });
  gitlabIssue(shop, { iid: 11, labels: ["bug"], createdAt: "2026-03-05T10:00:00Z" });

  const input = connectorCreateInput.parse({
    provider: "gitlab", name: "gl", apiUrl: fake.url, token: TOKEN, defaultTeamId: teamId, backfillDays: 60, enabled: false, options: { projects: "acme/shop" },
  });
  connectorId = (await createConnector(SYSTEM_ACTOR, input, NOW)).id;
});

afterAll(async () => {
  await fake?.close();
});

const noWait = async () => {};
const sync = (now = NOW, sleep?: (ms: number) => Promise<void>) => runConnectorSync(connectorId, { now, holder: "test", sleep });

describe("GitLab connector", () => {
  it("backfills merge requests, production deployments and incidents through a rate limit and a bad gateway", async () => {
    fake.failOnce(/merge_requests\?/, 429);
    fake.failOnce(/deployments\?.*updated_after=2026-03-02/, 502);
    const { counts } = await sync();
    expect(counts.problems).toEqual([]);
    expect(fake.faultsServed).toEqual([429, 502]);
    // MRs 1, 2, 4, 5 (3 closed unmerged); deployments 1–5 (6 is a review app, not asked for; 7 running, 8 cancelled); issue 10.
    expect(counts.pullRequests).toEqual({ received: 4, created: 4, updated: 0 });
    expect(counts.deployments).toEqual({ received: 5, created: 5, updated: 0 });
    expect(counts.incidents).toEqual({ received: 1, created: 1, updated: 0 });
    expect(counts.skipped).toBe(3);
    expect(fake.requests.some((r) => r.includes("environment=review") || r.includes("/notes"))).toBe(false);

    const pr1 = await db.pullRequest.findFirstOrThrow({ where: { externalId: "1", service: { name: "acme/shop" } } });
    expect(pr1).toMatchObject({ author: "5", mergeCommitSha: "m1" });
    expect(pr1.firstReviewAt?.toISOString()).toBe("2026-03-02T11:00:00.000Z");
    expect((await db.pullRequest.findFirstOrThrow({ where: { externalId: "5" } })).firstReviewAt).toBeNull();

    expect(await whenIdle(60_000)).toBe(true);
    const summary = await getDeliverySummary(deliveryQuery.parse({ service: "acme/shop", from: "2026-03-01", to: "2026-03-15" }), NOW);
    // Successful production deployments: 1 (03-01, the first: ships nothing measurable), 2, 4, 5; 3 failed.
    // Lead time, first commit → shipping deployment: !1 08:00 → D2 13:00 = 300 min; !2 09:00 → D4 16:00 = 420
    // (the failed D3 ships nothing); !5 08:00 → D5 11:00 = 180. Median 300.
    expect(summary.leadTime).toMatchObject({ count: 3, median: 300 });
    // Change failure: D3 failed; incident 10 (15:05) links to the latest successful production deployment before
    // it, D2 (13:00) — 2 of the 5 production deployments.
    expect(summary.changeFailureRate).toMatchObject({ failed: 2, total: 5, rate: 0.4 });
    expect(summary.incidents).toEqual({ opened: 1, bySeverity: { sev2: 1 } });
    expect(summary.deployments.count).toBe(4);
  });

  it("writes nothing on a second sync with nothing new", async () => {
    const audits = await db.auditLog.count();
    const { counts } = await sync(new Date(NOW.getTime() + 60_000));
    expect([counts.pullRequests.received, counts.deployments.received, counts.incidents.received, counts.skipped]).toEqual([0, 0, 0, 0]);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("picks up a merge and its deployment", async () => {
    const entry = shop.mergeRequests.find((e) => e.mr.iid === 4)!;
    Object.assign(entry.mr, { state: "merged", merged_at: "2026-03-16T13:00:00Z", updated_at: "2026-03-16T13:00:00Z", merge_commit_sha: "m4" });
    gitlabDeployment(shop, { id: 9, sha: "m4", status: "success", finishedAt: "2026-03-16T13:30:00Z" });
    const { counts } = await sync(new Date("2026-03-16T14:00:00Z"));
    expect(counts.pullRequests).toEqual({ received: 1, created: 0, updated: 1 });
    expect(counts.deployments).toEqual({ received: 1, created: 1, updated: 0 });
    expect((await db.pullRequest.findFirstOrThrow({ where: { externalId: "4" } })).mergeCommitSha).toBe("m4");
  });

  it("keeps the streams synced before a failure and resumes with the rest", async () => {
    gitlabMergeRequest(shop, { iid: 6, authorId: 6, commits: ["2026-03-17T08:00:00Z"], createdAt: "2026-03-17T08:30:00Z" });
    gitlabDeployment(shop, { id: 10, sha: "m4", status: "success", finishedAt: "2026-03-17T09:00:00Z" });
    fake.breakCalls(/\/deployments\?/);
    const later = new Date("2026-03-17T12:00:00Z");
    await expect(sync(later, noWait)).rejects.toThrow("GitLab GET /api/v4/projects/acme%2Fshop/deployments: HTTP 500");
    expect(await db.pullRequest.count({ where: { externalId: "6" } })).toBe(1);
    fake.restore();
    const { counts } = await sync(later);
    expect([counts.pullRequests.received, counts.deployments.received]).toEqual([0, 1]);
  });

  it("counts once what GitLab webhooks already sent", async () => {
    const secret = (await createWebhookSource(SYSTEM_ACTOR, { provider: "gitlab", name: "acme group", defaultTeamId: teamId })).secret;
    const project = { id: 2, name: "hooks", path_with_namespace: "acme/hooks", web_url: "https://gitlab.example.com/acme/hooks" };
    const hooks = fake.project("acme/hooks");
    // An older GitLab: approvals without approved_at, their time in the "approved this merge request" note.
    hooks.legacyApprovals = true;
    const mr = gitlabMergeRequest(hooks, { iid: 1, authorId: 5, commits: ["2026-03-10T08:00:00Z"], createdAt: "2026-03-10T09:00:00Z", approvals: [{ userId: 7, at: "2026-03-10T10:00:00Z" }], mergedAt: "2026-03-10T11:00:00Z", mergeSha: "h1" }).mr;
    const dep = gitlabDeployment(hooks, { id: 901, sha: "h1", status: "success", finishedAt: "2026-03-10T12:00:00Z" });
    const issue = gitlabIssue(hooks, { iid: 3, labels: ["incident"], createdAt: "2026-03-10T13:00:00Z", closedAt: "2026-03-10T14:00:00Z" });
    let n = 0;
    const send = (event: string, payload: unknown) =>
      receiveGitlabWebhook(new Headers({ "x-gitlab-event": event, "x-gitlab-token": secret, "x-gitlab-event-uuid": `hook-${++n}` }), JSON.stringify(payload));
    await send("Merge Request Hook", {
      object_kind: "merge_request", user: { id: 7, username: "user7" }, project, labels: [],
      object_attributes: { id: mr.id, iid: 1, title: mr.title, author_id: 5, state: "opened", action: "approved", created_at: "2026-03-10 09:00:00 UTC", updated_at: "2026-03-10 10:00:00 UTC" },
    });
    await send("Merge Request Hook", {
      object_kind: "merge_request", user: { id: 5, username: "user5" }, project, labels: [],
      object_attributes: { id: mr.id, iid: 1, title: mr.title, author_id: 5, state: "merged", action: "merge", created_at: "2026-03-10 09:00:00 UTC", updated_at: "2026-03-10 11:00:00 UTC", merged_at: "2026-03-10 11:00:00 UTC", merge_commit_sha: "h1" },
    });
    await send("Deployment Hook", { object_kind: "deployment", status: "success", status_changed_at: "2026-03-10 12:00:00 UTC", deployment_id: dep.id, environment: "production", project, short_sha: "h1", commit_url: `${project.web_url}/-/commit/h1` });
    await send("Issue Hook", {
      object_kind: "issue", project, labels: [{ id: 1, title: "incident" }],
      object_attributes: { id: issue.id, iid: 3, title: issue.title, state: "closed", action: "close", created_at: "2026-03-10 13:00:00 UTC", updated_at: "2026-03-10 14:00:00 UTC", closed_at: "2026-03-10 14:00:00 UTC" },
    });
    const before = await db.pullRequest.findFirstOrThrow({ where: { service: { name: "acme/hooks" } } });

    await db.connector.update({ where: { id: connectorId }, data: { options: { projects: ["acme/shop", "acme/hooks"], productionEnvironments: ["production"] } } });
    const { counts } = await sync(new Date("2026-03-17T12:00:00Z"));
    expect([counts.pullRequests, counts.deployments, counts.incidents]).toEqual([
      { received: 1, created: 0, updated: 1 },
      { received: 1, created: 0, updated: 1 },
      { received: 1, created: 0, updated: 1 },
    ]);
    const where = { service: { name: "acme/hooks" } };
    expect([await db.pullRequest.count({ where }), await db.deployment.count({ where }), await db.incident.count({ where })]).toEqual([1, 1, 1]);
    const after = await db.pullRequest.findFirstOrThrow({ where });
    expect(after).toMatchObject({ author: before.author, mergeCommitSha: "h1", mergedAt: before.mergedAt, firstReviewAt: before.firstReviewAt });
    expect(after.firstReviewAt?.toISOString()).toBe("2026-03-10T10:00:00.000Z");
    expect(fake.requests.some((r) => r.startsWith("/api/v4/projects/acme%2Fhooks/merge_requests/1/notes"))).toBe(true);
    // The sync adds what a webhook does not carry: the first commit.
    expect(after.firstCommitAt?.toISOString()).toBe("2026-03-10T08:00:00.000Z");
  });

  it("does not miss a merge request that slides to an earlier page while the sync reads", async () => {
    const busy = fake.project("acme/busy");
    for (let iid = 1; iid <= 5; iid++) gitlabMergeRequest(busy, { iid, authorId: 5, createdAt: `2026-03-1${iid}T09:00:00Z` });
    // While the second page is asked for, !1 (read on the first) is edited and moves to the end of the list:
    // with page numbers, page 2 would now be !4, !5, and !3 would never be read.
    fake.onRequest(/acme%2Fbusy\/merge_requests\?/, 2, () => Object.assign(busy.mergeRequests[0]!.mr, { title: "Edited", updated_at: "2026-03-16T10:00:00Z" }));
    const input = connectorCreateInput.parse({ provider: "gitlab", name: "gl-busy", apiUrl: fake.url, token: TOKEN, enabled: false, options: { projects: "acme/busy" } });
    const { id } = await createConnector(SYSTEM_ACTOR, input, NOW);
    const { counts } = await runConnectorSync(id, { now: NOW, holder: "test" });
    expect(counts.pullRequests).toEqual({ received: 6, created: 5, updated: 1 });
    expect((await db.pullRequest.findFirstOrThrow({ where: { externalId: "1", service: { name: "acme/busy" } } })).title).toBe("Edited");
  });

  it("fails clearly on a refused token, never showing it", async () => {
    const input = connectorCreateInput.parse({ provider: "gitlab", name: "gl-bad", apiUrl: fake.url, token: "glpat-wrong", enabled: false, options: { projects: "acme/shop" } });
    const { id } = await createConnector(SYSTEM_ACTOR, input, NOW);
    await expect(runConnectorSync(id, { now: NOW, holder: "test" })).rejects.toThrow("GitLab GET /api/v4/projects/acme%2Fshop/merge_requests: HTTP 401 (check the token)");
    const row = await db.connector.findUniqueOrThrow({ where: { id } });
    expect(row.lastError).toContain("HTTP 401");
    expect(row.lastError).not.toContain("glpat-wrong");
  });

  it("is added and synced from the command line", async () => {
    const cli = fake.project("acme/cli");
    const added = await runCommand(["connector", "add", "gitlab", "--name", "gl-cli", "--api-url", fake.url, "--token", TOKEN, "--projects", "acme/cli", "--backfill-days", "3650"]);
    expect(added[0]).toMatch(/^Added GitLab connector “gl-cli”/);
    // Adding queued the backfill, which the worker runs; then an incident is opened, and `connector sync` reads it.
    expect(await whenIdle(60_000)).toBe(true);
    gitlabIssue(cli, { iid: 1, labels: ["incident"], createdAt: new Date(Date.now() - 3_600_000).toISOString() });
    const lines = await runCommand(["connector", "sync", "gl-cli"]);
    expect(lines[0]).toMatch(/^Synced “gl-cli” in/);
    expect(lines).toContain("  incidents      1 read, 1 new, 0 updated");
    expect(await db.incident.count({ where: { service: { name: "acme/cli" } } })).toBe(1);
  });
});
