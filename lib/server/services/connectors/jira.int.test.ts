import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "@/lib/cli/commands";
import { db } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { whenIdle } from "@/lib/server/jobs/queue";
import { startFakeJira, type FakeJira, type FakeJiraIssue } from "@/lib/testing/fake-jira";
import { connectorCreateInput } from "@/lib/validation/connectors";
import { deliveryQuery } from "@/lib/validation/delivery";
import { createConnector } from "./admin";
import { getAllocation } from "../delivery/allocation";
import { getFlowSummary } from "../delivery/flow-read";
import { runConnectorSync } from "./sync";

/**
 * The Jira connector against a local Jira (lib/testing/fake-jira.ts) over real HTTP: Cloud (v3, email + API
 * token, enhanced search) for the backfill, incremental and CLI runs; Server (v2, Bearer PAT, startAt paging)
 * for the failed-then-resumed run. Dates are November 2026; the week measured is Mon 9 – Sun 15 November (UTC,
 * the organisation's default zone). The account's time zone is New York, so the JQL's dates are local there.
 */
const EMAIL = "svc-pillars@acme.example";
const TOKEN = "ATATT3xFfGF0-cloud-token";
const PAT = "NjQ4MjY5OTcxNzI3OpW-server-pat";
const NOW = new Date("2026-11-20T12:00:00Z");
const moves = (...steps: [string, string][]) => steps.map(([at, to]) => ({ at, to }));

function cloudIssues(): FakeJiraIssue[] {
  const story = { type: "Story", initialStatus: "To Do" };
  return [
    // Started 9 Nov 09:00, review 11 Nov, done 12 Nov 09:00: flow 3 d, all active (In Progress 2 d + In Review 1 d).
    { ...story, key: "PAY-1", summary: "Card vault", created: "2026-11-02T09:00:00Z", updated: "2026-11-12T09:00:00Z", history: moves(["2026-11-09T09:00:00Z", "In Progress"], ["2026-11-11T09:00:00Z", "In Review"], ["2026-11-12T09:00:00Z", "Done"]) },
    // Back and forth: started 10 Nov 10:00, done 11 Nov 10:00, reopened 16:00, done 13 Nov 10:00: flow 3 d; active 1 d + 1.75 d = 2.75 d.
    // Five changelog entries (one an assignee change): more than search embeds, so the changelog endpoint is paged.
    {
      key: "PAY-2", type: "Bug", summary: "Refund rounding", initialStatus: "Backlog", created: "2026-11-03T10:00:00Z", updated: "2026-11-13T10:00:00Z",
      history: [{ at: "2026-11-05T08:00:00Z", to: "Mia Krystof", field: "assignee" }, ...moves(["2026-11-10T10:00:00Z", "In Progress"], ["2026-11-11T10:00:00Z", "Done"], ["2026-11-11T16:00:00Z", "In Progress"], ["2026-11-13T10:00:00Z", "Done"])],
    },
    // "Implementing" is this workflow's own status (Jira category In Progress): active. Flow 5 d, all active.
    { key: "PAY-3", type: "Tech debt", summary: "Drop v1 tokens", initialStatus: "To Do", created: "2026-11-04T12:00:00Z", updated: "2026-11-14T12:00:00Z", history: moves(["2026-11-09T12:00:00Z", "Implementing"], ["2026-11-14T12:00:00Z", "Done"]) },
    // Started 12 Nov, still in progress at the week's end: flow load 1.
    { ...story, key: "PAY-4", summary: "3-D Secure 2", created: "2026-11-05T09:00:00Z", updated: "2026-11-12T09:30:00Z", history: moves(["2026-11-12T09:30:00Z", "In Progress"]) },
    // Noise: an epic and a sub-task (skipped), and a story closed without being started (a work item, not flow work).
    { key: "PAY-5", type: "Epic", hierarchyLevel: 1, summary: "Payments 2027", initialStatus: "To Do", created: "2026-11-01T09:00:00Z", updated: "2026-11-01T09:00:00Z", history: [] },
    { key: "PAY-6", type: "Sub-task", subtask: true, summary: "Write the migration", initialStatus: "To Do", created: "2026-11-09T09:00:00Z", updated: "2026-11-10T09:00:00Z", history: moves(["2026-11-10T09:00:00Z", "Done"]) },
    { ...story, key: "PAY-7", summary: "Apple Pay", created: "2026-11-06T09:00:00Z", updated: "2026-11-10T15:00:00Z", history: moves(["2026-11-10T15:00:00Z", "Won't Do"]) },
    // OPS has no project team: its issues go where the team field says (an option, or a slug), else nowhere.
    { key: "OPS-1", type: "Bug", summary: "Pager storm", initialStatus: "To Do", created: "2026-11-09T08:00:00Z", updated: "2026-11-12T08:00:00Z", custom: { customfield_10001: { self: "x", value: "Platform Team", id: "10100" } }, history: moves(["2026-11-10T08:00:00Z", "In Progress"], ["2026-11-12T08:00:00Z", "Done"]) },
    { ...story, key: "OPS-2", summary: "Who owns this?", created: "2026-11-09T08:30:00Z", updated: "2026-11-09T08:30:00Z", history: [] },
    { ...story, key: "OPS-3", summary: "Runbooks", created: "2026-11-09T09:00:00Z", updated: "2026-11-09T09:00:00Z", custom: { customfield_10001: "platform" }, history: [] },
  ];
}

