import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postDeployments } from "@/app/api/v1/deployments/route";
import { GET as getJobRoute } from "@/app/api/v1/jobs/[id]/route";
import { POST as retryRoute } from "@/app/api/v1/jobs/[id]/retry/route";
import { GET as listJobsRoute } from "@/app/api/v1/jobs/route";
import { GET as getSummary } from "@/app/api/v1/delivery/route";
import { createApiToken } from "@/lib/server/auth/tokens";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { addGraphileJob, failJobRun, getJob, insertJob, startJobRun } from "@/lib/server/data/jobs";
import { inSqlTransaction, openSql } from "@/lib/server/data/runner";
import { isEmbedded } from "@/lib/server/env";
import { enqueueJob, kickLocal, waitForJob, whenIdle } from "@/lib/server/jobs/queue";
import { updateService } from "@/lib/server/services/org-admin";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";

/**
 * Background jobs end to end over HTTP: ingestion answers after the commit with the recompute job, which a
 * client waits on to read its own writes; queued jobs coalesce; a spent job is retried by an admin; a job a
 * dead process left behind runs again.
 */
let actingAs: SessionUser | null = null;
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => actingAs }));

const ADMIN: SessionUser = { id: "admin-1", email: "admin@example.com", name: "Admin", role: "ADMIN", managedTeamIds: [] } as SessionUser;
const VIEWER: SessionUser = { id: "viewer-1", email: "viewer@example.com", name: "Viewer", role: "VIEWER", managedTeamIds: [] } as SessionUser;

let host: HttpHost;
let token = "";
let teamId = "";

