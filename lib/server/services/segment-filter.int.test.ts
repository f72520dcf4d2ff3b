import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getSeriesCsv } from "@/app/api/v1/exports/series/route";
import { GET as getOverviewRoute } from "@/app/api/v1/overview/route";
import { addDays, weekStartOf } from "@/lib/domain/time";
import type { OverviewResponse, SeriesPoint } from "@/lib/metrics/series-types";
import { createApiToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { deliveryQuery } from "@/lib/validation/delivery";
import { resolveDeliveryScope } from "./delivery/scope";
import { refreshAllRollups } from "./rollups";
import { getMetricSeries, getOverview } from "./overview";

/**
 * Group Platform {Payments (London), Search (London, vendor)}; group Product {Mobile (Berlin, acquired from
 * Acme), Web (Berlin), Data (Lisbon, nearshore)}. This week:
 *   deployments   Payments 10, Search 4, Mobile 7, Web 3, Data 5
 *   psych_safety  respondents 6, 3, 3, 6, 4 (score sums 30, 18, 15, 24, 22) — 22 in the org
 *   enps          respondents 6, 6, 8, 6, 5 (promoters − detractors 2, 1, 4, 0, 2)
 *   headcount     8, 6, 7, 9, 4
 */
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => null })); // API token only

// The data is in the last complete week (people numbers of the running week are not shown until it is over).
const now = new Date("2026-03-26T12:00:00Z");
const week = addDays(weekStartOf(now), -7);
const ids: Record<string, string> = {};
let token = "";

async function put(key: string, values: Record<string, [number, number?, number?]>) {
  const metricId = (await db.metricDefinition.findUniqueOrThrow({ where: { key } })).id;
  await db.metricValue.createMany({
    data: Object.entries(values).map(([team, [value, numerator, denominator]]) => ({ metricId, teamId: ids[team], weekStart: new Date(week), value, numerator, denominator, source: "SEED" as const })),
  });
}

beforeAll(async () => {
  const platform = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  const product = await db.group.create({ data: { name: "Product", slug: "product" } });
  ids.platform = platform.id;
  ids.product = product.id;
  const team = async (slug: string, data: { groupId: string; location: string; sourcing?: "VENDOR" | "NEARSHORE"; origin?: "ACQUIRED"; acquisitionName?: string }) =>
    (ids[slug] = (await db.team.create({ data: { name: slug[0].toUpperCase() + slug.slice(1), slug, ...data } })).id);
  await team("payments", { groupId: platform.id, location: "London" });
  await team("search", { groupId: platform.id, location: "London", sourcing: "VENDOR" });
  await team("mobile", { groupId: product.id, location: "Berlin", origin: "ACQUIRED", acquisitionName: "Acme" });
  await team("web", { groupId: product.id, location: "Berlin" });
  await team("data", { groupId: product.id, location: "Lisbon", sourcing: "NEARSHORE" });
  await put("deployments", { payments: [10], search: [4], mobile: [7], web: [3], data: [5] });
  await put("psych_safety", { payments: [5, 30, 6], search: [6, 18, 3], mobile: [5, 15, 3], web: [4, 24, 6], data: [5.5, 22, 4] });
  await put("enps", { payments: [33.3, 200, 6], search: [16.7, 100, 6], mobile: [50, 400, 8], web: [0, 0, 6], data: [40, 200, 5] });
  await put("headcount", { payments: [8], search: [6], mobile: [7], web: [9], data: [4] });
  await refreshAllRollups();
  token = (await createApiToken({ name: "dashboards", scopes: ["read"] })).token;
});

const thisWeek = (points: SeriesPoint[]) => points.find((p) => p.period === week);

async function series(metrics: string[], filter: Record<string, string>, scope = "org") {
  const res = await getMetricSeries({ viewer: { seesClassifications: true },  scope, range: "12w", granularity: "week", metrics, now, ...filter });
  return Object.fromEntries(res.series.map((s) => [s.metric.key, thisWeek(s.points)]));
}

