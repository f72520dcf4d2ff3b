import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getFullExport } from "@/app/api/v1/exports/full/route";
import { GET as getMetricValuesExport } from "@/app/api/v1/exports/metric-values/route";
import { GET as getHistory } from "@/app/api/v1/metric-values/history/route";
import { GET as getRetention } from "@/app/api/v1/retention/route";
import { GET as getResults } from "@/app/api/v1/surveys/runs/[runId]/results/route";
import { findDerivableSmallSet } from "@/lib/disclosure/derivability";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db, sqlRunner } from "@/lib/server/db";
import { publishSnapshot } from "@/lib/server/disclosure/surveys";
import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { getMetricSeries } from "@/lib/server/services/overview";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import { writeBackup } from "@/lib/server/services/backup";
import type { RetentionReport } from "@/lib/retention/api-types";
import { savePeopleRecords } from "@/lib/server/services/retention/save-records";
import { refreshAllRollups } from "@/lib/server/services/rollups";
import { generateLinks } from "@/lib/server/services/engagement/invitations";
import { submitAnswers } from "@/lib/server/services/engagement/respond";
import type { RunResults } from "@/lib/engagement/api-types";
import { createRun } from "@/lib/server/services/engagement/runs";
import { createSurvey } from "@/lib/server/services/engagement/surveys";
import type { PersonRecord } from "@/lib/validation/people";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";

/**
 * The leaks found by trying Pillars as an attacker would, one test each, over real HTTP: filtered survey results
 * subtracted from each other, retention segmentations subtracted from each other, exports and value history below
 * the floor, a known leaver's classification, and answers matched to invitations by their order in a backup.
 */
let actingAs: SessionUser | null = null;
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => actingAs }));

const VIEWER: SessionUser = { id: "viewer", email: "viewer@example.test", name: "Viewer", role: "VIEWER", managedTeamIds: [] };
const LEADER: SessionUser = { id: "leader", email: "leader@example.test", name: "Leader", role: "LEADER", managedTeamIds: [] };
const ADMIN: SessionUser = { id: "admin", email: "admin@example.test", name: "Admin", role: "ADMIN", managedTeamIds: [] };
const NOW = new Date("2026-03-18T12:00:00Z");

let host: HttpHost;
const ids: Record<string, string> = {};

async function read<T>(path: string, as: SessionUser): Promise<T> {
  actingAs = as;
  const res = await fetch(`${host.url}${path}`);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (res.headers.get("content-type") ?? "").includes("json") ? ((await res.json()) as T) : ((await res.text()) as T);
}

beforeAll(async () => {
  host = await serveRoutes({
    "GET /api/v1/surveys/runs/[runId]/results": getResults,
    "GET /api/v1/exports/metric-values": getMetricValuesExport,
    "GET /api/v1/exports/full": getFullExport,
    "GET /api/v1/metric-values/history": getHistory,
    "GET /api/v1/retention": getRetention,
  });
  const g = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  const h = await db.group.create({ data: { name: "Product", slug: "product" } });
  ids.platform = g.id;
  ids.product = h.id;
  const team = async (slug: string, groupId: string, location: string, sourcing: "ONSHORE" | "OFFSHORE") =>
    (ids[slug] = (await db.team.create({ data: { name: slug, slug, groupId, location, sourcing } })).id);
  // Platform: x (2 answers, onshore, Berlin), y (6, onshore, Berlin), z (6, onshore, London), v (7, offshore, Berlin).
  await team("x", g.id, "Berlin", "ONSHORE");
  await team("y", g.id, "Berlin", "ONSHORE");
  await team("z", g.id, "London", "ONSHORE");
  await team("v", g.id, "Berlin", "OFFSHORE");
  await team("w", h.id, "Lisbon", "OFFSHORE");
});

afterAll(async () => {
  await host.close();
});

