import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as statusGridRoute } from "@/app/api/v1/status-grid/route";
import type { StatusGrid } from "@/lib/metrics/api-types";
import { addDays } from "@/lib/domain/time";
import type { SlackMessage } from "@/lib/notifications/types";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { saveNotificationSettings } from "@/lib/server/data/notifications";
import { env } from "@/lib/server/env";
import { whenIdle } from "@/lib/server/jobs/queue";
import { messageHeader, messageText, startSmtpServer, type TestSmtpServer } from "@/lib/testing/smtp-server";
import { refreshAllRollups } from "@/lib/server/services/rollups";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";
import { checkAlerts, alertSchedule } from "./alerts";
import { slackWebhookBox } from "./channels";
import { buildDigest } from "./digest";
import { digestSchedule } from "./digest-schedule";

/**
 * The weekly digest and alerts end to end on the database: the schedule at chosen instants, the jobs the
 * worker runs, a real SMTP conversation and a Slack webhook stand-in recording the Block Kit it is sent.
 *
 * Berlin time; the digest falls due Monday 23 Mar 2026 08:00 CET = 07:00 UTC and reports the week of 16 Mar.
 * Group Platform {Payments, Search}, group Product {Mobile}; Search (3–4 people) is too small for people numbers.
 */
let actingAs: SessionUser | null = null;
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => actingAs }));

const SLOT = new Date("2026-03-23T07:00:00Z");
const WEEK = "2026-03-16";
const BASE = "https://pillars.example.com";
const ids: Record<string, string> = {};
const users: Record<string, SessionUser> = {};

let smtp: TestSmtpServer;
let api: HttpHost;
let slack: { url: string; posts: { path: string; body: SlackMessage }[]; server: http.Server };

async function put(metric: string, team: string, week: string, value: number, respondents?: number) {
  const metricId = (await db.metricDefinition.findUniqueOrThrow({ where: { key: metric } })).id;
  const ratio = respondents ? { numerator: value * respondents, denominator: respondents } : {};
  await db.metricValue.create({ data: { metricId, teamId: ids[team]!, weekStart: new Date(week), value, source: "SEED", ...ratio } });
}

async function startSlackStandIn() {
  const posts: { path: string; body: SlackMessage }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      posts.push({ path: req.url ?? "", body: JSON.parse(body) as SlackMessage });
      // What Slack's incoming webhooks answer.
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, posts, server };
}

async function makeUser(key: string, role: SessionUser["role"], managed: string[] = []) {
  const row = await db.user.create({ data: { email: `${key}@pillars.test`, name: key, role, managedTeams: { create: managed.map((t) => ({ teamId: ids[t]! })) } } });
  users[key] = { id: row.id, email: row.email, name: key, role, managedTeamIds: managed.map((t) => ids[t]!) };
}

