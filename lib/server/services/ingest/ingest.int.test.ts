import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postDeployments } from "@/app/api/v1/deployments/route";
import { POST as postIncidents } from "@/app/api/v1/incidents/route";
import { POST as postPullRequests } from "@/app/api/v1/pull-requests/route";
import { POST as postWorkItems } from "@/app/api/v1/work-items/route";
import { createApiToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { waitForJob } from "@/lib/server/jobs/queue";

// Route handlers read the session through Auth.js, which needs the Next.js runtime; tests set the user directly.
// Integration files share one module cache, so the mock reads a global that every file's mock agrees on.
type TestUser = { id: string; email: string; name: string; role: "ADMIN" | "VIEWER"; managedTeamIds: string[] } | null;
const testGlobal = globalThis as { __pillarsTestUser?: TestUser };
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => (globalThis as { __pillarsTestUser?: unknown }).__pillarsTestUser ?? null }));
const session = {
  get user(): TestUser {
    return testGlobal.__pillarsTestUser ?? null;
  },
  set user(user: TestUser) {
    testGlobal.__pillarsTestUser = user;
  },
};

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const tokens = { ingest: "", read: "", revoked: "" };
let teamId = "";

async function post(handler: Handler, body: unknown, token: string | null = tokens.ingest) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await handler(new NextRequest("http://localhost/api/v1/x", { method: "POST", headers, body: JSON.stringify(body) }), {
    params: Promise.resolve({}),
  });
  const json = (await response.json()) as Record<string, unknown>;
  // The recompute runs as a background job after the answer; the reads below need its outcome.
  const job = json.job as { id: string } | null | undefined;
  if (job) await waitForJob(job.id, 30_000);
  return { status: response.status, json };
}

async function valueOf(key: string, week: string) {
  const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key } });
  const row = await db.metricValue.findUnique({ where: { metricId_teamId_weekStart: { metricId: metric.id, teamId, weekStart: new Date(week) } } });
  return row ? { value: row.value, numerator: row.numerator, denominator: row.denominator, source: row.source } : null;
}

const deployment = (externalId: string, finishedAt: string, extra: Record<string, unknown> = {}) => ({
  externalId, service: "pay-api", team: "payments", environment: "production", status: "success", finishedAt, commitSha: `sha-${externalId}`, ...extra,
});

afterAll(() => {
  session.user = null;
});

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Product", slug: "product" } });
  teamId = (await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } })).id;
  tokens.ingest = (await createApiToken({ name: "ci", scopes: ["ingest"] })).token;
  tokens.read = (await createApiToken({ name: "dashboards", scopes: ["read"] })).token;
  const revoked = await createApiToken({ name: "old", scopes: ["ingest"] });
  await db.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
  tokens.revoked = revoked.token;
});

describe("ingestion API: access", () => {
  it("refuses a request without a token, with a revoked token, or with only the read scope", async () => {
    const body = deployment("x-1", "2026-03-02T10:00:00Z");
    expect((await post(postDeployments, body, null)).status).toBe(401);
    expect((await post(postDeployments, body, tokens.revoked)).status).toBe(401);
    expect((await post(postDeployments, body, tokens.read)).status).toBe(403);
    expect(await db.deployment.count()).toBe(0);
  });

  it("accepts an admin's session but not a viewer's", async () => {
    session.user = { id: "u1", email: "viewer@example.com", name: "V", role: "VIEWER", managedTeamIds: [] };
    expect((await post(postWorkItems, { externalId: "s", team: "payments", type: "feature", createdAt: "2026-03-01T00:00:00Z", transitions: [] }, null)).status).toBe(403);
    session.user = { ...session.user, role: "ADMIN" };
    expect((await post(postWorkItems, { externalId: "s", team: "payments", type: "feature", createdAt: "2026-03-01T00:00:00Z", transitions: [] }, null)).status).toBe(200);
    session.user = null;
    await db.workItem.deleteMany();
  });
});

