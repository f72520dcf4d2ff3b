import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addDays, weekStartOf } from "@/lib/domain/time";
import { createApiToken } from "@/lib/server/auth/tokens";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { publishSnapshot } from "@/lib/server/disclosure/surveys";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { refreshAllRollups } from "@/lib/server/services/rollups";
import { generateLinks } from "@/lib/server/services/engagement/invitations";
import { submitAnswers } from "@/lib/server/services/engagement/respond";
import { createRun } from "@/lib/server/services/engagement/runs";
import { createSurvey } from "@/lib/server/services/engagement/surveys";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";

/**
 * Rule 1 of ../shared/spec/disclosure.md, tested over every route rather than a list of them: the test finds
 * every GET handler under app/api, serves them all over HTTP, and reads each one as every role and as an API
 * token, with the parameters that point at a tiny team. The tiny team's survey comment (in a run only it answered)
 * and its survey and people values carry marker numbers no other data has, and no group that holds them may be
 * shown; a route that returns any of them has bypassed the disclosure policy. A new route is covered the day it
 * is added.
 */
let actingAs: SessionUser | null = null;
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => actingAs }));

const ROOT = path.resolve(import.meta.dirname, "../../..");
/** The database backup is the database itself (admin-only): whoever may take it can read every table anyway. */
const NOT_VIEWS = new Set(["/api/v1/admin/backup"]);
const MARKERS = ["CANARY comment 7f3e", "37.4521", "63.8197"];

function discoverRoutes(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts" && /export const GET\b/.test(fs.readFileSync(full, "utf8"))) out.push(full);
    }
  };
  walk(path.join(ROOT, "app/api"));
  // Static segments before dynamic ones, as Next.js matches them (`/metrics/series` before `/metrics/[id]`).
  const order = (r: string) => r.replace(/\[/g, "~");
  return out
    .map((f) => "/" + path.relative(path.join(ROOT, "app"), path.dirname(f)).split(path.sep).join("/"))
    .filter((r) => !r.includes("[...") && !NOT_VIEWS.has(r))
    .sort((a, b) => (order(a) < order(b) ? -1 : 1));
}

const routes = discoverRoutes();
let host: HttpHost;
let token = "";
const ids: Record<string, string> = {};
const NOW = new Date();
const WEEK = addDays(weekStartOf(NOW), -14);

beforeAll(async () => {
  const handlers: Record<string, Parameters<typeof serveRoutes>[0][string]> = {};
  for (const r of routes) handlers[`GET ${r}`] = ((await import(`@/app${r}/route`)) as { GET: Parameters<typeof serveRoutes>[0][string] }).GET;
  host = await serveRoutes(handlers);

  const group = await db.group.create({ data: { name: "Engineering", slug: "engineering" } });
  ids.group = group.id;
  const team = async (slug: string) => (ids[slug] = (await db.team.create({ data: { name: slug, slug, groupId: group.id, location: "Berlin" } })).id);
  await team("tiny");
  await team("big");
  await team("huge");
  // The tiny team: a run only it answered (2 answers, one with a comment), a survey value entered for its 2
  // respondents, and a people value no other team has — marker numbers that no group may ever show.
  const survey = await createSurvey(SYSTEM_ACTOR, { title: "Pulse", templates: ["enps"], excludeItems: [], items: [{ kind: "text", text: "Anything else?" }] });
  ids.survey = survey.id;
  const commentItem = ((await db.survey.findUniqueOrThrow({ where: { id: survey.id } })).items as { id: string; kind: string }[]).find((i) => i.kind === "text")?.id ?? "comment";
  const answer = async (runId: string, slug: string, n: number, extra: Record<string, string> = {}) => {
    const out = await generateLinks(SYSTEM_ACTOR, null, runId, { seats: [{ teamId: ids[slug], count: n }], teamIds: [ids[slug]] }, "http://x", NOW);
    for (const l of out.links) await submitAnswers(l.url.split("/s/")[1], { enps: slug === "tiny" ? 3 : 9, ...extra }, NOW);
  };
  const dates = { opensOn: addDays(WEEK, -7), closesOn: addDays(weekStartOf(NOW), 6), repeat: "none" as const, groupIds: [] };
  const shared = await createRun(SYSTEM_ACTOR, survey.id, { ...dates, teamIds: [ids.big, ids.huge] });
  await answer(shared.id, "big", 9);
  await answer(shared.id, "huge", 12);
  await publishSnapshot(SYSTEM_ACTOR, shared.id, { final: true, now: NOW });
  const alone = await createRun(SYSTEM_ACTOR, survey.id, { ...dates, teamIds: [ids.tiny] });
  ids.run = alone.id;
  await answer(alone.id, "tiny", 2, { [commentItem]: MARKERS[0] });
  await publishSnapshot(SYSTEM_ACTOR, alone.id, { final: true, now: NOW });
  const metric = async (key: string) => (await db.metricDefinition.findUniqueOrThrow({ where: { key } })).id;
  ids.enps = await metric("enps");
  ids.turnover = await metric("turnover_rate");
  await db.metricValue.createMany({
    data: [
      { metricId: await metric("psych_safety"), teamId: ids.tiny, weekStart: new Date(WEEK), value: 37.4521, numerator: 74.9042, denominator: 2, source: "IMPORT" },
      { metricId: ids.turnover, teamId: ids.tiny, weekStart: new Date(WEEK), value: 63.8197, numerator: 1.914591, denominator: 3, source: "MANUAL" },
    ],
  });
  const headcount = await metric("headcount");
  await db.metricValue.createMany({ data: (["tiny", "big", "huge"] as const).map((slug, i) => ({ metricId: headcount, teamId: ids[slug], weekStart: new Date(WEEK), value: [3, 9, 12][i], source: "SEED" as const })) });
  await refreshAllRollups();
  token = (await createApiToken({ name: "reader", scopes: ["read"] })).token;
});