async function call(handler: unknown, url: string) {
  const request = new NextRequest(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } });
  return (handler as (r: NextRequest, c: { params: Promise<object> }) => Promise<Response>)(request, { params: Promise.resolve({}) });
}

describe("filtered dashboards", () => {
  it("combine the matching teams as a group roll-up would (sums, ratios of sums)", async () => {
    const london = await series(["deployments", "psych_safety"], { location: "London" });
    expect(london.deployments?.value).toBe(14);
    expect(london.psych_safety?.value).toBeCloseTo(48 / 9, 6);
    expect((await series(["deployments"], { sourcing: "ONSHORE" })).deployments?.value).toBe(20); // Payments, Mobile, Web
    expect((await series(["deployments"], { origin: "acquired:Acme" })).deployments?.value).toBe(7);
    expect((await series(["deployments"], { origin: "organic", location: "Berlin" })).deployments?.value).toBe(3); // Web
    expect((await series(["deployments"], { location: "Berlin" }, `group:${ids.product}`)).deployments?.value).toBe(10);
    expect((await series(["deployments"], { location: "London" }, `group:${ids.product}`)).deployments?.value).toBeNull();
  });

  it("equal the unfiltered group when the filter keeps all its teams", async () => {
    const filtered = await getMetricSeries({ viewer: { seesClassifications: true },  scope: `group:${ids.platform}`, location: "London", range: "12w", granularity: "week", metrics: ["deployments", "psych_safety"], now });
    const plain = await getMetricSeries({ viewer: { seesClassifications: true },  scope: `group:${ids.platform}`, range: "12w", granularity: "week", metrics: ["deployments", "psych_safety"], now });
    expect(filtered.filter).toEqual({ label: "Location: London", teamCount: 2 });
    expect(plain.filter).toBeNull();
    expect(thisWeek(filtered.series[0].points)?.value).toBe(thisWeek(plain.series[0].points)?.value);
    expect(thisWeek(filtered.series[1].points)?.value).toBeCloseTo(thisWeek(plain.series[1].points)?.value as number, 9);
  });

  it("withhold a survey metric for 4 respondents and show it for 5", async () => {
    const lisbon = await series(["psych_safety", "enps", "deployments"], { location: "Lisbon" });
    expect(lisbon.psych_safety).toMatchObject({ value: null, withheld: "too-few" });
    expect(lisbon.enps?.value).toBeCloseTo(40, 6);
    expect(lisbon.deployments?.value).toBe(5);
  });

  it("decide a set of teams once, whatever scope and filter name it, and never let a small team be subtracted out", async () => {
    // Organic = the org minus Mobile's 3 respondents: withheld, whichever team Mobile is pooled with.
    expect((await series(["psych_safety"], { origin: "organic" })).psych_safety).toMatchObject({ value: null, withheld: "differencing" });
    // Product's Berlin teams and the org's Berlin teams are the same two teams: one answer for both.
    const inProduct = (await series(["psych_safety"], { location: "Berlin" }, `group:${ids.product}`)).psych_safety;
    const inOrg = (await series(["psych_safety"], { location: "Berlin" })).psych_safety;
    expect(inProduct).toEqual(inOrg);
    // Product (13) is shown only if Data (4) and Mobile (3) are not told apart from it by the Berlin view.
    const product = (await getMetricSeries({ viewer: { seesClassifications: true }, scope: `group:${ids.product}`, range: "12w", granularity: "week", metrics: ["psych_safety"], now })).series[0];
    if (thisWeek(product.points)?.value !== null && inOrg?.value !== null) throw new Error("Product and its Berlin teams both shown: Data's 4 answers are Product − Berlin");
  });

  it("apply the small-group rule to people metrics", async () => {
    expect((await series(["headcount"], { location: "Lisbon" })).headcount).toMatchObject({ value: null, withheld: "too-few" });
    // Onshore (24) = the org (34) − Search (6, vendor, shown on its own) − Data (4): it would expose Data.
    expect((await series(["headcount"], { sourcing: "ONSHORE" })).headcount).toMatchObject({ value: null, withheld: "differencing" });
    expect((await series(["headcount"], {})).headcount?.value).toBe(34);
  });

  it("show the filter on the overview and give no teams for a value nobody has", async () => {
    const overview = await getOverview({ viewer: { seesClassifications: true },  scope: "org", location: "London", range: "12w", granularity: "week", now });
    expect(overview.filter).toEqual({ label: "Location: London", teamCount: 2 });
    const nowhere = await getOverview({ viewer: { seesClassifications: true },  scope: "org", location: "Atlantis", range: "12w", granularity: "week", now });
    expect(nowhere.filter).toEqual({ label: "Location: Atlantis", teamCount: 0 });
    expect(nowhere.pillars.flatMap((p) => p.series).every((s) => s.points.every((pt) => pt.value === null))).toBe(true);
  });
});