describe("ingestion API: batches", () => {
  it("rejects a whole batch with the failing item's index and field, storing nothing", async () => {
    const batch = [0, 1, 2, 3].map((i) => deployment(`bad-${i}`, `2026-03-0${i + 2}T10:00:00Z`));
    delete (batch[3] as Partial<(typeof batch)[number]>).finishedAt;
    const res = await post(postDeployments, batch);
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: "3.finishedAt", message: expect.any(String) }]);
    expect(await db.deployment.count()).toBe(0);
    expect(await db.service.count()).toBe(0);
  });

  it("reports an unknown team slug on its item and stores nothing", async () => {
    const res = await post(postDeployments, [deployment("a", "2026-03-02T10:00:00Z"), deployment("b", "2026-03-02T11:00:00Z", { team: "nope" })]);
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: "1.team", message: 'no team with slug "nope"' }]);
    expect(await db.deployment.count()).toBe(0);
  });

  it("creates unknown services: attached to the named team, or left unassigned", async () => {
    const res = await post(postPullRequests, {
      externalId: "1", service: "acme/unmapped", author: "ann", createdAt: "2026-03-02T10:00:00Z", commits: [],
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ received: 1, created: 1, updated: 0, unassignedServices: ["acme/unmapped"] });
    expect((await db.service.findUniqueOrThrow({ where: { name: "acme/unmapped" } })).teamId).toBeNull();
  });
});

describe("delivery recompute", () => {
  it("stores a service's weekly DORA values and is idempotent on externalId", async () => {
    // D1 is the service's first deployment (ships nothing); D2 ships PR 1; D3 fails the next week.
    const deployments = [
      deployment("d1", "2026-03-02T10:00:00Z"),
      deployment("d2", "2026-03-04T10:00:00Z"),
      deployment("d3", "2026-03-10T10:00:00Z", { status: "failure" }),
    ];
    const first = await post(postDeployments, deployments);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ received: 3, created: 3, updated: 0, unassignedServices: [] });
    const again = await post(postDeployments, deployments);
    expect(again.json).toMatchObject({ received: 3, created: 0, updated: 3 });
    expect(await db.deployment.count()).toBe(3);
    expect((await db.service.findUniqueOrThrow({ where: { name: "pay-api" } })).teamId).toBe(teamId);

    const pr = {
      externalId: "1", service: "pay-api", author: "ann",
      createdAt: "2026-03-02T14:00:00Z", mergedAt: "2026-03-03T10:00:00Z", mergeCommitSha: "m1",
      commits: [{ sha: "c2", authoredAt: "2026-03-02T13:00:00Z" }, { sha: "c1", authoredAt: "2026-03-02T12:00:00Z" }],
      reviews: [{ author: "ann", submittedAt: "2026-03-02T15:00:00Z" }, { author: "bob", submittedAt: "2026-03-03T09:00:00Z" }],
    };
    expect((await post(postPullRequests, pr)).status).toBe(200);
    expect((await post(postPullRequests, [pr, pr])).json).toMatchObject({ received: 2, created: 0, updated: 1 });
    const stored = await db.pullRequest.findFirstOrThrow({ where: { externalId: "1", service: { name: "pay-api" } }, include: { commits: true, reviews: true } });
    expect(stored.commits).toHaveLength(2);
    expect(stored.reviews).toHaveLength(2);
    expect(stored.firstCommitAt?.toISOString()).toBe("2026-03-02T12:00:00.000Z");
    expect(stored.firstReviewAt?.toISOString()).toBe("2026-03-03T09:00:00.000Z");

    // Lead time of PR 1: coding 120 + opened→merged 1,200 + merged→deployed 1,440 = 2,760 minutes.
    expect(await valueOf("deployments", "2026-03-02")).toMatchObject({ value: 2, source: "COMPUTED" });
    expect(await valueOf("deploy_days", "2026-03-02")).toMatchObject({ value: 2 });
    expect(await valueOf("lead_time", "2026-03-02")).toMatchObject({ value: 2760 });
    expect(await valueOf("change_failure_rate", "2026-03-02")).toMatchObject({ value: 0, numerator: 0, denominator: 2 });
    expect(await valueOf("deployments", "2026-03-09")).toMatchObject({ value: 0 });
    expect(await valueOf("change_failure_rate", "2026-03-09")).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(await valueOf("recovery_time", "2026-03-02")).toBeNull();
  });

  it("re-scores the earlier week of the deployment a late incident links to", async () => {
    // Opened on Monday 9 March before D3: it links to D2 (the latest successful deployment before it).
    const res = await post(postIncidents, {
      externalId: "inc-1", service: "pay-api", severity: "sev2", openedAt: "2026-03-09T08:00:00Z", resolvedAt: "2026-03-09T09:30:00Z",
    });
    expect(res.status).toBe(200);
    expect(await valueOf("change_failure_rate", "2026-03-02")).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    // D2 finished 4 March 10:00; the incident was resolved 9 March 09:30: 5 days less 30 minutes.
    expect(await valueOf("recovery_time", "2026-03-02")).toMatchObject({ value: 7170 });
    expect(await valueOf("incidents", "2026-03-09")).toMatchObject({ value: 1 });
    expect(await valueOf("time_to_restore", "2026-03-09")).toMatchObject({ value: 90 });
    const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key: "change_failure_rate" } });
    const rollup = await db.metricRollup.findFirstOrThrow({ where: { metricId: metric.id, scopeType: "ORG", weekStart: new Date("2026-03-02") } });
    expect(rollup).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });

  it("keeps a hotfix's remediation and rework in the right weeks", async () => {
    // A hotfix on 11 March remediates D2's successor chain: the previous success (D2) counts as failed.
    const res = await post(postDeployments, deployment("d4", "2026-03-11T10:00:00Z", { kind: "hotfix" }));
    expect(res.status).toBe(200);
    expect(await valueOf("change_failure_rate", "2026-03-02")).toMatchObject({ numerator: 1, denominator: 2 });
    expect(await valueOf("rework_rate", "2026-03-09")).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(await valueOf("deployments", "2026-03-09")).toMatchObject({ value: 1 });
  });
});

