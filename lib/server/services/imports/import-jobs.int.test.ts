import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { createApiToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { runJob, waitForJob } from "@/lib/server/jobs/queue";
import { previewImport } from "./preview";
import { getImport, listImports } from "./queries";
import { awaitImport, queueImport } from "./run";
import { storeUpload } from "./storage";

// An import runs as an `import.run` job: claimed and queued in one transaction, run by a worker as whoever
// asked for it (their right checked again then), once.
const NOW = new Date("2026-03-12T12:00:00Z");
let defects: string;
let payments: string;

async function* bytesOf(content: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(content);
}

async function manager(email: string): Promise<SessionUser> {
  const row = await db.user.create({ data: { email, name: email, role: "MANAGER", managedTeams: { create: { teamId: payments } } } });
  return { id: row.id, email, name: email, role: "MANAGER", managedTeamIds: [payments] };
}

const actorOf = (user: SessionUser): Actor => ({ userId: user.id, label: user.email });

async function uploaded(user: SessionUser, week: string, value: number): Promise<string> {
  const id = await storeUpload({ kind: "metric-values", fileName: "values.csv", bytes: bytesOf(`team,metric,week,value\npayments,escaped_defects,${week},${value}\n`), actor: actorOf(user), user });
  await previewImport(id, {}, actorOf(user), user, NOW);
  return id;
}

const valueAt = async (week: string) =>
  (await db.metricValue.findUnique({ where: { metricId_teamId_weekStart: { metricId: defects, teamId: payments, weekStart: new Date(week) } } }))?.value ?? null;

const OPTIONS = { skipInvalid: false, createUnknown: false };
/** An `import.run` job's payload, as `queueImport` stores it. */
const jobPayload = (importId: string, user: SessionUser) => ({ importId, options: OPTIONS, actor: { userId: user.id, label: user.email } });

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  payments = (await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } })).id;
  defects = (await db.metricDefinition.findUniqueOrThrow({ where: { key: "escaped_defects" } })).id;
});

