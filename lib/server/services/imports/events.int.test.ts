import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { previewImport } from "./preview";
import { getImport, templateCsv } from "./queries";
import { runImport } from "./run";
import { storeUpload } from "./storage";
import { undoImport } from "./undo";

// Delivery events imported from CSV: written by the ingestion writers, recomputed like ingestion.
const NOW = new Date("2026-03-12T12:00:00Z");
let admin: SessionUser;
let teamId = "";
const actor = (): Actor => ({ userId: admin.id, label: admin.email });

async function* bytesOf(content: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(content);
}

const csv = (...lines: string[]) => lines.join("\r\n");

async function importFile(kind: string, content: string, options: { skipInvalid?: boolean } = {}) {
  const id = await storeUpload({ kind, fileName: `${kind}.csv`, bytes: bytesOf(content), actor: actor(), user: admin });
  const preview = await previewImport(id, {}, actor(), admin);
  const done = await runImport(id, { skipInvalid: options.skipInvalid ?? false, createUnknown: false }, actor(), admin, NOW);
  return { id, preview, done };
}

async function valueOf(key: string, week: string) {
  const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key } });
  const row = await db.metricValue.findUnique({ where: { metricId_teamId_weekStart: { metricId: metric.id, teamId, weekStart: new Date(week) } } });
  return row ? { value: row.value, numerator: row.numerator, denominator: row.denominator, source: row.source } : null;
}

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Product", slug: "product" } });
  teamId = (await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } })).id;
  const row = await db.user.create({ data: { email: "admin@example.com", name: "Ada Admin", role: "ADMIN" } });
  admin = { id: row.id, email: row.email, name: row.name, role: "ADMIN", managedTeamIds: [] };
});

const DEPLOYMENTS = csv(
  "External id,Service,Team,Environment,Status,Finished at,Commit SHA",
  "d1,pay-api,payments,production,success,2026-03-02T10:00:00Z,sha-d1",
  "d2,pay-api,Payments,production,success,2026-03-04 10:00,sha-d2", // a local time in the organisation's zone (UTC)
  "d3,pay-api,payments,production,failure,2026-03-10T10:00:00Z,sha-d3",
);