describe("recompute writes", () => {
  const week = "2026-04-06";
  const moved = "2026-04-13";
  it("leaves unchanged values alone, drops values no event produces any more, and keeps entered values", async () => {
    expect((await post(postDeployments, [deployment("w1", "2026-04-07T10:00:00Z"), deployment("w2", "2026-04-08T10:00:00Z")])).status).toBe(200);
    const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key: "deployments" } });
    const cell = { metricId_teamId_weekStart: { metricId: metric.id, teamId, weekStart: new Date(week) } };
    const before = await db.metricValue.findUniqueOrThrow({ where: cell });
    expect(before).toMatchObject({ value: 2, source: "COMPUTED" });
    expect(await valueOf("change_failure_rate", week)).toMatchObject({ value: 0, numerator: 0, denominator: 2 });

    // The same batch again: nothing changes, so the stored row is not rewritten.
    expect((await post(postDeployments, [deployment("w1", "2026-04-07T10:00:00Z"), deployment("w2", "2026-04-08T10:00:00Z")])).status).toBe(200);
    const after = await db.metricValue.findUniqueOrThrow({ where: cell });
    expect({ version: after.version, updatedAt: after.updatedAt }).toEqual({ version: before.version, updatedAt: before.updatedAt });

    // A manager's value for the next week stands in for missing data and survives the recompute.
    const deployDays = await db.metricDefinition.findUniqueOrThrow({ where: { key: "deploy_days" } });
    await db.metricValue.create({ data: { metricId: deployDays.id, teamId, weekStart: new Date(moved), value: 4, source: "MANUAL" } });

    // Both deployments move to the next week: the first week's count drops to 0, the roll-up follows.
    expect((await post(postDeployments, [deployment("w1", "2026-04-14T10:00:00Z"), deployment("w2", "2026-04-15T10:00:00Z")])).status).toBe(200);
    expect(await valueOf("deployments", week)).toMatchObject({ value: 0, source: "COMPUTED" });
    expect(await valueOf("deploy_days", week)).toMatchObject({ value: 0, source: "COMPUTED" });
    // No production deployment that week: the rate has no denominator, so its value is gone.
    expect(await valueOf("change_failure_rate", week)).toBeNull();
    expect(await valueOf("deployments", moved)).toMatchObject({ value: 2, source: "COMPUTED" });
    expect(await valueOf("deploy_days", moved)).toMatchObject({ value: 4, source: "MANUAL" });
    const rollup = await db.metricRollup.findFirstOrThrow({ where: { metricId: metric.id, scopeType: "ORG", weekStart: new Date(week) } });
    expect(rollup.value).toBe(0);
    const movedRollup = await db.metricRollup.findFirstOrThrow({ where: { metricId: metric.id, scopeType: "ORG", weekStart: new Date(moved) } });
    expect(movedRollup.value).toBe(2);
  });
});