let cloud: FakeJira;
let payments = "";
let platform = "";

async function addConnector(name: string, apiUrl: string, options: Record<string, unknown>, extra: { token?: string; defaultTeamId?: string } = {}) {
  const input = connectorCreateInput.parse({ provider: "jira", name, apiUrl, token: extra.token ?? TOKEN, options, backfillDays: 60, enabled: false, defaultTeamId: extra.defaultTeamId });
  return (await createConnector(SYSTEM_ACTOR, input, NOW)).id;
}
const sync = (id: string, now = NOW) => runConnectorSync(id, { now, holder: "test" });
const cloudOptions = { email: EMAIL, projects: "PAY,OPS", projectTeams: "PAY=payments", teamField: "customfield_10001", typeMapping: "Tech debt=debt" };

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Product", slug: "product" } });
  payments = (await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "London" } })).id;
  platform = (await db.team.create({ data: { name: "Platform Team", slug: "platform", groupId: group.id, location: "London" } })).id;
  cloud = await startFakeJira({ flavour: "cloud", email: EMAIL, token: TOKEN, timeZone: "America/New_York", issues: cloudIssues() });
});
afterAll(() => cloud.close());

describe("Jira connector", () => {
  let id = "";

  it("backfills issues as work items, with their teams, types and status histories, waiting out a 429 and a 502", async () => {
    cloud.fault({ match: /\/search\/jql/, status: 429 });
    cloud.fault({ match: /\/changelog/, status: 502 });
    id = await addConnector("jira-cloud", cloud.url, cloudOptions);
    const progress: [number, number][] = [];
    const { counts } = await runConnectorSync(id, { now: NOW, holder: "test", progress: async (done, total) => void progress.push([done, total]) });
    // Issues done of the total Jira counted (approximate-count: 7 in PAY, 3 in OPS), page by page (3 at most).
    expect(progress.at(0)).toEqual([0, 10]);
    expect(progress.at(-1)).toEqual([10, 10]);
    // 10 issues: 7 work items; skipped: the epic, the sub-task and OPS-2 (no team), which is named.
    expect(counts.workItems).toEqual({ received: 7, created: 7, updated: 0 });
    expect(counts.skipped).toBe(3);
    expect(counts.problems).toEqual(["Jira issue OPS-2 has no team: its customfield_10001 is empty, project OPS has no team in Project → team, the connector has no default team"]);
    expect(cloud.log.filter((r) => r.status === 429 || r.status === 502).map((r) => r.status)).toEqual([429, 502]);
    // Each was retried: the changelog of PAY-2 read to its end (entries 0–1, 2–3, 4).
    expect(cloud.log.filter((r) => r.path.endsWith("/PAY-2/changelog") && r.status === 200)).toHaveLength(3);
    // The window starts 60 days before now, at the minute in the account's zone (New York, UTC−4 on 21 Sep).
    expect(cloud.log.find((r) => r.path.endsWith("/search/jql"))?.jql).toBe('project = "PAY" AND updated >= "2026/09/21 08:00" ORDER BY updated ASC, key ASC');

    const items = await db.workItem.findMany({ orderBy: { externalId: "asc" }, select: { externalId: true, teamId: true, type: true, transitions: true } });
    expect(items.map((i) => [i.externalId, i.teamId === payments ? "payments" : i.teamId === platform ? "platform" : "?", i.type])).toEqual([
      ["OPS-1", "platform", "DEFECT"], ["OPS-3", "platform", "FEATURE"], ["PAY-1", "payments", "FEATURE"], ["PAY-2", "payments", "DEFECT"],
      ["PAY-3", "payments", "DEBT"], ["PAY-4", "payments", "FEATURE"], ["PAY-7", "payments", "FEATURE"],
    ]);
    const byKey = new Map(items.map((i) => [i.externalId, i.transitions]));
    expect(byKey.get("PAY-2")).toEqual([
      { status: "Backlog", at: "2026-11-03T10:00:00.000Z" }, { status: "In Progress", at: "2026-11-10T10:00:00.000Z" }, { status: "Done", at: "2026-11-11T10:00:00.000Z" },
      { status: "In Progress", at: "2026-11-11T16:00:00.000Z" }, { status: "Done", at: "2026-11-13T10:00:00.000Z" },
    ]);
    // A status the mapping does not know arrives as its Jira category; a known one keeps its name.
    expect(byKey.get("PAY-3")).toEqual([{ status: "To Do", at: "2026-11-04T12:00:00.000Z" }, { status: "In Progress", at: "2026-11-09T12:00:00.000Z" }, { status: "Done", at: "2026-11-14T12:00:00.000Z" }]);
    expect(byKey.get("OPS-3")).toEqual([{ status: "To Do", at: "2026-11-09T09:00:00.000Z" }]);
  });

  it("feeds the team's flow metrics and investment allocation", async () => {
    expect(await whenIdle(60_000)).toBe(true);
    const week = deliveryQuery.parse({ team: "payments", from: "2026-11-09", to: "2026-11-15" });
    const flow = await getFlowSummary(week, NOW);
    // Finished in the week: PAY-1 (12 Nov), PAY-2 (13 Nov), PAY-3 (14 Nov); PAY-7 never started.
    expect(flow.velocity).toEqual({ total: 3, byType: { feature: 1, defect: 1, risk: 0, debt: 1 } });
    // Flow times 3, 3, 5 d: median 3; p85 = 3 + 0.7 × (5 − 3) = 4.4 (interpolated, position 0.85 × 2 = 1.7).
    expect(flow.flowTime.medianDays).toBeCloseTo(3, 9);
    expect(flow.flowTime.p85Days).toBeCloseTo(4.4, 9);
    // Active 3 + 2.75 + 5 = 10.75 d of 11 d.
    expect(flow.efficiency.activeDays).toBeCloseTo(10.75, 9);
    expect(flow.efficiency.rate).toBeCloseTo(10.75 / 11, 9);
    // In progress at the end of Sunday: PAY-4.
    expect(flow.load).toEqual({ total: 1, byType: { feature: 1, defect: 0, risk: 0, debt: 0 } });
    // One each of new capability (feature), keep-the-lights-on (defect) and tech debt: 34 / 33 / 33 (the first
    // of equal remainders takes the spare point).
    const allocation = await getAllocation({ team: "payments", from: "2026-11-09", to: "2026-11-15" }, NOW);
    expect(allocation.fromWorkItems).toMatchObject({ finished: 3, counts: { newCapability: 1, ktlo: 1, techDebt: 1 }, percentages: { newCapability: 34, ktlo: 33, techDebt: 33 } });
    // The recompute the sync queued wrote the week's stored value too.
    const stored = await db.metricValue.findFirst({ where: { teamId: payments, metric: { key: "flow_velocity" }, weekStart: new Date("2026-11-09T00:00:00Z") }, select: { value: true } });
    expect(stored?.value).toBe(3);
  });

  it("changes nothing on a second sync, then reads only what was updated since", async () => {
    const audits = await db.auditLog.count();
    const before = cloud.log.length;
    const again = await sync(id);
    expect(again.counts.workItems).toEqual({ received: 0, created: 0, updated: 0 });
    expect(again.counts.skipped).toBe(0);
    expect(await db.auditLog.count()).toBe(audits);
    // The search starts at the newest update's minute in New York: PAY-3, 14 Nov 12:00 UTC = 07:00 EST.
    expect(cloud.log.slice(before).find((r) => r.path.endsWith("/search/jql"))?.jql).toBe('project = "PAY" AND updated >= "2026/11/14 07:00" ORDER BY updated ASC, key ASC');

    // PAY-4 is finished; PAY-8 appears, updated at the very instant of the cursor (the ids tell it from PAY-3).
    const pay4 = cloud.issues.find((i) => i.key === "PAY-4")!;
    pay4.history.push({ at: "2026-11-16T09:00:00Z", to: "Done" });
    pay4.updated = "2026-11-16T09:00:00Z";
    cloud.issues.push({ key: "PAY-8", type: "Story", summary: "Wallet top-up", initialStatus: "To Do", created: "2026-11-14T12:00:00Z", updated: "2026-11-14T12:00:00Z", history: [] });
    const third = await sync(id, new Date("2026-11-21T12:00:00Z"));
    expect(third.counts.workItems).toEqual({ received: 2, created: 1, updated: 1 });
    const stored = await db.workItem.findFirstOrThrow({ where: { externalId: "PAY-4" }, select: { finishedAt: true } });
    expect(stored.finishedAt?.toISOString()).toBe("2026-11-16T09:00:00.000Z");
  });

  it("moves an issue whose team changed, leaving no copy with its old team", async () => {
    const ops3 = cloud.issues.find((i) => i.key === "OPS-3")!;
    expect(await db.workItem.findMany({ where: { externalId: "OPS-3" }, select: { teamId: true } })).toEqual([{ teamId: platform }]);
    ops3.custom = { customfield_10001: "payments" };
    ops3.updated = "2026-11-17T09:00:00Z";
    const moved = await sync(id, new Date("2026-11-21T12:00:00Z"));
    expect(moved.counts.workItems).toEqual({ received: 1, created: 1, updated: 0 });
    expect(await db.workItem.findMany({ where: { externalId: "OPS-3" }, select: { teamId: true } })).toEqual([{ teamId: payments }]);
  });

  it("says clearly when Jira refuses the credentials", async () => {
    const bad = await addConnector("jira-bad-token", cloud.url, cloudOptions, { token: "revoked" });
    await expect(sync(bad)).rejects.toThrow("Jira account (myself): HTTP 401 (check the token and, for Jira Cloud, the account email)");
    const row = await db.connector.findUniqueOrThrow({ where: { id: bad }, select: { lastSyncStatus: true, lastError: true } });
    expect(row).toEqual({ lastSyncStatus: "FAILED", lastError: "Jira account (myself): HTTP 401 (check the token and, for Jira Cloud, the account email)" });
  });
});