describe("deployments", () => {
  it("imports through the ingestion writer, recomputes, re-imports as a no-op, and undoes with a recompute", async () => {
    const first = await importFile("deployments", DEPLOYMENTS);
    expect(first.preview.problems).toEqual([]);
    expect(first.preview.mapping).toMatchObject({ externalId: 0, service: 1, team: 2, environment: 3, status: 4, finishedAt: 5, commitSha: 6 });
    expect(first.done).toMatchObject({ status: "COMPLETED", created: 3, updated: 0, unchanged: 0 });
    expect((await db.service.findUniqueOrThrow({ where: { name: "pay-api" } })).teamId).toBe(teamId);
    expect((await db.deployment.findFirstOrThrow({ where: { externalId: "d2" } })).finishedAt.toISOString()).toBe("2026-03-04T10:00:00.000Z");
    expect(await valueOf("deployments", "2026-03-02")).toMatchObject({ value: 2, source: "COMPUTED" });
    expect(await valueOf("change_failure_rate", "2026-03-09")).toMatchObject({ value: 100, numerator: 1, denominator: 1 });

    const again = await importFile("deployments", DEPLOYMENTS);
    expect(again.done).toMatchObject({ status: "COMPLETED", created: 0, updated: 0, unchanged: 3 });
    expect(await db.importChange.count({ where: { importId: again.id } })).toBe(0);

    expect(await undoImport(first.id, actor(), admin, NOW)).toEqual({ restored: 0, deleted: 3 });
    expect(await db.deployment.count()).toBe(0);
    expect((await valueOf("deployments", "2026-03-02"))?.value ?? 0).toBe(0);
    expect((await valueOf("change_failure_rate", "2026-03-09"))?.denominator ?? 0).toBe(0);

    // Imported again, then a corrected file (d3 succeeded after all), then that correction undone.
    expect((await importFile("deployments", DEPLOYMENTS)).done).toMatchObject({ created: 3 });
    const fixed = await importFile("deployments", DEPLOYMENTS.replace("failure", "success"));
    expect(fixed.done).toMatchObject({ status: "COMPLETED", created: 0, updated: 1, unchanged: 2 });
    expect(await valueOf("change_failure_rate", "2026-03-09")).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(await undoImport(fixed.id, actor(), admin, NOW)).toEqual({ restored: 1, deleted: 0 });
    expect((await db.deployment.findFirstOrThrow({ where: { externalId: "d3" } })).status).toBe("failure");
    expect(await valueOf("change_failure_rate", "2026-03-09")).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
  });

  it("fails the whole file on one bad row, naming the line and column", async () => {
    const { done } = await importFile("deployments", DEPLOYMENTS.replace("failure", "maybe"));
    expect(done.status).toBe("FAILED");
    expect(done.error).toMatch(/^Line 4, column "Status": Invalid option: expected one of "success"\|"failure"\. Nothing was imported\.$/);
    expect(await db.deployment.count()).toBe(3);
  });

  it("skips invalid rows when asked and lists them as rejects", async () => {
    const { id, done } = await importFile(
      "deployments",
      csv(
        "externalId,service,team,environment,status,finishedAt,commitSha",
        "e1,pay-api,payments,production,success,2026-02-02T10:00:00Z,sha-e1",
        "e2,pay-api,nowhere,production,success,2026-02-04T10:00:00Z,sha-e2",
        "e3,pay-api,payments,production,success,yesterday,sha-e3",
        "e4,pay-api,payments,production,success,2026-02-05T10:00:00Z,",
      ),
      { skipInvalid: true },
    );
    expect(done).toMatchObject({ status: "COMPLETED", created: 1, skipped: 3 });
    const summary = await getImport(id, { user: admin });
    expect(summary.rejects).toEqual([
      { line: 3, column: "team", message: 'Unknown team "nowhere". Create it first (Admin → Teams, or a teams import).' },
      { line: 4, column: "finishedAt", message: expect.stringContaining('"yesterday"') },
      { line: 5, column: "commitSha", message: "Commit SHA is required." },
    ]);
    expect(await valueOf("deployments", "2026-02-02")).toMatchObject({ value: 1 });
    expect(await undoImport(id, actor(), admin, NOW)).toEqual({ restored: 0, deleted: 1 });
    expect(await valueOf("deployments", "2026-02-02")).toMatchObject({ value: 0 });
  });
});

describe("pull requests and incidents", () => {
  it("import with the lead time and incident links the API gives, idempotently, and undo", async () => {
    const prs = await importFile(
      "pull-requests",
      csv(
        "externalId,service,author,createdAt,mergedAt,mergeCommitSha,firstCommitAt,firstReviewAt,labels",
        "1,pay-api,ann,2026-03-02T14:00:00Z,2026-03-03T10:00:00Z,m1,2026-03-02T12:00:00Z,2026-03-03T09:00:00Z,ai-assisted; payments",
      ),
    );
    expect(prs.preview.problems).toEqual([]);
    expect(prs.done).toMatchObject({ status: "COMPLETED", created: 1 });
    const pr = await db.pullRequest.findFirstOrThrow({ where: { externalId: "1" } });
    expect(pr).toMatchObject({ aiAssisted: true, labels: ["ai-assisted", "payments"], mergeCommitSha: "m1" });
    expect(pr.firstCommitAt?.toISOString()).toBe("2026-03-02T12:00:00.000Z");
    // Coding 120 + opened→merged 1,200 + merged→deployed (d2) 1,440 minutes, as after ingestion.
    expect(await valueOf("lead_time", "2026-03-02")).toMatchObject({ value: 2760 });

    const incidents = csv(
      "externalId,service,severity,openedAt,resolvedAt",
      "inc-1,pay-api,sev2,2026-03-09T08:00:00Z,2026-03-09T09:30:00Z",
    );
    const first = await importFile("incidents", incidents);
    expect(first.done).toMatchObject({ status: "COMPLETED", created: 1 });
    expect(await valueOf("change_failure_rate", "2026-03-02")).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(await valueOf("time_to_restore", "2026-03-09")).toMatchObject({ value: 90 });
    expect((await importFile("incidents", incidents)).done).toMatchObject({ created: 0, updated: 0, unchanged: 1 });

    const bad = await importFile("incidents", csv("externalId,service,openedAt", "inc-2,pay-api,"));
    expect(bad.done.error).toBe('Line 2, column "openedAt": Opened at is required. Nothing was imported.');

    expect(await undoImport(first.id, actor(), admin, NOW)).toEqual({ restored: 0, deleted: 1 });
    expect(await db.incident.count()).toBe(0);
    expect(await valueOf("change_failure_rate", "2026-03-02")).toMatchObject({ value: 0, numerator: 0, denominator: 2 });
    expect(await undoImport(prs.id, actor(), admin, NOW)).toEqual({ restored: 0, deleted: 1 });
    expect(await valueOf("lead_time", "2026-03-02")).toBeNull();
  });
});