describe("imports as jobs", () => {
  it("queues the run as a job the worker runs to the end; the import can be waited on and is not run twice", async () => {
    const ada = await manager("ada.jobs@example.com");
    const id = await uploaded(ada, "2026-02-02", 4);
    const { jobId } = await queueImport(id, OPTIONS, actorOf(ada), ada, NOW);
    // Claimed at once: a second run is refused while the first is queued or running.
    await expect(queueImport(id, OPTIONS, actorOf(ada), ada, NOW)).rejects.toMatchObject({ status: 409 });
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ kind: "import.run" });
    const state = await awaitImport(id, jobId, true, actorOf(ada), ada);
    expect(state.finished).toBe(true);
    expect(state.import).toMatchObject({ status: "COMPLETED", created: 1 });
    expect(await waitForJob(jobId, 30_000)).toMatchObject({ status: "DONE" });
    expect(await valueAt("2026-02-02")).toBe(4);

    // The job run again (a worker that crashed after the commit) finds the import finished and leaves it.
    await db.metricValue.updateMany({ where: { metricId: defects, teamId: payments, weekStart: new Date("2026-02-02") }, data: { value: 9 } });
    await db.job.update({ where: { id: jobId }, data: { status: "QUEUED" } });
    await runJob(jobId, "test-worker");
    expect(await waitForJob(jobId, 30_000)).toMatchObject({ status: "DONE" });
    expect(await valueAt("2026-02-02")).toBe(9);
    expect((await getImport(id, { user: ada, tokenId: null })).created).toBe(1);
  });

  it("runs as whoever asked, checked again when the job runs: a user deactivated meanwhile imports nothing", async () => {
    const bo = await manager("bo.jobs@example.com");
    const id = await uploaded(bo, "2026-02-09", 5);
    // Deactivated between the click and the run: the queued job must not act with their old rights.
    const { jobId } = await queueDeactivating(id, bo);
    expect(await waitForJob(jobId, 30_000)).toMatchObject({ status: "DONE" });
    const row = await db.import.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "FAILED", created: 0 });
    expect(row.error).toMatch(/no longer active.*Nothing was imported/);
    expect(await valueAt("2026-02-09")).toBeNull();
  });

  it("an API token revoked between the click and the run imports nothing", async () => {
    const token = await createApiToken({ name: "nightly loader", scopes: ["ingest"] });
    const actor = { userId: null, label: "token:nightly loader", tokenId: token.id };
    const id = await storeUpload({ kind: "metric-values", fileName: "values.csv", bytes: bytesOf("team,metric,week,value\npayments,escaped_defects,2026-02-23,7\n"), actor, user: null });
    await previewImport(id, {}, actor, null, NOW);
    await db.import.update({ where: { id }, data: { status: "VALIDATING", startedAt: NOW } });
    await db.apiToken.update({ where: { id: token.id }, data: { revokedAt: NOW } });
    const job = await db.job.create({ data: { kind: "import.run", payload: { importId: id, options: OPTIONS, actor }, status: "QUEUED", createdAt: NOW } });
    await runJob(job.id, "test-worker");
    expect(await waitForJob(job.id, 30_000)).toMatchObject({ status: "DONE" });
    const row = await db.import.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "FAILED", created: 0 });
    expect(row.error).toMatch(/API token .* revoked.*Nothing was imported/);
    expect(await valueAt("2026-02-23")).toBeNull();
  });

  it("reads as under way while its job is, however long it waited, and as interrupted once the job ended without it", async () => {
    const di = await manager("di.jobs@example.com");
    const id = await uploaded(di, "2026-03-02", 8);
    // Queued two hours ago behind long imports; a worker has just taken it.
    const queuedAt = new Date(NOW.getTime() - 2 * 3_600_000);
    await db.import.update({ where: { id }, data: { status: "VALIDATING", startedAt: queuedAt } });
    const job = await db.job.create({ data: { kind: "import.run", payload: jobPayload(id, di), status: "RUNNING", lockedBy: "elsewhere", createdAt: queuedAt } });
    expect(await getImport(id, { user: di, tokenId: null }, NOW)).toMatchObject({ status: "VALIDATING", error: null, waitingForWorker: false });
    // Under way, so it is not run a second time, however long ago it was queued.
    await expect(queueImport(id, OPTIONS, actorOf(di), di, NOW)).rejects.toMatchObject({ status: 409 });
    expect(await db.job.count({ where: { kind: "import.run", payload: { path: ["importId"], equals: id } } })).toBe(1);
    // The job failed for good without finishing it: interrupted, and the list says so too.
    await db.job.update({ where: { id: job.id }, data: { status: "FAILED", lockedBy: null } });
    const expected = { status: "FAILED", error: expect.stringMatching(/interrupted.*Run it again/) };
    expect(await getImport(id, { user: di, tokenId: null }, NOW)).toMatchObject(expected);
    expect((await listImports({ user: di, tokenId: null }, 100, NOW)).find((i) => i.id === id)).toMatchObject(expected);
    // As it reads, so it runs: it can be run again, and this run completes.
    const again = await queueImport(id, OPTIONS, actorOf(di), di, NOW);
    expect((await awaitImport(id, again.jobId, true, actorOf(di), di)).import).toMatchObject({ status: "COMPLETED", created: 1 });
  });

  it("a manager who lost the team meanwhile gets a failed import naming why, and nothing written", async () => {
    const cy = await manager("cy.jobs@example.com");
    const id = await uploaded(cy, "2026-02-16", 6);
    await db.import.update({ where: { id }, data: { status: "VALIDATING", startedAt: NOW } });
    await db.teamManager.deleteMany({ where: { userId: cy.id } });
    await db.user.update({ where: { id: cy.id }, data: { role: "VIEWER" } });
    const job = await db.job.create({ data: { kind: "import.run", payload: jobPayload(id, cy), status: "QUEUED", createdAt: NOW } });
    await runJob(job.id, "test-worker");
    await waitForJob(job.id, 30_000);
    const row = await db.import.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "FAILED" });
    expect(row.error).toMatch(/may no longer be run.*Nothing was imported/);
    expect(await valueAt("2026-02-16")).toBeNull();
  });
});

/** Queues the run and deactivates the user in the same breath, before any worker can take the job. */
async function queueDeactivating(id: string, user: SessionUser) {
  await db.import.update({ where: { id }, data: { status: "VALIDATING", startedAt: NOW } });
  await db.user.update({ where: { id: user.id }, data: { active: false } });
  const job = await db.job.create({ data: { kind: "import.run", payload: jobPayload(id, user), status: "QUEUED", createdAt: NOW } });
  await runJob(job.id, "test-worker");
  return { jobId: job.id };
}