/** Stories `${project}-1…n`, one created and updated a minute from 9 Nov 08:00. */
const minuteStories = (project: string, n: number) =>
  Array.from({ length: n }, (_, i): FakeJiraIssue => {
    const at = new Date(Date.UTC(2026, 10, 9, 8, i)).toISOString();
    return { key: `${project}-${i + 1}`, type: "Story", summary: `Story ${i + 1}`, initialStatus: "To Do", created: at, updated: at, history: [] };
  });

describe("Jira Server connector", () => {
  it("misses no issue when one is edited while it pages", async () => {
    const server = await startFakeJira({ flavour: "server", token: PAT, issues: minuteStories("MOVE", 8) });
    try {
      // Right after the first page (MOVE-1…3), MOVE-1 is edited and moves to the end of the order: a plain offset
      // (startAt=3) would now skip MOVE-4. The search restarts from the cursor instead.
      server.after(/\/rest\/api\/2\/search\?(?!.*maxResults=0)/, () => {
        const moved = server.issues.find((i) => i.key === "MOVE-1")!;
        moved.updated = "2026-11-09T09:00:00Z";
        moved.history.push({ at: moved.updated, to: "In Progress" });
      });
      const id = await addConnector("jira-move", server.url, { projects: "MOVE" }, { token: PAT, defaultTeamId: platform });
      const { counts } = await sync(id);
      // Eight issues, MOVE-1 twice (before and after its edit).
      expect(counts.workItems).toEqual({ received: 9, created: 8, updated: 1 });
      const moved = await db.workItem.findFirstOrThrow({ where: { externalId: "MOVE-1" }, select: { startedAt: true } });
      expect(moved.startedAt?.toISOString()).toBe("2026-11-09T09:00:00.000Z");
    } finally {
      await server.close();
    }
  });

  it("resumes a failed sync from the last committed page", async () => {
    // Eight stories of project CORE, one a minute from 9 Nov 08:00; no project team: the connector's default team.
    const server = await startFakeJira({ flavour: "server", token: PAT, issues: minuteStories("CORE", 8) });
    try {
      // The count (maxResults=0) and the first page pass; the next page fails with an error that is not retried.
      server.fault({ match: /\/rest\/api\/2\/search\?(?!.*maxResults=0)/, status: 400, skip: 1 });
      const id = await addConnector("jira-server", server.url, { projects: "CORE" }, { token: PAT, defaultTeamId: platform });
      await expect(sync(id)).rejects.toThrow("Jira issue search: HTTP 400");
      expect(await db.workItem.count({ where: { externalId: { startsWith: "CORE-" } } })).toBe(3);

      const before = server.log.length;
      const resumed = await sync(id);
      expect(resumed.counts.workItems).toEqual({ received: 5, created: 5, updated: 0 });
      // It started from the cursor (CORE-3, 08:02 UTC; the account's zone here is UTC), not the backfill window.
      expect(server.log.slice(before).find((r) => r.path.endsWith("/search"))?.jql).toBe('project = "CORE" AND updated >= "2026/11/09 08:02" ORDER BY updated ASC, key ASC');
      expect(await db.workItem.count({ where: { externalId: { startsWith: "CORE-" }, teamId: platform } })).toBe(8);
    } finally {
      await server.close();
    }
  });
});