describe("GET /api/v1/overview and the series export with filters", () => {
  it("validates each filter and names the bad parameter", async () => {
    const res = await call(getOverviewRoute, "/api/v1/overview?sourcing=MOON");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { path: string }[] };
    expect(body.issues.map((i) => i.path)).toContain("sourcing");
    const origin = await call(getOverviewRoute, "/api/v1/overview?origin=bought");
    expect(((await origin.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain("origin");
  });

  it("answers an unknown location with an empty filtered view, not an error", async () => {
    const res = await call(getOverviewRoute, "/api/v1/overview?location=Atlantis&range=12w");
    expect(res.status).toBe(200);
    expect(((await res.json()) as OverviewResponse).filter?.teamCount).toBe(0);
  });

  it("exports the filtered points as shown, withheld ones without a number", async () => {
    const res = await call(getSeriesCsv, "/api/v1/exports/series?location=Lisbon&range=2y&granularity=week&metrics=deployments,psych_safety");
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split(/\r\n/);
    expect(lines[0]).toBe("scope,filter,metric,period,label,value,withheld,teams,unit,shown,complete");
    const row = (metric: string) => lines.find((l) => l.includes(`,${metric},${week},`))?.split(",");
    expect(row("deployments")?.slice(1, 8)).toEqual(["Location: Lisbon", "deployments", week, expect.any(String), "5", "", "1"]);
    expect(row("psych_safety")?.slice(5, 7)).toEqual(["", "too-few"]);
    expect(row("deployments")?.slice(8, 11)).toEqual(["count", "5", "yes"]);
    // The week still running is exported, and says it is "so far".
    expect(lines.filter((l) => l.includes(",deployments,")).at(-1)).toMatch(/,so far$/);
  });
});

describe("delivery scope with filters", () => {
  it("keeps the scope's teams in the segments, and their services", async () => {
    const [api, app] = await Promise.all([
      db.service.create({ data: { name: "payments-api", teamId: ids.payments } }),
      db.service.create({ data: { name: "mobile-app", teamId: ids.mobile } }),
    ]);
    const london = await resolveDeliveryScope({ location: "London" });
    expect(london.teamIds.sort()).toEqual([ids.payments, ids.search].sort());
    expect(london.serviceIds).toEqual([api.id]);
    expect(london.filter).toEqual({ label: "Location: London", teamCount: 2 });
    const acquired = await resolveDeliveryScope({ group: "product", origin: "acquired" });
    expect(acquired.serviceIds).toEqual([app.id]);
    expect((await resolveDeliveryScope({ team: "payments", location: "Berlin" })).teamIds).toEqual([]);
  });

  it("refuses a filter on a single service, naming the parameter", () => {
    const parsed = deliveryQuery.safeParse({ service: "payments-api", location: "London" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["service"]);
  });
});
