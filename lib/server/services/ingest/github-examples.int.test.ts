import { createHmac } from "node:crypto";
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as github } from "@/app/api/webhooks/github/route";
import { db } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { createWebhookSource } from "@/lib/server/services/delivery/webhook-sources";

// The route module imports the session reader (Auth.js needs the Next.js runtime); webhooks never use it.
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => null }));

/**
 * Every example payload GitHub's own SDK publishes (@octokit/webhooks-examples, api.github.com) for the events
 * Pillars reads, sent signed through the real route: each is understood or deliberately ignored — never
 * refused, never a server error — and the ones that carry delivery data are stored.
 */
interface Example {
  action?: string;
  [key: string]: unknown;
}
const require = createRequire(import.meta.url);
const catalog = require("@octokit/webhooks-examples/api.github.com/index.json") as { name: string; examples: Example[] }[];
const examplesOf = (name: string) => catalog.find((e) => e.name === name)?.examples ?? [];

let secret = "";
let sequence = 0;

function send(event: string, payload: unknown) {
  const body = JSON.stringify(payload);
  const headers = {
    "content-type": "application/json",
    "x-github-event": event,
    "x-github-delivery": `example-${++sequence}`,
    "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
  };
  return github(new NextRequest("http://localhost/api/webhooks/github", { method: "POST", headers, body }));
}

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  const team = await db.team.create({ data: { name: "Core", slug: "core", groupId: group.id, location: "London" } });
  secret = (await createWebhookSource(SYSTEM_ACTOR, { provider: "github", name: "examples", defaultTeamId: team.id })).secret;
  // The examples label their issues "bug"; make that the incident label for this organisation.
  await db.orgSettings.update({ where: { id: 1 }, data: { incidentLabel: "bug" } });
});

describe("GitHub's published webhook examples", () => {
  for (const name of ["deployment_status", "pull_request", "pull_request_review", "issues"]) {
    it(`accepts or deliberately ignores every ${name} example`, async () => {
      const examples = examplesOf(name);
      expect(examples.length).toBeGreaterThan(0);
      for (const [i, example] of examples.entries()) {
        const res = await send(name, example);
        expect([200, 202], `${name} example ${i} (${example.action}) answered ${res.status}: ${await res.clone().text()}`).toContain(res.status);
      }
    });
  }

  it("stores the successful deployments, opened pull requests, submitted reviews and labelled incidents", async () => {
    const successful = examplesOf("deployment_status").filter((e) => (e.deployment_status as { state: string }).state === "success");
    const deploymentIds = successful.map((e) => String((e.deployment as { id: number }).id));
    const stored = await db.deployment.findMany({ where: { externalId: { in: deploymentIds } }, select: { status: true } });
    expect(stored.length).toBe(new Set(deploymentIds).size);
    expect(stored.every((d) => d.status === "success")).toBe(true);
    // "in_progress" is not a final state: not a deployment.
    const inProgress = examplesOf("deployment_status").find((e) => (e.deployment_status as { state: string }).state === "in_progress");
    if (inProgress) {
      const sameId = successful.some((e) => (e.deployment as { id: number }).id === (inProgress.deployment as { id: number }).id);
      if (!sameId) expect(await db.deployment.count({ where: { externalId: String((inProgress.deployment as { id: number }).id) } })).toBe(0);
    }

    const opened = examplesOf("pull_request").filter((e) => e.action === "opened");
    const numbers = [...new Set(opened.map((e) => String((e.pull_request as { number: number }).number)))];
    expect(await db.pullRequest.count({ where: { externalId: { in: numbers } } })).toBe(numbers.length);

    const reviews = examplesOf("pull_request_review").filter((e) => e.action === "submitted");
    expect(await db.pullRequestReview.count()).toBeGreaterThanOrEqual(new Set(reviews.map((e) => (e.review as { id: number }).id)).size > 0 ? 1 : 0);

    const incidents = examplesOf("issues").filter((e) => e.action === "opened");
    const issueNumbers = [...new Set(incidents.map((e) => String((e.issue as { number: number }).number)))];
    expect(await db.incident.count({ where: { externalId: { in: issueNumbers } } })).toBe(issueNumbers.length);
  });

  it("records a merge from a real closed pull_request payload once it is merged", async () => {
    const closed = examplesOf("pull_request").find((e) => e.action === "closed");
    expect(closed).toBeDefined();
    const pr = closed!.pull_request as Record<string, unknown>;
    const merged = { ...closed, pull_request: { ...pr, merged: true, merged_at: "2026-03-04T10:00:00Z", merge_commit_sha: "feedface" } };
    expect((await send("pull_request", merged)).status).toBe(200);
    const row = await db.pullRequest.findFirstOrThrow({ where: { externalId: String(pr.number), mergeCommitSha: "feedface" } });
    expect(row.mergedAt?.toISOString()).toBe("2026-03-04T10:00:00.000Z");
  });

  it("refuses a real payload whose signature does not match, and stores nothing", async () => {
    const before = await db.deployment.count();
    const body = JSON.stringify(examplesOf("deployment_status")[0]);
    const res = await github(
      new NextRequest("http://localhost/api/webhooks/github", {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "x-github-event": "deployment_status", "x-github-delivery": "forged", "x-hub-signature-256": `sha256=${"0".repeat(64)}` },
      }),
    );
    expect(res.status).toBe(401);
    expect(await db.deployment.count()).toBe(before);
  });
});