describe("flow recompute", () => {
  it("stores velocity, flow time, efficiency, load and allocation from work items", async () => {
    const items = [
      { externalId: "A", team: "payments", type: "feature", createdAt: "2026-03-01T09:00:00Z", transitions: [
        { status: "To Do", at: "2026-03-02T09:00:00Z" }, { status: "In Progress", at: "2026-03-02T10:00:00Z" },
        { status: "In Review", at: "2026-03-03T10:00:00Z" }, { status: "Done", at: "2026-03-04T10:00:00Z" }] },
      { externalId: "B", team: "payments", type: "defect", createdAt: "2026-03-01T09:00:00Z", transitions: [
        { status: "In Progress", at: "2026-03-03T00:00:00Z" }, { status: "Blocked", at: "2026-03-03T12:00:00Z" },
        { status: "In Progress", at: "2026-03-04T00:00:00Z" }, { status: "Done", at: "2026-03-04T12:00:00Z" }] },
      { externalId: "C", team: "payments", type: "debt", createdAt: "2026-03-01T09:00:00Z", transitions: [{ status: "In Progress", at: "2026-03-04T00:00:00Z" }] },
    ];
    const res = await post(postWorkItems, items);
    expect(res.status).toBe(200);
    const b = await db.workItem.findFirstOrThrow({ where: { externalId: "B" } });
    expect(b.startedAt?.toISOString()).toBe("2026-03-03T00:00:00.000Z");
    expect(b.finishedAt?.toISOString()).toBe("2026-03-04T12:00:00.000Z");
    expect(await valueOf("flow_velocity", "2026-03-02")).toMatchObject({ value: 2 });
    expect(await valueOf("flow_time", "2026-03-02")).toMatchObject({ value: 1.75 });
    // Active: A 2 days, B 0.5 + 0.5 days; flow: 2 + 1.5 days.
    const efficiency = await valueOf("flow_efficiency", "2026-03-02");
    expect(efficiency?.numerator).toBeCloseTo(3);
    expect(efficiency?.denominator).toBeCloseTo(3.5);
    expect(efficiency?.value).toBeCloseTo(85.714, 2);
    expect(await valueOf("flow_load", "2026-03-02")).toMatchObject({ value: 1 });
    expect(await valueOf("alloc_new_capability", "2026-03-02")).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(await valueOf("alloc_ktlo", "2026-03-02")).toMatchObject({ value: 50 });
    expect(await valueOf("alloc_debt", "2026-03-02")).toMatchObject({ value: 0, numerator: 0, denominator: 2 });
  });
});

