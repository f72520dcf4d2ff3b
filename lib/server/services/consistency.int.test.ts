import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getDelivery } from "@/app/api/v1/delivery/route";
import { GET as getMetricValuesExport } from "@/app/api/v1/exports/metric-values/route";
import { GET as getSeries } from "@/app/api/v1/metrics/series/route";
import { GET as getOverview } from "@/app/api/v1/overview/route";
import { GET as getResults } from "@/app/api/v1/surveys/runs/[runId]/results/route";
import { addDays } from "@/lib/domain/time";
import type { MetricSeries, OverviewResponse, SeriesPoint } from "@/lib/metrics/series-types";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import type { RunResults, UnitResult } from "@/lib/engagement/api-types";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";
import { seedDemo } from "@/prisma/seed/demo";

/**
 * One truth per number (presentation.md rule 7), over real HTTP on the demo organisation: the same metric, scope and
 * complete period reads the same on the overview, the pillar pages' APIs, survey results and the CSV export.
 */
let actingAs: SessionUser | null = null;
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => actingAs }));

const LEADER: SessionUser = { id: "leader", email: "leader@example.test", name: "Leader", role: "LEADER", managedTeamIds: [] };
const VIEWER: SessionUser = { id: "viewer", email: "viewer@example.test", name: "Viewer", role: "VIEWER", managedTeamIds: [] };

let host: HttpHost;

async function read<T>(path: string, as: SessionUser): Promise<T> {
  actingAs = as;
  const res = await fetch(`${host.url}${path}`);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (res.headers.get("content-type") ?? "").includes("json") ? ((await res.json()) as T) : ((await res.text()) as T);
}

/** The export's rows as { team, metric, week, value }. */
async function exported(query: Record<string, string>, as: SessionUser) {
  const text = await read<string>(`/api/v1/exports/metric-values?${new URLSearchParams(query)}`, as);
  const [, ...lines] = text.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
  return lines.map((line) => {
    const [team, metric, week, value] = line.split(",");
    return { team, metric, week, value: Number(value) };
  });
}

const seriesOf = (overview: OverviewResponse, key: string): MetricSeries => {
  const found = overview.pillars.flatMap((p) => p.series).find((s) => s.metric.key === key);
  if (!found) throw new Error(`no ${key} on the overview`);
  return found;
};
const scoreOf = (unit: UnitResult, key: string) => (unit.shown ? (unit.indexes.find((i) => i.key === key)?.score ?? null) : null);

beforeAll(async () => {
  host = await serveRoutes({
    "GET /api/v1/overview": getOverview,
    "GET /api/v1/metrics/series": getSeries,
    "GET /api/v1/delivery": getDelivery,
    "GET /api/v1/surveys/runs/[runId]/results": getResults,
    "GET /api/v1/exports/metric-values": getMetricValuesExport,
  });
  // The routes read the clock, so the demo is anchored on it too.
  await seedDemo(db, { now: new Date() });
}, 600_000);

afterAll(async () => {
  await host.close();
});

describe("the same metric, scope and complete period reads the same everywhere", () => {
  it("deployments of the last complete week: overview, series, delivery page, CSV export — for a team and the organisation", async () => {
    const team = await db.team.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { slug: "asc" }, select: { id: true, slug: true } });
    const overview = await read<OverviewResponse>(`/api/v1/overview?scope=team:${team.id}&range=12w&granularity=week`, LEADER);
    const latest = seriesOf(overview, "deployments").latest;
    expect(latest).not.toBeNull();
    const { period, value } = latest as NonNullable<MetricSeries["latest"]>;
    const series = await read<{ series: MetricSeries[] }>(`/api/v1/metrics/series?scope=team:${team.id}&metrics=deployments&range=12w&granularity=week`, LEADER);
    expect(series.series[0].latest).toMatchObject({ period, value });
    const delivery = await read<{ deploymentFrequency: { count: number } }>(`/api/v1/delivery?team=${team.slug}&from=${period}&to=${addDays(period, 6)}`, LEADER);
    expect(delivery.deploymentFrequency.count).toBe(value);
    expect(await exported({ scope: `team:${team.id}`, metrics: "deployments", from: period, to: period }, LEADER)).toEqual([
      { team: team.slug, metric: "deployments", week: period, value },
    ]);

    const org = seriesOf(await read<OverviewResponse>(`/api/v1/overview?scope=org&range=12w&granularity=week`, LEADER), "deployments").latest;
    expect(org?.period).toBe(period);
    const rows = await exported({ scope: "org", metrics: "deployments", from: period, to: period }, LEADER);
    expect(rows.reduce((n, r) => n + r.value, 0)).toBe(org?.value);
    const orgDelivery = await read<{ deploymentFrequency: { count: number } }>(`/api/v1/delivery?from=${period}&to=${addDays(period, 6)}`, LEADER);
    expect(orgDelivery.deploymentFrequency.count).toBe(org?.value);
  });

  it("eNPS of the last three published survey runs: overview and series equal the run's results, and the export shows a team exactly when they do", async () => {
    const runs = await db.surveySnapshot.findMany({ where: { final: true }, select: { runId: true, week: true }, orderBy: { week: "desc" }, take: 3 });
    expect(runs.length).toBe(3);
    const overview = await read<OverviewResponse>(`/api/v1/overview?scope=org&range=6m&granularity=week`, VIEWER);
    const teams = await db.team.findMany({ where: { archivedAt: null }, select: { id: true, slug: true } });
    let shownTeams = 0;
    for (const { runId, week } of runs) {
      const day = week.toISOString().slice(0, 10);
      const results = await read<RunResults>(`/api/v1/surveys/runs/${runId}/results`, VIEWER);
      const point = seriesOf(overview, "enps").points.find((p) => p.period === day) as SeriesPoint;
      expect(point.withheld === undefined).toBe(results.org.shown);
      if (results.org.shown) expect(point.value).toBeCloseTo(scoreOf(results.org, "enps") as number, 9);
      const rows = await exported({ scope: "org", metrics: "enps", from: day, to: day }, VIEWER);
      for (const team of teams) {
        const unit = results.teams.find((u) => u.id === team.id);
        if (!unit) continue;
        const series = await read<{ series: MetricSeries[] }>(`/api/v1/metrics/series?scope=team:${team.id}&metrics=enps&range=6m&granularity=week`, VIEWER);
        const teamPoint = series.series[0].points.find((p) => p.period === day) as SeriesPoint;
        const row = rows.find((r) => r.team === team.slug);
        expect(teamPoint.withheld === undefined, team.slug).toBe(unit.shown);
        expect(row !== undefined, team.slug).toBe(unit.shown);
        if (unit.shown) {
          shownTeams += 1;
          expect(teamPoint.value, team.slug).toBeCloseTo(scoreOf(unit, "enps") as number, 9);
          expect(row?.value, team.slug).toBeCloseTo(scoreOf(unit, "enps") as number, 9);
        }
      }
    }
    expect(shownTeams).toBeGreaterThan(0);
  });
});
