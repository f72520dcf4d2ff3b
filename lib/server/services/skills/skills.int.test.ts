import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getAiUsage, POST as postAiUsage } from "@/app/api/v1/ai-usage/route";
import { POST as postCopilot } from "@/app/api/v1/ai-usage/copilot/route";
import { POST as postExperiment } from "@/app/api/v1/experiments/route";
import { GET as getReadout } from "@/app/api/v1/experiments/[id]/readout/route";
import { GET as getMarkers } from "@/app/api/v1/experiments/markers/route";
import { POST as postLearning } from "@/app/api/v1/learning/route";
import { GET as getLearningReport } from "@/app/api/v1/learning/report/route";
import { PUT as putProficiency } from "@/app/api/v1/skills/proficiency/route";
import { POST as importProficiency } from "@/app/api/v1/skills/proficiency/import/route";
import { GET as getTeamSkills } from "@/app/api/v1/skills/teams/[teamId]/route";
import { GET as getTeamPeople } from "@/app/api/v1/skills/teams/[teamId]/people/route";
import { PUT as putNeeds } from "@/app/api/v1/skills/teams/[teamId]/needs/route";
import { GET as getGaps } from "@/app/api/v1/skills/gaps/route";
import { weekStartOf } from "@/lib/domain/time";
import { createApiToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { refreshAllRollups } from "@/lib/server/services/rollups";

type Role = "ADMIN" | "LEADER" | "MANAGER" | "VIEWER";
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: Role; managedTeamIds: string[] } }));
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => session.user }));

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ids: Record<string, string> = {};
let ingestToken = "";

function as(role: Role, managedTeamIds: string[] = []) {
  session.user = { id: `u-${role}`, email: `${role.toLowerCase()}@example.com`, name: role, role, managedTeamIds };
}