afterAll(async () => {
  await host?.close();
});

const ACTORS: { name: string; user: SessionUser | null; bearer: boolean }[] = [
  { name: "viewer", user: { id: "v", email: "v@example.test", name: "V", role: "VIEWER", managedTeamIds: [] }, bearer: false },
  { name: "the tiny team's manager", user: { id: "m", email: "m@example.test", name: "M", role: "MANAGER", managedTeamIds: [] }, bearer: false },
  { name: "leader", user: { id: "l", email: "l@example.test", name: "L", role: "LEADER", managedTeamIds: [] }, bearer: false },
  { name: "admin", user: { id: "a", email: "a@example.test", name: "A", role: "ADMIN", managedTeamIds: [] }, bearer: false },
  { name: "read token", user: null, bearer: true },
];

function urlsFor(route: string): string[] {
  const candidates: Record<string, string[]> = {
    runId: [ids.run], teamId: [ids.tiny], id: [ids.survey, ids.enps, ids.turnover, ids.tiny], employeeId: ["T1"], table: ["teams", "groups", "metric-values"],
    kind: ["metric-values", "survey-aggregates"], externalId: ["1"],
  };
  let paths = [route];
  for (const [, name] of route.matchAll(/\[(\w+)\]/g)) {
    paths = paths.flatMap((p) => (candidates[name] ?? ["x"]).map((v) => p.replace(`[${name}]`, encodeURIComponent(v))));
  }
  const metrics = "psych_safety,turnover_rate,enps,headcount";
  const queries = [
    "",
    new URLSearchParams({ scope: `team:${ids.tiny}`, team: ids.tiny, teamId: ids.tiny, metrics, metric: ids.turnover, week: WEEK, range: "12w", granularity: "week", segment: "team", period: "week", from: addDays(WEEK, -7), to: addDays(WEEK, 7), items: `team:${ids.tiny},team:${ids.big}` }).toString(),
    new URLSearchParams({ scope: `group:${ids.group}`, metrics, metric: ids.enps, team: ids.tiny, week: WEEK, format: "csv", range: "2y", granularity: "month" }).toString(),
  ];
  return paths.flatMap((p) => queries.map((q) => (q ? `${p}?${q}` : p)));
}

describe("every readable route goes through the disclosure policy", () => {
  it("discovers the app's GET routes", () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes).toContain("/api/v1/surveys/runs/[runId]/results");
  });

  it("never returns the tiny team's comment or marker values, to any role or token", async () => {
    const leaks: string[] = [];
    let answered = 0;
    for (const actor of ACTORS) {
      actingAs = actor.user;
      for (const route of routes) {
        for (const url of urlsFor(route)) {
          const res = await fetch(`${host.url}${url}`, { headers: actor.bearer ? { authorization: `Bearer ${token}` } : {} });
          expect(res.status, `${actor.name} GET ${url}`).toBeLessThan(500);
          const body = await res.text();
          if (res.status === 200) answered++;
          for (const marker of MARKERS) if (body.includes(marker)) leaks.push(`${actor.name}: GET ${url} returns ${marker}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    // The reads reach real data (an always-refusing harness would pass trivially).
    expect(answered).toBeGreaterThan(routes.length);
  }, 600_000);

  it("does show the markers' groups where the policy allows: the whole organisation", async () => {
    actingAs = ACTORS[0].user;
    const res = await fetch(`${host.url}/api/v1/metrics/series?${new URLSearchParams({ scope: "org", metrics: "headcount", range: "12w", granularity: "week" })}`);
    const body = (await res.json()) as { series: { points: { period: string; value: number | null }[] }[] };
    expect(body, JSON.stringify(body)).toHaveProperty("series");
    expect(body.series[0].points.find((p) => p.period === WEEK)?.value).toBe(24);
  });
});
