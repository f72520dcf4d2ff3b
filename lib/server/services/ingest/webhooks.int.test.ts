import { createHmac } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as github } from "@/app/api/webhooks/github/route";
import { POST as gitlab } from "@/app/api/webhooks/gitlab/route";
import { db } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { createWebhookSource } from "@/lib/server/services/delivery/webhook-sources";
import { decryptSecret } from "@/lib/server/services/delivery/webhook-secrets";

// The route module imports the session reader (Auth.js needs the Next.js runtime); webhooks never use it.
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => (globalThis as { __pillarsTestUser?: unknown }).__pillarsTestUser ?? null }));

/**
 * Payloads follow GitHub's and GitLab's documented shapes (trimmed to realistic, complete objects for the
 * fields involved); see lib/validation/webhooks.ts for the references.
 */
let githubSecret = "";
let gitlabSecret = "";
let teamId = "";
let delivery = 0;

const repository = { id: 1296269, name: "web", full_name: "northwind/web", private: false, owner: { login: "northwind", id: 1, type: "Organization" } };
const sender = { login: "octocat", id: 583231, type: "User" };

function githubRequest(event: string, payload: unknown, options: { secret?: string; deliveryId?: string } = {}) {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac("sha256", options.secret ?? githubSecret).update(body).digest("hex")}`;
  const headers = {
    "content-type": "application/json",
    "x-github-event": event,
    "x-github-delivery": options.deliveryId ?? `d-${++delivery}`,
    "x-hub-signature-256": signature,
  };
  return github(new NextRequest("http://localhost/api/webhooks/github", { method: "POST", headers, body }));
}

function gitlabRequest(event: string, payload: unknown, token = gitlabSecret) {
  const headers = { "content-type": "application/json", "x-gitlab-event": event, "x-gitlab-token": token, "x-gitlab-event-uuid": `g-${++delivery}` };
  return gitlab(new NextRequest("http://localhost/api/webhooks/gitlab", { method: "POST", headers, body: JSON.stringify(payload) }));
}

const pullRequest = (overrides: Record<string, unknown> = {}) => ({
  url: "https://api.github.com/repos/northwind/web/pulls/42", id: 1, number: 42, state: "open", locked: false, title: "Faster checkout",
  user: { login: "ann", id: 10, type: "User" }, body: null, labels: [{ id: 1, name: "ai-assisted", color: "fff" }],
  created_at: "2026-03-02T14:00:00Z", updated_at: "2026-03-02T14:00:00Z", closed_at: null, merged_at: null, merge_commit_sha: null,
  merged: false, head: { ref: "checkout", sha: "aaa" }, base: { ref: "main", sha: "bbb" }, ...overrides,
});

const deploymentStatus = (id: number, state: string, at: string, sha: string) => ({
  action: "created",
  deployment_status: { id: id * 10, state, environment: "production", created_at: at, updated_at: at, creator: sender },
  deployment: { id, sha, ref: "main", task: "deploy", environment: "production", description: null, created_at: at, updated_at: at, creator: sender },
  repository,
  sender,
});

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Product", slug: "product" } });
  teamId = (await db.team.create({ data: { name: "Web", slug: "web", groupId: group.id, location: "London" } })).id;
  const gh = await createWebhookSource(SYSTEM_ACTOR, { provider: "github", name: "northwind org", defaultTeamId: teamId });
  githubSecret = gh.secret;
  gitlabSecret = (await createWebhookSource(SYSTEM_ACTOR, { provider: "gitlab", name: "northwind group", defaultTeamId: null })).secret;
});

describe("webhook sources", () => {
  it("stores the secret encrypted, and decryptable only with the auth secret", async () => {
    const row = await db.webhookSource.findFirstOrThrow({ where: { provider: "github" } });
    expect(row.secretEncrypted).not.toContain(githubSecret);
    expect(decryptSecret(row.secretEncrypted)).toBe(githubSecret);
    // Flip a character in the middle: the last base64 character may only carry padding bits.
    const mid = Math.floor(row.secretEncrypted.length / 2);
    const tampered = row.secretEncrypted.slice(0, mid) + (row.secretEncrypted[mid] === "A" ? "B" : "A") + row.secretEncrypted.slice(mid + 1);
    expect(decryptSecret(tampered)).toBeNull();
  });
});

describe("GitHub webhooks", () => {
  it("refuses a bad signature and stores nothing", async () => {
    const res = await githubRequest("deployment_status", deploymentStatus(1, "success", "2026-03-02T10:00:00Z", "s1"), { secret: "wrong" });
    expect(res.status).toBe(401);
    expect(await db.deployment.count()).toBe(0);
    expect(await db.webhookDelivery.count()).toBe(0);
  });

  it("records a successful deployment_status as a deployment of the repository's service, under the source's default team", async () => {
    const res = await githubRequest("deployment_status", deploymentStatus(1, "success", "2026-03-02T10:00:00Z", "s1"), { deliveryId: "fixed-1" });
    expect(res.status).toBe(200);
    const d = await db.deployment.findFirstOrThrow({ include: { service: true } });
    expect(d).toMatchObject({ externalId: "1", environment: "production", status: "success", commitSha: "s1", service: { name: "northwind/web", teamId } });
    expect(d.finishedAt.toISOString()).toBe("2026-03-02T10:00:00.000Z");
  });

  it("answers a repeated delivery with duplicate and changes nothing", async () => {
    const res = await githubRequest("deployment_status", deploymentStatus(1, "failure", "2026-03-02T11:00:00Z", "s1"), { deliveryId: "fixed-1" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, duplicate: true });
    expect((await db.deployment.findFirstOrThrow()).status).toBe("success");
  });

  it("ignores non-final deployment states and untracked events with 202", async () => {
    expect((await githubRequest("deployment_status", deploymentStatus(2, "in_progress", "2026-03-03T10:00:00Z", "s2"))).status).toBe(202);
    expect((await githubRequest("star", { action: "created", repository, sender })).status).toBe(202);
    expect(await db.deployment.count()).toBe(1);
  });

  it("builds a pull request from opened, review and merged events", async () => {
    expect((await githubRequest("pull_request", { action: "opened", number: 42, pull_request: pullRequest(), repository, sender })).status).toBe(200);
    const review = { id: 5, user: { login: "bob", id: 11, type: "User" }, body: "LGTM", state: "approved", submitted_at: "2026-03-03T09:00:00Z" };
    expect((await githubRequest("pull_request_review", { action: "submitted", review, pull_request: pullRequest(), repository, sender })).status).toBe(200);
    const merged = pullRequest({ state: "closed", merged: true, merged_at: "2026-03-03T10:00:00Z", closed_at: "2026-03-03T10:00:00Z", merge_commit_sha: "m42" });
    expect((await githubRequest("pull_request", { action: "closed", number: 42, pull_request: merged, repository, sender })).status).toBe(200);
    const pr = await db.pullRequest.findFirstOrThrow({ include: { reviews: true } });
    expect(pr).toMatchObject({ externalId: "42", author: "ann", mergeCommitSha: "m42", aiAssisted: true });
    expect(pr.mergedAt?.toISOString()).toBe("2026-03-03T10:00:00.000Z");
    expect(pr.firstReviewAt?.toISOString()).toBe("2026-03-03T09:00:00.000Z");
    expect(pr.reviews.map((r) => r.author)).toEqual(["bob"]);
  });

  it("turns only issues with the incident label into incidents, resolved when closed", async () => {
    const issue = (labels: string[], state: string, closedAt: string | null) => ({
      id: 9, number: 7, title: "Checkout down", state, user: sender, labels: labels.map((name, id) => ({ id, name })),
      created_at: "2026-03-05T08:00:00Z", updated_at: "2026-03-05T08:00:00Z", closed_at: closedAt,
    });
    expect((await githubRequest("issues", { action: "opened", issue: issue(["bug"], "open", null), repository, sender })).status).toBe(202);
    expect(await db.incident.count()).toBe(0);
    await db.orgSettings.update({ where: { id: 1 }, data: { incidentLabel: "Production-Incident" } });
    expect((await githubRequest("issues", { action: "opened", issue: issue(["production-incident", "sev2"], "open", null), repository, sender })).status).toBe(200);
    expect(await db.incident.findFirstOrThrow()).toMatchObject({ externalId: "7", severity: "sev2", resolvedAt: null });
    await githubRequest("issues", { action: "closed", issue: issue(["production-incident", "sev2"], "closed", "2026-03-05T09:30:00Z"), repository, sender });
    expect((await db.incident.findFirstOrThrow()).resolvedAt?.toISOString()).toBe("2026-03-05T09:30:00.000Z");
    expect(await db.incident.count()).toBe(1);
  });
});

describe("GitHub redeliveries", () => {
  // "Redeliver" in GitHub's settings (or a relay replaying its queue) sends the same event under a new delivery id.
  it("does not count a deployment status again when it is resent under a new delivery id, even after a newer one", async () => {
    const failed = deploymentStatus(300, "failure", "2026-03-09T10:00:00Z", "s300");
    const fixed = { ...deploymentStatus(300, "success", "2026-03-09T10:30:00Z", "s300"), deployment_status: { ...deploymentStatus(300, "success", "2026-03-09T10:30:00Z", "s300").deployment_status, id: 3001 } };
    expect((await githubRequest("deployment_status", failed)).status).toBe(200);
    expect((await githubRequest("deployment_status", fixed)).status).toBe(200);
    const audits = await db.auditLog.count();
    const res = await githubRequest("deployment_status", failed);
    expect(await res.json()).toEqual({ ok: true, duplicate: true });
    const deployment = await db.deployment.findFirstOrThrow({ where: { externalId: "300" } });
    expect(deployment.status).toBe("success");
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("does not apply a pull request's event or review twice when resent under a new delivery id", async () => {
    const opened = { action: "opened", number: 77, pull_request: pullRequest({ id: 770, number: 77, updated_at: "2026-03-09T08:00:00Z" }), repository, sender };
    const merged = {
      action: "closed", number: 77, repository, sender,
      pull_request: pullRequest({ id: 770, number: 77, state: "closed", merged: true, merged_at: "2026-03-09T12:00:00Z", closed_at: "2026-03-09T12:00:00Z", updated_at: "2026-03-09T12:00:00Z", merge_commit_sha: "m77" }),
    };
    expect((await githubRequest("pull_request", opened)).status).toBe(200);
    expect((await githubRequest("pull_request", merged)).status).toBe(200);
    const audits = await db.auditLog.count();
    expect(await (await githubRequest("pull_request", merged)).json()).toEqual({ ok: true, duplicate: true });
    expect(await (await githubRequest("pull_request", opened)).json()).toEqual({ ok: true, duplicate: true });
    const pr = await db.pullRequest.findFirstOrThrow({ where: { externalId: "77" } });
    expect(pr.mergedAt?.toISOString()).toBe("2026-03-09T12:00:00.000Z");
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("still takes a new state of the same object", async () => {
    const labelled = { action: "labeled", number: 77, pull_request: pullRequest({ id: 770, number: 77, state: "closed", merged: true, merged_at: "2026-03-09T12:00:00Z", updated_at: "2026-03-09T13:00:00Z", merge_commit_sha: "m77", labels: [] }), repository, sender };
    expect(await (await githubRequest("pull_request", labelled)).json()).toEqual({ ok: true, kind: "pullRequest" });
  });
});

describe("GitLab webhooks", () => {
  const project = { id: 15, name: "api", path_with_namespace: "northwind/api", web_url: "https://gitlab.example.com/northwind/api" };

  it("refuses a wrong token", async () => {
    const res = await gitlabRequest("Deployment Hook", { object_kind: "deployment" }, "nope");
    expect(res.status).toBe(401);
  });

  it("records deployments, merge requests and labelled issues", async () => {
    const deployment = {
      object_kind: "deployment", status: "success", status_changed_at: "2026-03-04 11:00:00 +0100", deployment_id: 15, deployable_id: 796,
      environment: "production", project, short_sha: "279484c0", user: { id: 1, username: "root" },
      commit_url: "https://gitlab.example.com/northwind/api/-/commit/279484c09fbe69ededfced8c1bb6e6d24616b468", commit_title: "Add a feature",
    };
    expect((await gitlabRequest("Deployment Hook", deployment)).status).toBe(200);
    const d = await db.deployment.findFirstOrThrow({ where: { service: { name: "northwind/api" } } });
    expect(d.commitSha).toBe("279484c09fbe69ededfced8c1bb6e6d24616b468");
    expect(d.finishedAt.toISOString()).toBe("2026-03-04T10:00:00.000Z");
    expect((await db.service.findUniqueOrThrow({ where: { name: "northwind/api" } })).teamId).toBeNull();

    const mr = {
      object_kind: "merge_request", event_type: "merge_request", user: { id: 1, name: "Administrator", username: "root" }, project, labels: [],
      object_attributes: { id: 99, iid: 1, title: "MS-Viewport", author_id: 51, state: "merged", action: "merge", created_at: "2026-03-02 14:00:00 UTC",
        updated_at: "2026-03-03 10:00:00 UTC", merge_commit_sha: "279484c09fbe69ededfced8c1bb6e6d24616b468" },
    };
    expect((await gitlabRequest("Merge Request Hook", mr)).status).toBe(200);
    const pr = await db.pullRequest.findFirstOrThrow({ where: { service: { name: "northwind/api" } } });
    expect(pr).toMatchObject({ externalId: "1", author: "51", mergeCommitSha: "279484c09fbe69ededfced8c1bb6e6d24616b468" });

    const issue = {
      object_kind: "issue", event_type: "issue", user: { id: 1, username: "root" }, project,
      labels: [{ id: 206, title: "production-incident" }],
      object_attributes: { id: 301, iid: 23, title: "API errors", state: "closed", action: "close", created_at: "2026-03-05 08:00:00 UTC", closed_at: "2026-03-05 08:45:00 UTC", updated_at: "2026-03-05 08:45:00 UTC" },
    };
    expect((await gitlabRequest("Issue Hook", issue)).status).toBe(200);
    const incident = await db.incident.findFirstOrThrow({ where: { service: { name: "northwind/api" } } });
    expect(incident.resolvedAt?.toISOString()).toBe("2026-03-05T08:45:00.000Z");
  });
});