describe("filtered survey results cannot be subtracted into a hidden team", () => {
  it("withholds enough of group × sourcing, group × location and the teams that x's 2 answers never show", async () => {
    const survey = await createSurvey(SYSTEM_ACTOR, { title: "eNPS", templates: ["enps"], excludeItems: [], items: [] });
    const run = await createRun(SYSTEM_ACTOR, survey.id, { opensOn: "2026-03-16", closesOn: "2026-03-20", repeat: "none", teamIds: [ids.x, ids.y, ids.z, ids.v], groupIds: [] });
    const counts: Record<string, number> = { x: 2, y: 6, z: 6, v: 7 };
    for (const [slug, n] of Object.entries(counts)) {
      const out = await generateLinks(SYSTEM_ACTOR, null, run.id, { seats: [{ teamId: ids[slug], count: n }], teamIds: [ids[slug]] }, "http://x", NOW);
      for (const [i, l] of out.links.entries()) await submitAnswers(l.url.split("/s/")[1], { enps: slug === "x" ? 0 : 9 - (i % 3) }, NOW);
    }
    await publishSnapshot(SYSTEM_ACTOR, run.id, { final: true, now: NOW });
    const shown: string[][] = [];
    const teamsOf = (u: { id: string | null; type: string }) => (u.type === "team" ? [u.id as string] : u.type === "org" || u.type === "group" ? [ids.x, ids.y, ids.z, ids.v] : []);
    const attacks: [Record<string, string>, string[]][] = [
      [{ group: ids.platform, sourcing: "ONSHORE" }, [ids.x, ids.y, ids.z]],
      [{ group: ids.platform, location: "London" }, [ids.z]],
      [{ group: ids.platform, location: "Berlin" }, [ids.x, ids.y, ids.v]],
      [{ sourcing: "OFFSHORE" }, [ids.v]],
      [{}, []],
    ];
    for (const [filter, teams] of attacks) {
      const r = await read<RunResults>(`/api/v1/surveys/runs/${run.id}/results?${new URLSearchParams(filter)}`, VIEWER);
      for (const u of [r.org, ...r.groups, ...r.teams]) if (u.shown) shown.push(teamsOf(u));
      if (r.filter?.shown) shown.push(teams);
      expect(JSON.stringify(r)).not.toMatch(/"respondents":2\b/);
    }
    const cells = new Map(Object.entries(counts).map(([slug, n]) => [ids[slug], n]));
    expect(findDerivableSmallSet(shown, cells, 5)).toBeNull();
    // And the organisation is still shown: suppression withholds what it must, not everything.
    expect(shown.some((s) => s.length === 4)).toBe(true);
  });
});

function person(employeeId: string, team: string, extra: Partial<PersonRecord> = {}): PersonRecord {
  return {
    employeeId, team, level: "L2", roleFamily: null, location: null, sourcing: null, managerEmployeeId: null,
    employments: [{ hireDate: "2022-01-03", exitDate: null, exitType: null, regretted: false, exitReason: null }], ...extra,
  };
}