describe("read APIs", () => {
  type GetHandler = (request: NextRequest, context: { params: Promise<never> }) => Promise<Response>;
  async function get<T = Record<string, unknown>>(handler: GetHandler, url: string, params: Record<string, string> = {}, token: string | null = tokens.read) {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const response = await handler(new NextRequest(`http://localhost${url}`, { headers }), { params: Promise.resolve(params) as Promise<never> });
    return { status: response.status, json: (await response.json()) as T };
  }
  const period = "team=payments&from=2026-03-02&to=2026-03-15";

  it("summarises the team's delivery from the events, with reference bands", async () => {
    const { GET } = await import("@/app/api/v1/delivery/route");
    expect((await get(GET, `/api/v1/delivery?${period}`, {}, tokens.ingest)).status).toBe(403);
    const { status, json } = await get(GET, `/api/v1/delivery?${period}`);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      scope: { type: "team", name: "Payments" },
      deployments: { count: 3 },
      // Pickup: opened 2 March 14:00 → Bob's review 3 March 09:00; review: → merged 10:00.
      leadTime: { median: 2760, count: 1, coding: 120, pickup: 1140, review: 60, deploy: 1440, band: "high" },
      // D2 (incident, then remediated by the hotfix) and D3 (failed) of four production deployments.
      changeFailureRate: { failed: 2, total: 4, rate: 0.5 },
      // D2: 7,170 minutes to the incident's resolution; D3: 1,440 minutes to the hotfix.
      recoveryTime: { median: 4305, count: 2 },
      timeToRestore: { median: 90, count: 1 },
      rework: { rework: 1, total: 4, rate: 0.25 },
      incidents: { opened: 1, bySeverity: { sev2: 1 } },
    });
    expect(json.benchmarks).toMatchObject({ note: expect.stringContaining("2025"), reports: [{ year: 2024 }, { year: 2023 }] });
  });

  it("lists the rows behind the numbers", async () => {
    type Rows = { deployments: { externalId: string; shippedChanges: number; causedFailure: boolean; failureReasons: string[]; incidents: string[] }[] };
    const deployments = await get<Rows>((await import("@/app/api/v1/delivery/deployments/route")).GET, `/api/v1/delivery/deployments?${period}`);
    const rows = deployments.json.deployments;
    expect(rows.map((r) => r.externalId)).toEqual(["d4", "d3", "d2", "d1"]);
    expect(rows[2]).toMatchObject({ shippedChanges: 1, causedFailure: true, failureReasons: ["incident", "remediated"], incidents: ["inc-1"] });
    expect(rows[3]).toMatchObject({ shippedChanges: 0, causedFailure: false });

    const changes = await get<{ changes: unknown[] }>((await import("@/app/api/v1/delivery/changes/route")).GET, `/api/v1/delivery/changes?${period}`);
    expect(changes.json.changes).toEqual([
      expect.objectContaining({ externalId: "1", deployment: "d2", coding: 120, pickup: 1140, review: 60, deploy: 1440, leadTime: 2760, countedInLeadTime: true }),
    ]);
    const incidents = await get<{ incidents: unknown[] }>((await import("@/app/api/v1/delivery/incidents/route")).GET, `/api/v1/delivery/incidents?${period}`);
    expect(incidents.json.incidents).toEqual([expect.objectContaining({ externalId: "inc-1", linkedDeployment: "d2", restoreMinutes: 90 })]);
  });

  it("explains one change and the deployment that shipped it", async () => {
    const { GET } = await import("@/app/api/v1/pull-requests/[externalId]/route");
    const { status, json } = await get(GET, "/api/v1/pull-requests/1?service=pay-api", { externalId: "1" });
    expect(status).toBe(200);
    expect(json).toMatchObject({ externalId: "1", service: "pay-api", breakdown: { leadTime: 2760, coding: 120 }, deployment: { externalId: "d2" } });
    expect((await get(GET, "/api/v1/pull-requests/9?service=pay-api", { externalId: "9" })).status).toBe(404);
  });

  it("summarises flow for the team", async () => {
    const { GET } = await import("@/app/api/v1/flow/route");
    const { json } = await get(GET, `/api/v1/flow?${period}`);
    expect(json).toMatchObject({ velocity: { total: 2, byType: { feature: 1, defect: 1, risk: 0, debt: 0 } }, flowTime: { medianDays: 1.75 }, load: { total: 1 } });
  });

  it("lets a manager enter allocation for weeks without work-item data, summing to 100", async () => {
    const { PUT } = await import("@/app/api/v1/allocation/route");
    const put = async (body: unknown) => {
      const response = await PUT(new NextRequest("http://localhost/api/v1/allocation", { method: "PUT", body: JSON.stringify(body) }), { params: Promise.resolve({}) });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    const entry = { team: "payments", fromWeek: "2026-03-16", toWeek: "2026-03-23", newCapability: 60, ktlo: 30, techDebt: 10 };
    session.user = { id: "m1", email: "manager@example.com", name: "M", role: "VIEWER", managedTeamIds: [] };
    expect((await put(entry)).status).toBe(403);
    session.user = { id: "m1", email: "manager@example.com", name: "M", role: "ADMIN", managedTeamIds: [] };
    expect((await put({ ...entry, techDebt: 20 })).status).toBe(400);
    expect((await put({ ...entry, fromWeek: "2026-03-02" })).status).toBe(409);
    expect(await put(entry)).toMatchObject({ status: 200, json: { weeks: 2 } });
    session.user = null;
    expect(await valueOf("alloc_new_capability", "2026-03-23")).toMatchObject({ value: 60, numerator: 60, denominator: 100, source: "MANUAL" });
  });
});