describe("pillars connector add jira / sync", () => {
  it("adds a Jira connector whose backfill runs at once, and syncs it on demand", async () => {
    const added = await runCommand(["connector", "add", "jira", "--name", "jira-cli", "--api-url", cloud.url, "--token", TOKEN, "--email", EMAIL, "--projects", "PAY", "--project-teams", "PAY=payments", "--backfill-days", "3650"]);
    expect(added[0]).toBe("Added Jira connector “jira-cli”: the last 3650 days are read on its first sync, then every 60 minutes.");
    expect(await whenIdle(60_000)).toBe(true);
    const row = await db.connector.findUniqueOrThrow({ where: { name: "jira-cli" }, select: { lastSyncStatus: true, lastCounts: true } });
    // The background backfill read PAY's 8 issues: 6 work items (already there, so updated), the epic and sub-task skipped.
    expect(row.lastSyncStatus).toBe("DONE");
    expect(row.lastCounts).toMatchObject({ workItems: { received: 6, created: 0, updated: 6 }, skipped: 2 });

    const lines = await runCommand(["connector", "sync", "jira-cli"]);
    expect(lines).toContain("  work items     0 read, 0 new, 0 updated");
    const again = await runCommand(["connector", "sync", "jira-cli", "--since", "2026-11-12"]);
    // From 12 Nov: PAY-4 (16 Nov), PAY-1 (12 Nov), PAY-2, PAY-3, PAY-8 (14 Nov) — PAY-7 (10 Nov) and the rest are older.
    expect(again).toContain("  work items     5 read, 0 new, 5 updated");
  });
});