async function call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, bearer: string | null = token): Promise<{ status: number; json: T }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const response = await fetch(`${host.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as T };
}

const deployment = (externalId: string, finishedAt: string) => ({
  externalId, service: "jobs-api", team: "jobs-team", environment: "production", status: "success", finishedAt, commitSha: `sha-${externalId}`,
});

async function deploymentsValue(week: string): Promise<number | null> {
  const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key: "deployments" } });
  const row = await db.metricValue.findUnique({ where: { metricId_teamId_weekStart: { metricId: metric.id, teamId, weekStart: new Date(week) } } });
  return row?.value ?? null;
}

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Eng", slug: "eng-jobs" } });
  teamId = (await db.team.create({ data: { name: "Jobs team", slug: "jobs-team", groupId: group.id, location: "Berlin" } })).id;
  token = (await createApiToken({ name: "ci", scopes: ["ingest"] })).token;
  host = await serveRoutes({
    "POST /api/v1/deployments": postDeployments,
    "GET /api/v1/jobs": listJobsRoute,
    "GET /api/v1/jobs/[id]": getJobRoute,
    "POST /api/v1/jobs/[id]/retry": retryRoute,
    "GET /api/v1/delivery": getSummary,
  });
});

afterAll(async () => {
  actingAs = null;
  await host?.close();
});

describe("background jobs", () => {
  it("answers an ingestion batch after the commit and lets the client wait for the recomputed figures", async () => {
    const posted = await call<{ created: number; recomputing: boolean; job: { id: string; url: string } }>("POST", "/api/v1/deployments", [
      deployment("j1", "2026-02-02T10:00:00Z"),
      deployment("j2", "2026-02-03T10:00:00Z"),
    ]);
    expect(posted.status).toBe(200);
    expect(posted.json).toMatchObject({ created: 2, recomputing: true, job: { url: `/api/v1/jobs/${posted.json.job.id}` } });

    const waited = await call<{ job: { status: string; result: { teams: number } } }>("GET", `${posted.json.job.url}?wait=30`);
    expect(waited.status).toBe(200);
    expect(waited.json.job).toMatchObject({ status: "DONE", result: { teams: 1 } });
    expect(await deploymentsValue("2026-02-02")).toBe(2);

    // The Delivery summary says the weekly values are current, and since when.
    actingAs = ADMIN;
    const summary = await call<{ weekly: { pending: boolean; lastComputedAt: string | null } }>("GET", "/api/v1/delivery?team=jobs-team&from=2026-02-01&to=2026-02-28", undefined, null);
    expect(summary.json.weekly.pending).toBe(false);
    expect(summary.json.weekly.lastComputedAt).not.toBeNull();
    actingAs = null;
  });

  it("lets only admins and ingest tokens read jobs, and only admins list and retry them", async () => {
    const posted = await call<{ job: { id: string } }>("POST", "/api/v1/deployments", [deployment("j3", "2026-02-10T10:00:00Z")]);
    const read = await createApiToken({ name: "dash", scopes: ["read"] });
    expect((await call("GET", `/api/v1/jobs/${posted.json.job.id}`, undefined, read.token)).status).toBe(403);
    actingAs = VIEWER;
    expect((await call("GET", `/api/v1/jobs/${posted.json.job.id}`, undefined, null)).status).toBe(403);
    expect((await call("GET", "/api/v1/jobs", undefined, null)).status).toBe(403);
    expect((await call("POST", `/api/v1/jobs/${posted.json.job.id}/retry`, undefined, null)).status).toBe(403);
    actingAs = ADMIN;
    const list = await call<{ jobs: { id: string; label: string }[]; counts: Record<string, number> }>("GET", "/api/v1/jobs", undefined, null);
    expect(list.status).toBe(200);
    expect(list.json.jobs.map((j) => j.id)).toContain(posted.json.job.id);
    expect(list.json.jobs[0]).not.toHaveProperty("payload");
    expect((await call("GET", "/api/v1/jobs/job_unknown", undefined, null)).status).toBe(404);
    expect((await call("GET", "/api/v1/jobs?status=sleeping", undefined, null)).status).toBe(400);
    actingAs = null;
    await waitForJob(posted.json.job.id, 30_000);
  });

  it("folds a second batch into a recompute that has not started: one job covers both", async () => {
    const { first, second } = await inSqlTransaction(async (tx) => {
      const first = await enqueueJob(tx, "delivery.recompute", { delivery: [[teamId, Date.parse("2026-03-02T10:00:00Z"), Date.parse("2026-03-02T10:00:00Z")]], flow: [] }, new Date());
      const second = await enqueueJob(tx, "delivery.recompute", { delivery: [[teamId, Date.parse("2026-03-20T10:00:00Z"), Date.parse("2026-03-20T10:00:00Z")]], flow: [] }, new Date());
      return { first, second };
    });
    expect(second).toBe(first);
    const job = await getJob(await openSql(), first);
    expect(job?.payload).toEqual({ delivery: [[teamId, Date.parse("2026-03-02T10:00:00Z"), Date.parse("2026-03-20T10:00:00Z")]], flow: [] });
    kickLocal();
    expect(await waitForJob(first, 30_000)).toMatchObject({ status: "DONE" });
  });

  it("runs a failed job again when an admin retries it, its attempts starting over", async () => {
    const id = await inSqlTransaction((tx) => enqueueJob(tx, "delivery.recompute-teams", { teams: [teamId] }, new Date()));
    // As a run that failed on its last attempt leaves it (taken before any worker sees it on the embedded database).
    const sql = await openSql();
    await db.job.update({ where: { id }, data: { attempts: 4 } });
    if (isEmbedded) {
      expect(await startJobRun(sql, id, "test", new Date())).not.toBeNull();
      await failJobRun(sql, id, "database went away", true, new Date());
    } else {
      // graphile-worker may already be running it: let it finish, then record the spent failure.
      await waitForJob(id, 30_000);
      await failJobRun(sql, id, "database went away", true, new Date());
    }
    expect(await getJob(sql, id)).toMatchObject({ status: "FAILED", error: "database went away" });

    actingAs = ADMIN;
    const retried = await call<{ job: { status: string; error: string | null } }>("POST", `/api/v1/jobs/${id}/retry`, undefined, null);
    expect(retried.status).toBe(200);
    expect(retried.json.job.status).not.toBe("FAILED");
    expect(await waitForJob(id, 30_000)).toMatchObject({ status: "DONE", attempts: 1, error: null });
    // Retrying a job that did not fail is refused.
    expect((await call("POST", `/api/v1/jobs/${id}/retry`, undefined, null)).status).toBe(409);
    actingAs = null;
  });

  it("recomputes both teams' history when a service moves to another team", async () => {
    await whenIdle(30_000);
    const group = await db.group.findFirstOrThrow({ where: { slug: "eng-jobs" } });
    const other = await db.team.create({ data: { name: "Other", slug: "jobs-other", groupId: group.id, location: "Berlin" } });
    const service = await db.service.findUniqueOrThrow({ where: { name: "jobs-api" } });
    expect(await deploymentsValue("2026-02-02")).toBe(2);
    await updateService({ userId: null, label: "test" }, service.id, { teamId: other.id });
    expect(await whenIdle(30_000)).toBe(true);
    expect(await deploymentsValue("2026-02-02")).toBe(0);
    const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key: "deployments" } });
    const moved = await db.metricValue.findUnique({ where: { metricId_teamId_weekStart: { metricId: metric.id, teamId: other.id, weekStart: new Date("2026-02-02") } } });
    expect(moved?.value).toBe(2);
  });
});

describe.runIf(!isEmbedded)("a worker that died", () => {
  it("releases the jobs it held at once, instead of after graphile-worker's hours, and they run", async () => {
    // A worker on another machine took the job (in the transaction that queued it, so no live worker saw it
    // free) and stopped sending heartbeats two minutes ago.
    const id = await inSqlTransaction(async (tx) => {
      const id = await insertJob(tx, { kind: "delivery.recompute-teams", payload: { teams: [teamId] }, now: new Date() });
      await addGraphileJob(tx, { id, queue: "delivery", maxAttempts: 5 });
      await tx.query(`UPDATE graphile_worker._private_jobs SET locked_by = 'dead-worker', locked_at = now() WHERE payload->>'jobId' = $1`, [id]);
      await tx.query(`UPDATE graphile_worker._private_job_queues SET locked_by = 'dead-worker', locked_at = now() WHERE queue_name = 'delivery'`);
      await tx.query(`INSERT INTO "JobWorker" ("id", "host", "pid", "startedAt", "beatAt") VALUES ('dead-worker', 'gone', 1, now() - interval '1 hour', now() - interval '2 minutes')`);
      return id;
    });
    expect((await getJob(await openSql(), id))?.status).toBe("QUEUED");
    // The live worker's next heartbeat (every 10 s) unlocks it; then it runs.
    expect(await waitForJob(id, 45_000)).toMatchObject({ status: "DONE" });
    expect(await db.jobWorker.count({ where: { id: "dead-worker" } })).toBe(0);
  });
});