describe("work items", () => {
  const ITEMS = csv(
    "externalId,team,type,createdAt,transitions",
    "A,payments,feature,2026-03-01T09:00:00Z,To Do@2026-03-02T09:00:00Z; In Progress@2026-03-02T10:00:00Z; In Review@2026-03-03T10:00:00Z; Done@2026-03-04T10:00:00Z",
    'B,payments,Defect,2026-03-01T09:00:00Z,"In Progress@2026-03-03 00:00; Blocked@2026-03-03T12:00:00Z; In Progress@2026-03-04T00:00:00Z; Done@2026-03-04T12:00:00Z"',
  );

  it("derive start and finish with the team's status mapping, recompute flow, re-import as a no-op, undo", async () => {
    const first = await importFile("work-items", ITEMS);
    expect(first.preview.problems).toEqual([]);
    expect(first.done).toMatchObject({ status: "COMPLETED", created: 2 });
    const b = await db.workItem.findFirstOrThrow({ where: { externalId: "B" } });
    expect(b).toMatchObject({ type: "DEFECT" });
    expect(b.startedAt?.toISOString()).toBe("2026-03-03T00:00:00.000Z");
    expect(b.finishedAt?.toISOString()).toBe("2026-03-04T12:00:00.000Z");
    expect(await valueOf("flow_velocity", "2026-03-02")).toMatchObject({ value: 2 });
    expect(await valueOf("flow_time", "2026-03-02")).toMatchObject({ value: 1.75 });

    expect((await importFile("work-items", ITEMS)).done).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const bad = await importFile("work-items", csv("externalId,team,type,createdAt,transitions", "C,payments,feature,2026-03-01,Done at noon"));
    expect(bad.done.error).toMatch(/^Line 2, column "transitions": "Done at noon" is not a status change/);

    expect(await undoImport(first.id, actor(), admin, NOW)).toEqual({ restored: 0, deleted: 2 });
    expect(await db.workItem.count()).toBe(0);
    expect((await valueOf("flow_velocity", "2026-03-02"))?.value ?? 0).toBe(0);
  });

  it("lets a manager import only the teams they manage", async () => {
    const other = await db.team.create({ data: { name: "Search", slug: "search", location: "Lisbon", groupId: (await db.group.findFirstOrThrow()).id } });
    const manager: SessionUser = { id: admin.id, email: "m@example.com", name: "Max", role: "MANAGER", managedTeamIds: [teamId] };
    const id = await storeUpload({ kind: "work-items", fileName: "w.csv", bytes: bytesOf(ITEMS.replace("A,payments", `A,${other.slug}`)), actor: actor(), user: manager });
    const preview = await previewImport(id, {}, actor(), manager);
    expect(preview.problems).toEqual([{ line: 2, column: "team", message: 'You can only import data for the teams you manage, not "Search".' }]);
    await expect(storeUpload({ kind: "deployments", fileName: "d.csv", bytes: bytesOf(DEPLOYMENTS), actor: actor(), user: manager })).rejects.toThrow(/Only admins/);
  });
});

describe("templates", () => {
  it.each(["deployments", "pull-requests", "incidents", "work-items"])("the %s template's example row reads without problems", async (kind) => {
    const template = templateCsv(kind);
    const id = await storeUpload({ kind, fileName: "template.csv", bytes: bytesOf(template?.csv ?? ""), actor: actor(), user: admin });
    const preview = await previewImport(id, {}, actor(), admin);
    expect(preview).toMatchObject({ problems: [], missing: [], unmatched: [], totalRows: 1, validRows: 1 });
  });
});