/** A header's MIME encoded words (RFC 2047, Q encoding, as nodemailer writes them) as text. */
const subjectOf = (raw: string) =>
  (messageHeader(raw, "subject") ?? "").replace(/=\?UTF-8\?Q\?(.*?)\?=\s*/gi, (_, q: string) =>
    Buffer.from(q.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"));

const inbox = (key: string) => smtp.messages.filter((m) => m.to.includes(`${key}@pillars.test`));

beforeAll(async () => {
  smtp = await startSmtpServer();
  slack = await startSlackStandIn();
  api = await serveRoutes({ "GET /api/v1/status-grid": statusGridRoute });
  Object.assign(env, { SMTP_URL: smtp.url, SMTP_FROM: "Pillars <pillars@pillars.test>", PILLARS_PUBLIC_URL: BASE });
  await db.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Acme", timeZone: "Europe/Berlin", currency: "EUR" }, update: { name: "Acme", timeZone: "Europe/Berlin", currency: "EUR" } });
  const platform = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  const product = await db.group.create({ data: { name: "Product", slug: "product" } });
  for (const [name, groupId] of [["Payments", platform.id], ["Search", platform.id], ["Mobile", product.id]] as const) {
    ids[name.toLowerCase()] = (await db.team.create({ data: { name, slug: name.toLowerCase(), groupId, location: "London" } })).id;
  }
  // 24 weeks up to the reported one: the early warning's baseline (16 weeks) and recent window (8).
  for (let i = 0; i < 24; i++) {
    const w = addDays(WEEK, -7 * i);
    const recent = i < 8;
    await put("deployments", "payments", w, i === 0 ? 9 : 12);
    await put("deployments", "search", w, 4);
    await put("deployments", "mobile", w, i === 0 ? 22 : 18);
    await put("headcount", "payments", w, i === 0 ? 14 : 12);
    await put("headcount", "search", w, i === 0 ? 4 : 3);
    await put("headcount", "mobile", w, 9);
    await put("incidents", "payments", w, recent ? 4 : 1);
    await put("oncall_pages", "payments", w, recent ? 10 : 2);
    await put("psych_safety", "payments", w, recent ? 4.5 : 5.5, 10);
  }
  const deployments = (await db.metricDefinition.findUniqueOrThrow({ where: { key: "deployments" } })).id;
  await db.target.create({ data: { metricId: deployments, scopeType: "ORG", green: 15, amber: 8, effectiveFrom: new Date("2026-01-01") } });
  await refreshAllRollups();

  await makeUser("leader", "LEADER");
  await makeUser("manager", "MANAGER", ["mobile"]);
  await makeUser("viewer", "VIEWER");
  await makeUser("payments-manager", "MANAGER", ["payments"]);
  await makeUser("alert-leader", "LEADER");
  const since = new Date("2026-03-20T00:00:00Z");
  const hook = (path: string) => slackWebhookBox.encrypt(`${slack.url}${path}`);
  await saveNotificationSettings(users.leader!.id, { digestEmail: true, digestSlack: true, alerts: false, slackWebhookEncrypted: hook("/leader"), digestSince: since });
  await saveNotificationSettings(users.manager!.id, { digestEmail: true, digestSlack: false, alerts: false, slackWebhookEncrypted: null, digestSince: since });
  await saveNotificationSettings(users.viewer!.id, { digestEmail: true, digestSlack: false, alerts: false, slackWebhookEncrypted: null, digestSince: since });
  await saveNotificationSettings(users["alert-leader"]!.id, { digestEmail: false, digestSlack: false, alerts: true, slackWebhookEncrypted: hook("/alerts"), digestSince: null });
});

afterAll(async () => {
  await api.close();
  await smtp.close();
  await new Promise((r) => slack.server.close(r));
});

describe("weekly digest schedule", () => {
  it("sends nothing before Monday 08:00 org time, each digest once at and after it, and a missed Monday once", async () => {
    expect(await digestSchedule.enqueueDue(new Date(SLOT.getTime() - 1))).toBe(0);
    // Two workers ticking at once, then again a minute later: three digests in all.
    const [a, b] = await Promise.all([digestSchedule.enqueueDue(SLOT), digestSchedule.enqueueDue(SLOT)]);
    expect(a + b).toBe(3);
    expect(await digestSchedule.enqueueDue(new Date(SLOT.getTime() + 60_000))).toBe(0);
    expect(await digestSchedule.enqueueDue(new Date("2026-03-27T16:00:00Z"))).toBe(0);
    expect(await whenIdle(120_000)).toBe(true);
    expect(inbox("leader")).toHaveLength(1);
    expect(inbox("manager")).toHaveLength(1);
    expect(inbox("viewer")).toHaveLength(1);
    expect(inbox("payments-manager")).toHaveLength(0);
    expect(slack.posts.filter((p) => p.path === "/leader")).toHaveLength(1);

    // The server was down on Monday 30 Mar (now CEST): the Tuesday tick catches up once, later ticks send nothing.
    const tuesday = new Date("2026-03-31T09:00:00Z");
    expect(await digestSchedule.enqueueDue(new Date("2026-03-30T05:59:00Z"))).toBe(0);
    expect(await digestSchedule.enqueueDue(tuesday)).toBe(3);
    expect(await digestSchedule.enqueueDue(new Date(tuesday.getTime() + 3_600_000))).toBe(0);
    expect(await whenIdle(120_000)).toBe(true);
    expect(inbox("leader")).toHaveLength(2);
    expect(await db.digestDelivery.count()).toBe(6);
  });

  it("holds status changes, red targets, early warnings with reasons and links, in the org's formats", () => {
    const mail = inbox("leader")[0]!;
    expect(subjectOf(mail.raw)).toBe("Acme weekly digest — 2026-W12");
    const text = messageText(mail.raw);
    expect(text).toContain("Changes since the week before");
    expect(text).toMatch(/Mobile: Deployments 22 \(\+22% vs 18 the week before\)/);
    expect(text).toMatch(/Payments: Deployments 9 \(−25% vs 12 the week before\) — amber/);
    expect(text).toMatch(/Search: Deployments 4 \(unchanged from the week before\) — red/);
    expect(text).toContain("Early warnings");
    expect(text).toContain("Payments: 3 signals worsening together");
    expect(text).toMatch(/Incidents: 1 → 4/);
    expect(text).toMatch(/Psychological safety: 5\.50 → 4\.50 \(−1\), weeks of 26 Jan – 16 Mar 2026 vs 6 Oct 2025 – 19 Jan 2026/);
    expect(text).toContain(`${BASE}/?scope=team%3A${ids.payments}&range=6m`);
    expect(text).toContain(`${BASE}/review`);
    expect(text).toContain("Missing data");
  });

  it("posts valid Block Kit with links to the leader's Slack webhook", () => {
    const post = slack.posts.find((p) => p.path === "/leader")!.body;
    expect(post.text).toContain("Acme weekly digest");
    expect(post.blocks.length).toBeLessThanOrEqual(50);
    expect(post.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: expect.any(String) } });
    for (const block of post.blocks) {
      expect(["header", "section", "context", "divider"]).toContain(block.type);
      if (block.type === "section") {
        expect(block.text.type).toBe("mrkdwn");
        expect(block.text.text.length).toBeLessThanOrEqual(3000);
      }
      if (block.type === "header") expect(block.text.text.length).toBeLessThanOrEqual(150);
    }
    const sections = post.blocks.flatMap((b) => (b.type === "section" ? [b.text.text] : [])).join("\n");
    expect(sections).toContain(`<${BASE}/?scope=team%3A${ids.payments}&range=6m|Payments: 3 signals worsening together>`);
    expect(sections).toMatch(new RegExp(`<${BASE}/\\?scope=team%3A${ids.search}&range=12w\\|Search: Deployments 4 \\(unchanged from the week before\\) — red>`));
  });
});