async function call(handler: unknown, method: string, url: string, body?: unknown, params: Record<string, string> = {}, token?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const request = new NextRequest(`http://localhost${url}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const response = await (handler as Handler)(request, { params: Promise.resolve(params) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> & { issues?: unknown[] } };
}

async function metricValue(key: string, team: string, week: string) {
  const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key } });
  const row = await db.metricValue.findUnique({ where: { metricId_teamId_weekStart: { metricId: metric.id, teamId: ids[team], weekStart: new Date(week) } } });
  return row ? { value: row.value, numerator: row.numerator, denominator: row.denominator, source: row.source } : null;
}

const WEEK = "2026-03-02";

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Product", slug: "product" } });
  for (const slug of ["payments", "search"]) {
    ids[slug] = (await db.team.create({ data: { name: slug === "payments" ? "Payments" : "Search", slug, groupId: group.id, location: "Berlin" } })).id;
  }
  // Payments: ana, bo, cy; Search: di.
  for (const [employeeId, team] of [["E1", "payments"], ["E2", "payments"], ["E3", "payments"], ["E4", "search"]]) {
    await db.person.create({ data: { employeeId, teamId: ids[team], employments: { create: { hireDate: new Date("2024-01-01") } } } });
  }
  const headcount = await db.metricDefinition.findUniqueOrThrow({ where: { key: "headcount" } });
  await db.metricValue.createMany({
    data: [
      { metricId: headcount.id, teamId: ids.payments, weekStart: new Date(WEEK), value: 8, source: "COMPUTED" },
      { metricId: headcount.id, teamId: ids.search, weekStart: new Date(WEEK), value: 4, source: "COMPUTED" },
    ],
  });
  for (const name of ["Kafka", "Terraform", "Go"]) ids[name] = (await db.skill.create({ data: { name } })).id;
  ingestToken = (await createApiToken({ name: "hr", scopes: ["ingest"] })).token;
});

describe("learning", () => {
  it("rejects a whole batch naming the bad item's index and field, storing nothing", async () => {
    const res = await call(postLearning, "POST", "/api/v1/learning", [
      { team: "payments", date: WEEK, hours: 4, category: "course" },
      { team: "nope", date: WEEK, hours: 2, category: "course" },
    ], {}, ingestToken);
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: "1.team", message: 'no team with slug "nope"' }]);
    expect(await db.learningRecord.count()).toBe(0);
  });

  it("stores hours per engineer as a weekly RATE value, idempotent on externalId", async () => {
    const batch = [
      { externalId: "lms-1", employeeId: "E1", date: "2026-03-03", hours: 6, spend: 300, category: "course" },
      { externalId: "lms-2", team: "payments", date: "2026-03-06", hours: 10, category: "internal" },
    ];
    expect((await call(postLearning, "POST", "/api/v1/learning", batch, {}, ingestToken)).json).toMatchObject({ created: 2, updated: 0 });
    const again = await call(postLearning, "POST", "/api/v1/learning", [{ ...batch[0], hours: 8 }], {}, ingestToken);
    expect(again.json).toMatchObject({ created: 0, updated: 1 });
    expect(await db.learningRecord.count()).toBe(2);
    // (8 + 10) hours ÷ 8 people = 2.25; spend 300 ÷ 8 = 37.5.
    expect(await metricValue("learning_hours", "payments", WEEK)).toEqual({ value: 2.25, numerator: 18, denominator: 8, source: "COMPUTED" });
    expect(await metricValue("learning_spend", "payments", WEEK)).toMatchObject({ value: 37.5, numerator: 300 });
  });

  it("lets a manager record learning only for their own team", async () => {
    as("MANAGER", [ids.search]);
    const res = await call(postLearning, "POST", "/api/v1/learning", { team: "payments", date: WEEK, hours: 1, category: "other" });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: "0.team", message: "you can only record learning for the teams you manage" }]);
    as("VIEWER");
    expect((await call(postLearning, "POST", "/api/v1/learning", { team: "search", date: WEEK, hours: 1, category: "other" })).status).toBe(403);
    session.user = null;
  });

  it("reports the quarter per engineer and the share of engineers with learning time", async () => {
    as("VIEWER");
    const res = await call(getLearningReport, "GET", "/api/v1/learning/report?year=2026");
    session.user = null;
    const payments = (res.json.rows as { name: string; quarters: { quarter: string; hoursPerEngineer: number | null; percentWithLearning: number | null; engineers: number }[] }[]).find((r) => r.name === "Payments");
    // Q1: one headcount week of 8 → 8 engineers; 18 hours → 2.25 each. The share counts people: one named learner
    // of the 3 the roster has on Payments = 33.3%.
    expect(payments?.quarters[0]).toMatchObject({ quarter: "2026-01-01", engineers: 8, hoursPerEngineer: 2.25 });
    expect(payments?.quarters[0].percentWithLearning).toBeCloseTo(100 / 3, 9);
    const budgets = res.json.budgets as { teamName: string; spent: number; months: { month: string; cumulative: number }[] }[];
    expect(budgets.find((b) => b.teamName === "Payments")?.months[2]).toEqual({ month: "2026-03", spent: 300, cumulative: 300 });
  });
});

describe("the share of engineers learning", () => {
  it("counts people against the people on the team in the quarter, and is unknown when no record names anyone", async () => {
    const headcount = await db.metricDefinition.findUniqueOrThrow({ where: { key: "headcount" } });
    // Q2: an average headcount of 2, while 4 people were on Payments at some point (E5 left in April).
    await db.metricValue.createMany({
      data: [
        { metricId: headcount.id, teamId: ids.payments, weekStart: new Date("2026-04-06"), value: 2, source: "COMPUTED" },
        { metricId: headcount.id, teamId: ids.payments, weekStart: new Date("2026-07-06"), value: 3, source: "COMPUTED" },
      ],
    });
    await db.person.create({ data: { employeeId: "E5", teamId: ids.payments, employments: { create: { hireDate: new Date("2024-01-01"), exitDate: new Date("2026-04-15") } } } });
    const record = (employeeId: string | null, date: string, hours: number) => ({ teamId: ids.payments, employeeId, date: new Date(date), hours, category: "course" });
    await db.learningRecord.createMany({
      data: [
        record("E1", "2026-04-07", 2), record("E2", "2026-05-04", 3), record("E3", "2026-06-01", 1),
        // Someone of another team recorded on Payments adds hours but is not one of its engineers.
        record("E4", "2026-06-02", 4),
        // Q3: team-level hours only.
        record(null, "2026-07-08", 6),
      ],
    });
    as("VIEWER");
    const res = await call(getLearningReport, "GET", "/api/v1/learning/report?year=2026");
    session.user = null;
    type Quarter = { quarter: string; hoursPerEngineer: number | null; percentWithLearning: number | null; engineersWithLearning: number };
    const payments = (res.json.rows as { name: string; quarters: Quarter[] }[]).find((r) => r.name === "Payments");
    // 3 of the 4 on the team learned: 75%, where distinct learners over the average headcount read 200%.
    expect(payments?.quarters[1]).toMatchObject({ quarter: "2026-04-01", hoursPerEngineer: 5, engineersWithLearning: 3, percentWithLearning: 75 });
    // Hours per engineer stand; who learned is unknown, so no share (not 0%).
    expect(payments?.quarters[2]).toMatchObject({ quarter: "2026-07-01", hoursPerEngineer: 2, percentWithLearning: null });
  });
});

describe("skills matrix access and coverage", () => {
  it("stores coverage after needs and proficiencies change, with the bus-factor list as counts", async () => {
    as("MANAGER", [ids.payments]);
    expect((await call(putNeeds, "PUT", "/x", { skillIds: [ids.Kafka, ids.Terraform, ids.Go] }, { teamId: ids.payments })).status).toBe(200);
    const saved = await call(putProficiency, "PUT", "/api/v1/skills/proficiency", [
      { employeeId: "E1", skillId: ids.Kafka, level: 4 },
      { employeeId: "E2", skillId: ids.Kafka, level: 3 },
      { employeeId: "E1", skillId: ids.Terraform, level: 3 },
      { employeeId: "E2", skillId: ids.Terraform, level: 2 },
    ]);
    expect(saved.status).toBe(200);
    const view = await call(getTeamSkills, "GET", "/x", undefined, { teamId: ids.payments });
    expect(view.json).toMatchObject({ needed: 3, covered: 1, canViewIndividuals: true });
    expect(view.json.percent).toBeCloseTo(100 / 3, 6);
    expect(view.json.busFactor).toEqual([
      { skillId: ids.Go, name: "Go", proficientPeople: 0 },
      { skillId: ids.Terraform, name: "Terraform", proficientPeople: 1 },
    ]);
    const week = weekStartOf(new Date());
    expect(await metricValue("skills_coverage", "payments", week)).toMatchObject({ numerator: 1, denominator: 3, source: "COMPUTED" });
  });

  it("refuses individual proficiency to a manager of another team and to a viewer, who see aggregates only", async () => {
    as("MANAGER", [ids.search]);
    expect((await call(getTeamPeople, "GET", "/x", undefined, { teamId: ids.payments })).status).toBe(403);
    expect((await call(putProficiency, "PUT", "/x", { employeeId: "E3", skillId: ids.Go, level: 4 })).status).toBe(400);
    as("VIEWER");
    expect((await call(getTeamPeople, "GET", "/x", undefined, { teamId: ids.payments })).status).toBe(403);
    const aggregate = await call(getTeamSkills, "GET", "/x", undefined, { teamId: ids.payments });
    expect(aggregate.status).toBe(200);
    expect(aggregate.json.canViewIndividuals).toBe(false);
    expect(JSON.stringify(aggregate.json)).not.toContain("E1");
    as("MANAGER", [ids.payments]);
    const people = await call(getTeamPeople, "GET", "/x", undefined, { teamId: ids.payments });
    expect(people.status).toBe(200);
    expect((people.json.people as { employeeId: string; levels: Record<string, number> }[])[0]).toEqual(
      expect.objectContaining({ employeeId: "E1", levels: { [ids.Kafka]: 4, [ids.Terraform]: 3 } }),
    );
    session.user = null;
  });

  it("imports a proficiency CSV all or nothing and names the bad line", async () => {
    as("ADMIN");
    const bad = await call(importProficiency, "POST", "/x", { csv: "employeeId,skill,level\nE3,terraform,3\nE4,Go,9\n" });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/^Line 3, level/);
    const ok = await call(importProficiency, "POST", "/x", { csv: "employeeId,skill,level\nE3,terraform,3\nE3,go,3\nE2,Go,4\n" });
    expect(ok.json).toEqual({ saved: 3 });
    const view = await call(getTeamSkills, "GET", "/x", undefined, { teamId: ids.payments });
    expect(view.json).toMatchObject({ covered: 3, percent: 100, busFactor: [] });
    session.user = null;
  });

  it("lists organisation gaps with the teams that lack the skill", async () => {
    as("ADMIN");
    await call(putNeeds, "PUT", "/x", { skillIds: [ids.Kafka] }, { teamId: ids.search });
    as("VIEWER");
    const gaps = await call(getGaps, "GET", "/x");
    expect(gaps.json.gaps).toEqual([
      { skillId: ids.Kafka, name: "Kafka", teamsNeeding: 2, uncoveredTeams: [{ id: ids.search, name: "Search" }], proficientPeopleInOrg: 2 },
    ]);
    session.user = null;
  });
});

describe("AI adoption", () => {
  const seats = JSON.parse(readFileSync(path.join(process.cwd(), "lib/testing/fixtures/github/copilot-seats-list.json"), "utf8")) as unknown;

  it("parses the Copilot seat list and asks about teams whose slug matches none", async () => {
    as("ADMIN");
    const dry = await call(postCopilot, "POST", "/x", { seats, asOf: "2021-10-14", dryRun: true });
    expect(dry.json).toMatchObject({
      dryRun: true, seatsWithoutTeam: 1, rows: 0,
      teams: [{ copilotTeam: "justice-league", teamId: null, via: "none", rows: 1 }],
    });
    expect(await db.aiUsage.count()).toBe(0);
  });

  it("imports seats and a users report into AiUsage rows for the mapped team", async () => {
    const report = [
      { day: "2021-10-13", user_login: "octocat", code_generation_activity_count: 10, code_acceptance_activity_count: 4 },
      { day: "2021-10-14", user_login: "octocat", code_generation_activity_count: 6, code_acceptance_activity_count: 0 },
      { day: "2021-10-14", user_login: "octokitten", code_generation_activity_count: 3 },
    ].map((r) => JSON.stringify(r)).join("\n");
    const res = await call(postCopilot, "POST", "/x", { seats, report, asOf: "2021-10-14", teamMap: { "justice-league": ids.search } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ rows: 2, created: 2, teams: [{ copilotTeam: "justice-league", teamId: ids.search, via: "mapping" }] });
    const rows = (await call(getAiUsage, "GET", `/api/v1/ai-usage?team=${ids.search}`)).json.rows;
    expect(rows).toEqual([
      // 14 Oct: 1 seat, octocat active in the 7 days; the report adds 6 suggestions, 0 acceptances (not engaged).
      expect.objectContaining({ tool: "copilot", date: "2021-10-14", seats: 1, activeUsers: 1, engagedUsers: 0, suggestions: 6, acceptances: 0 }),
      expect.objectContaining({ tool: "copilot", date: "2021-10-13", seats: null, activeUsers: 1, engagedUsers: 1, suggestions: 10, acceptances: 4 }),
    ]);
    session.user = null;
  });

  it("stores adoption as active users ÷ seats and reach as active users ÷ headcount", async () => {
    const res = await call(postAiUsage, "POST", "/api/v1/ai-usage", [
      { tool: "cursor", team: "search", date: "2026-03-03", seats: 4, activeUsers: 1 },
      { tool: "cursor", team: "search", date: "2026-03-04", activeUsers: 3 },
    ], {}, ingestToken);
    expect(res.status).toBe(200);
    // Busiest day 3 of 4 seats = 75%; 3 of 4 people (headcount) = 75%.
    expect(await metricValue("ai_adoption", "search", WEEK)).toEqual({ value: 75, numerator: 3, denominator: 4, source: "COMPUTED" });
    expect(await metricValue("ai_reach", "search", WEEK)).toMatchObject({ value: 75, numerator: 3, denominator: 4 });
  });
});

describe("experiments", () => {
  let experimentId = "";

  it("lets a manager log an experiment only for their own teams", async () => {
    const body = {
      title: "Pairing Fridays", hypothesis: "Pairing lifts learning.", owner: "Ana", teamIds: [ids.payments], startDate: "2026-02-02",
      endDate: "2026-02-22", expectations: [{ metricKey: "learning_hours", direction: "up" }],
    };
    as("MANAGER", [ids.search]);
    expect((await call(postExperiment, "POST", "/x", body)).status).toBe(403);
    as("VIEWER");
    expect((await call(postExperiment, "POST", "/x", body)).status).toBe(403);
    as("MANAGER", [ids.payments]);
    const res = await call(postExperiment, "POST", "/x", body);
    expect(res.status).toBe(200);
    experimentId = res.json.id as string;
    // Running in the three weeks from 2 February; weeks outside its span are not touched.
    expect(await metricValue("experiments_active", "payments", "2026-02-02")).toMatchObject({ value: 1, source: "COMPUTED" });
    expect(await metricValue("experiments_active", "payments", "2026-02-16")).toMatchObject({ value: 1, source: "COMPUTED" });
    expect(await metricValue("experiments_active", "payments", "2026-02-23")).toBeNull();
    session.user = null;
  });

  it("gives markers for the scopes holding its teams only", async () => {
    as("VIEWER");
    const team = await call(getMarkers, "GET", `/api/v1/experiments/markers?scope=team:${ids.payments}`);
    expect(team.json.markers).toEqual([
      { date: "2026-02-02", label: "▶ Pairing Fridays" },
      { date: "2026-02-22", label: "■ Pairing Fridays" },
    ]);
    expect((await call(getMarkers, "GET", `/api/v1/experiments/markers?scope=team:${ids.search}`)).json.markers).toEqual([]);
    session.user = null;
  });

  it("compares the experiment teams' change with the other teams' change over the same weeks", async () => {
    const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key: "learning_hours" } });
    await db.metricValue.deleteMany({ where: { metricId: metric.id } });
    const put = (team: string, week: string, value: number) => ({ metricId: metric.id, teamId: ids[team], weekStart: new Date(week), value, source: "SEED" as const });
    // Windows: during = 3 weeks from 2 Feb; before = the 3 weeks before.
    await db.metricValue.createMany({
      data: [
        put("payments", "2026-01-12", 1), put("payments", "2026-01-19", 1), put("payments", "2026-01-26", 1),
        put("payments", "2026-02-02", 3), put("payments", "2026-02-09", 4), put("payments", "2026-02-16", 5),
        put("search", "2026-01-19", 2), put("search", "2026-02-09", 2.5),
      ],
    });
    await refreshAllRollups();
    as("VIEWER");
    const res = await call(getReadout, "GET", "/x", undefined, { id: experimentId });
    session.user = null;
    expect(res.json.before).toEqual({ start: "2026-01-12", end: "2026-01-26" });
    expect(res.json.after).toEqual({ start: "2026-02-02", end: "2026-02-16" });
    const [readout] = res.json.metrics as { comparison: { experiment: unknown; control: unknown; net: number }; asExpected: boolean }[];
    // Experiment 1 → 4 (+3); other teams 2 → 2.5 (+0.5); net +2.5, as expected (up).
    expect(readout.comparison.experiment).toEqual({ teams: 1, before: 1, after: 4, change: 3 });
    expect(readout.comparison.control).toEqual({ teams: 1, before: 2, after: 2.5, change: 0.5 });
    expect(readout.comparison.net).toBe(2.5);
    expect(readout.asExpected).toBe(true);
    expect(res.json.caveat).toMatch(/^Correlation, not cause/);
  });
});