describe("people numbers", () => {
  beforeAll(async () => {
    // Platform: v (7 people), x (4, one promoted in March); Product: w (8, one left regretted on 10 March).
    const records = [
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => person(`V${n}`, "v")),
      ...[1, 2, 3].map((n) => person(`X${n}`, "x")),
      person("X4", "x", { level: "L3", promotions: [{ date: "2026-03-11", fromLevel: "L2", toLevel: "L3" }] }),
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => person(`W${n}`, "w")),
      person("W8", "w", { employments: [{ hireDate: "2022-01-03", exitDate: "2026-03-10", exitType: "voluntary", regretted: true, exitReason: "Better offer" }] }),
    ];
    await db.careerLevel.createMany({ data: [{ key: "L2", name: "Engineer II", track: "IC", order: 2 }, { key: "L3", name: "Senior", track: "IC", order: 3 }] });
    await savePeopleRecords(SYSTEM_ACTOR, records);
    await refreshAllRollups();
  });

  it("retention by group and by team never subtract into the team of four (its promotion stays hidden)", async () => {
    const shown: string[][] = [];
    const params = { period: "month", from: "2026-03-01", to: "2026-03-31" };
    const byGroup = await read<RetentionReport>(`/api/v1/retention?${new URLSearchParams({ ...params, segment: "group" })}`, VIEWER);
    const byTeam = await read<RetentionReport>(`/api/v1/retention?${new URLSearchParams({ ...params, segment: "team" })}`, VIEWER);
    const teamsOfGroup: Record<string, string[]> = { [ids.platform]: [ids.v, ids.x], [ids.product]: [ids.w] };
    for (const r of byGroup.rows) if (!r.suppressed) shown.push(r.segment === "org" ? [ids.v, ids.x, ids.w] : teamsOfGroup[r.segment]);
    for (const r of byTeam.rows) if (!r.suppressed) shown.push(r.segment === "org" ? [ids.v, ids.x, ids.w] : [r.segment]);
    expect(findDerivableSmallSet(shown, new Map([[ids.v, 7], [ids.x, 4], [ids.w, 8]]), 5)).toBeNull();
    expect(byTeam.rows.find((r) => r.segment === ids.x)?.suppressed).toBe("too-few");
    // x's promotion is visible only inside groups that hold x pooled with v (the organisation, Platform).
    const promoted = [...byGroup.rows, ...byTeam.rows].filter((r) => r.metrics?.promotions === 1).map((r) => r.segment);
    expect(promoted.length).toBeGreaterThan(0);
    expect(promoted.every((s) => s === "org" || s === ids.platform)).toBe(true);
  });

  it("shows a single leaver's classification to leaders only (rule 5)", async () => {
    const params = new URLSearchParams({ segment: "team", period: "week", from: "2026-03-09", to: "2026-03-15" });
    const viewer = await read<RetentionReport>(`/api/v1/retention?${params}`, VIEWER);
    const w = viewer.rows.find((r) => r.segment === ids.w);
    expect(w?.metrics?.separations).toBe(1);
    expect(w).toMatchObject({ classified: false, metrics: { voluntary: null, regretted: null, regrettedRate: null } });
    const leader = await read<RetentionReport>(`/api/v1/retention?${params}`, LEADER);
    expect(leader.rows.find((r) => r.segment === ids.w)).toMatchObject({ classified: true, metrics: { voluntary: 1, regretted: 1 } });
  });

  it("withholds a single leaver's regretted attrition on viewers' dashboards, and shows it to leaders (rule 5)", async () => {
    const series = async (as: SessionUser) => {
      const { series } = await getMetricSeries({ scope: `team:${ids.w}`, metrics: ["regretted_attrition", "turnover_rate"], range: "12w", granularity: "week", now: NOW, viewer: disclosureViewer(as) });
      const week = (key: string) => series.find((s) => s.metric.key === key)?.points.find((p) => p.period === "2026-03-09");
      return { regretted: week("regretted_attrition"), turnover: week("turnover_rate") };
    };
    const viewer = await series(VIEWER);
    // The separation's count is released (w is a block of 8); how it is classified is not, to a viewer.
    expect(viewer.turnover?.value).toBeGreaterThan(0);
    expect(viewer.regretted).toMatchObject({ value: null, withheld: "classification" });
    const leader = await series(LEADER);
    expect(leader.regretted?.value).toBeGreaterThan(0);
    expect(leader.regretted?.withheld).toBeUndefined();
  });

  it("keeps the people floor in exports even with the survey threshold at 3", async () => {
    await db.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, anonymityThreshold: 3 }, update: { anonymityThreshold: 3 } });
    const csv = await read<string>(`/api/v1/exports/metric-values?metrics=headcount,turnover_rate,promotion_rate&from=2026-03-02&to=2026-03-23`, VIEWER);
    expect(csv).not.toMatch(/^x,/m);
    const { metricValues: values } = await read<{ metricValues: { team: string; metric: string }[] }>(`/api/v1/exports/full`, ADMIN);
    expect(values.filter((v) => v.team === "x" && ["headcount", "turnover_rate", "promotion_rate"].includes(v.metric))).toEqual([]);
    // The bigger teams are still exported: the floor withholds the small team and what would expose it.
    expect(values.some((v) => v.team === "w" && v.metric === "headcount")).toBe(true);
    await db.orgSettings.update({ where: { id: 1 }, data: { anonymityThreshold: 5 } });
  });

  it("judges a run's participation by its respondents, in exports too", async () => {
    const participation = await db.metricDefinition.findUniqueOrThrow({ where: { key: "participation" } });
    // 2 of 10 answered in w: participation rests on 2 people.
    await db.metricValue.create({ data: { metricId: participation.id, teamId: ids.w, weekStart: new Date("2026-03-02"), value: 20, numerator: 2, denominator: 10, source: "IMPORT" } });
    const csv = await read<string>(`/api/v1/exports/metric-values?metrics=participation`, VIEWER);
    expect(csv).not.toContain("participation,2026-03-02");
  });

  it("hides a survey score entered for 2 respondents from its value history", async () => {
    const enps = await db.metricDefinition.findUniqueOrThrow({ where: { key: "enps" } });
    await db.metricValue.create({ data: { metricId: enps.id, teamId: ids.y, weekStart: new Date("2026-03-09"), value: -100, numerator: -200, denominator: 2, source: "IMPORT" } });
    await recordAudit(SYSTEM_ACTOR, { action: "update", entityType: "MetricValue", entityId: `${enps.id}:${ids.y}:2026-03-09`, summary: "imported", before: null, after: { value: -100, denominator: 2 } });
    const { history } = await read<{ history: { after: unknown }[] }>(`/api/v1/metric-values/history?${new URLSearchParams({ metric: enps.id, team: ids.y, week: "2026-03-09" })}`, VIEWER);
    expect(history).toHaveLength(1);
    expect(JSON.stringify(history)).not.toContain("-100");
    expect(history[0].after).toEqual({ withheld: "Too few people to show" });
  });
});

describe("unlinkable answers (rule 6)", () => {
  it("keeps no used invitation, and a backup does not list answers in the order they arrived", async () => {
    const survey = await createSurvey(SYSTEM_ACTOR, { title: "Order", templates: ["enps"], excludeItems: [], items: [] });
    const run = await createRun(SYSTEM_ACTOR, survey.id, { opensOn: "2026-03-16", closesOn: "2026-03-20", repeat: "none", teamIds: [ids.w], groupIds: [] });
    const out = await generateLinks(SYSTEM_ACTOR, null, run.id, { seats: [{ teamId: ids.w, count: 12 }], teamIds: [ids.w] }, "http://x", NOW);
    const order = out.links.map((_, i) => i % 11);
    for (const [i, l] of out.links.entries()) await submitAnswers(l.url.split("/s/")[1], { enps: order[i] }, NOW);
    expect(await db.surveyInvitation.count({ where: { runId: run.id } })).toBe(0);
    const lines: string[] = [];
    await writeBackup(await sqlRunner(), (chunk) => void lines.push(...chunk.split("\n")));
    const backedUp = lines.filter((l) => l.startsWith("SurveyResponse\t")).map((l) => JSON.parse(l.slice(l.indexOf("\t") + 1)) as { runId: string; answers: { enps: number } }).filter((r) => r.runId === run.id);
    expect(backedUp).toHaveLength(12);
    expect(backedUp.map((r) => r.answers.enps)).not.toEqual(order);
  });
});