describe("what a digest discloses", () => {
  it("holds, for each reader, only numbers their status grid API shows them, and never the small team's people numbers", async () => {
    for (const key of ["leader", "manager", "viewer"]) {
      const user = users[key]!;
      const digest = await buildDigest(user, SLOT);
      // The reader's own API, over HTTP, with the clock at the digest's occurrence.
      actingAs = user;
      vi.useFakeTimers({ toFake: ["Date"], now: SLOT });
      const response = await fetch(`${api.url}/api/v1/status-grid?scope=org&granularity=week`).finally(() => vi.useRealTimers());
      expect(response.status).toBe(200);
      const grid = (await response.json()) as StatusGrid;
      const shown = new Map(grid.rows.flatMap((r) => r.cells.map((c) => [`${r.scope.name}|${c.metricKey}`, c] as const)));
      const cells = [...digest.changes, ...digest.offTarget];
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) {
        const onDashboard = shown.get(`${cell.scopeName}|${cell.metric.key}`);
        expect(onDashboard?.withheld, `${key}: ${cell.scopeName} ${cell.metric.key}`).toBeUndefined();
        expect([cell.value, cell.previous, cell.status]).toEqual([onDashboard?.value, onDashboard?.previous, onDashboard?.status]);
      }
      // Search's headcount moved (3 → 4) but is withheld on every dashboard: no digest may carry it.
      expect(shown.get("Search|headcount")?.withheld).toBeDefined();
      expect(cells.some((c) => c.scopeName === "Search" && c.metric.key === "headcount")).toBe(false);
    }
    const leader = await buildDigest(users.leader!, SLOT);
    expect(leader.changes.some((c) => c.scopeName === "Acme" && c.metric.key === "headcount" && c.value === 27)).toBe(true);
  });

  it("gives a manager their own teams only, and missing data to those who chase it", async () => {
    const manager = await buildDigest(users.manager!, SLOT);
    expect(new Set([...manager.changes, ...manager.offTarget].map((c) => c.scopeName))).toEqual(new Set(["Mobile"]));
    expect(manager.warnings).toEqual([]);
    expect(manager.missing?.flatMap((w) => w.teams.map((t) => t.teamName)).every((n) => n === "Mobile")).toBe(true);
    const viewer = await buildDigest(users.viewer!, SLOT);
    expect(viewer.missing).toBeNull();
    expect(messageText(inbox("manager")[0]!.raw)).not.toMatch(/Payments|Search/);
  });
});

describe("alerts", () => {
  it("goes out once per team, metric and week, whether checked twice or by two workers at once", async () => {
    smtp.messages.length = 0;
    slack.posts.length = 0;
    const [a, b] = await Promise.all([checkAlerts(SLOT), checkAlerts(SLOT)]);
    expect(await checkAlerts(new Date(SLOT.getTime() + 3_600_000))).toEqual({ raised: 0 });
    expect(await whenIdle(120_000)).toBe(true);
    // Search's deployments are red; Payments has an early warning.
    expect(a.raised + b.raised).toBe(2);
    const rows = await db.alertDelivery.findMany({ orderBy: { subject: "asc" } });
    expect(rows.map((r) => [r.teamId, r.subject, r.week])).toEqual([[ids.search, "deployments", WEEK], [ids.payments, "early-warning", WEEK]].sort((x, y) => x[1]!.localeCompare(y[1]!)));
    // The Payments manager gets the Payments warning; the opted-in leader both, by email and Slack; nobody else any.
    expect(inbox("payments-manager").map((m) => subjectOf(m.raw))).toEqual(["Acme alert — Payments: early warning (2026-W12)"]);
    expect(inbox("alert-leader")).toHaveLength(2);
    expect(inbox("leader")).toHaveLength(0);
    expect(inbox("manager")).toHaveLength(0);
    expect(slack.posts.filter((p) => p.path === "/alerts")).toHaveLength(2);
    const red = slack.posts.map((p) => p.body).find((m) => m.text.includes("Deployments is red"))!;
    expect(JSON.stringify(red.blocks)).toContain(`<${BASE}/?scope=team%3A${ids.search}&range=12w|Search: Deployments 4 (unchanged from the week before) — red>`);
  });

  it("is checked by the tick once an hour, by one worker", async () => {
    const [a, b] = await Promise.all([alertSchedule.enqueueDue(SLOT), alertSchedule.enqueueDue(new Date(SLOT.getTime() + 60_000))]);
    expect(a + b).toBe(1);
    expect(await alertSchedule.enqueueDue(new Date(SLOT.getTime() + 3_600_000))).toBe(1);
    expect(await whenIdle(120_000)).toBe(true);
    expect(await db.alertDelivery.count()).toBe(2);
  });
});
