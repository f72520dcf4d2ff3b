import { beforeAll, describe, expect, it } from "vitest";
import { addDays, weekStartOf } from "@/lib/domain/time";
import { db } from "@/lib/server/db";
import type { DisclosureViewer } from "@/lib/server/disclosure/viewer";
import { refreshAllRollups } from "./rollups";
import { getOverview } from "./overview";
import { getStatusGrid } from "./status-grid";

/** Group Platform {Payments, Search} and group Product {Mobile}; Search is too small for people numbers. */
const now = new Date("2026-03-19T12:00:00Z");
const week = weekStartOf(now);
const viewer: DisclosureViewer = { seesClassifications: false };
const ids: Record<string, string> = {};

async function put(metric: string, team: string, weekStart: string, value: number, numerator?: number, denominator?: number) {
  const metricId = (await db.metricDefinition.findUniqueOrThrow({ where: { key: metric } })).id;
  await db.metricValue.create({ data: { metricId, teamId: ids[team]!, weekStart: new Date(weekStart), value, numerator, denominator, source: "SEED" } });
}

beforeAll(async () => {
  const platform = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  const product = await db.group.create({ data: { name: "Product", slug: "product" } });
  ids.platform = platform.id;
  for (const [name, groupId] of [["Payments", platform.id], ["Search", platform.id], ["Mobile", product.id]] as const) {
    ids[name.toLowerCase()] = (await db.team.create({ data: { name, slug: name.toLowerCase(), groupId, location: "London" } })).id;
  }
  for (let i = 1; i <= 6; i++) {
    const w = addDays(week, -7 * i);
    await put("deployments", "payments", w, 10 + i);
    await put("deployments", "search", w, 4);
    await put("deployments", "mobile", w, 20 - i);
    await put("headcount", "payments", w, 12);
    await put("headcount", "search", w, 3);
    await put("headcount", "mobile", w, 9);
  }
  const deployments = (await db.metricDefinition.findUniqueOrThrow({ where: { key: "deployments" } })).id;
  await db.target.create({ data: { metricId: deployments, scopeType: "ORG", green: 15, amber: 8, effectiveFrom: new Date("2026-01-01") } });
  await refreshAllRollups();
});

describe("status grid", () => {
  it("shows, for every team and headline metric, exactly what that team's own overview shows", async () => {
    const grid = await getStatusGrid({ scope: "org", granularity: "week", viewer, now });
    expect(grid.rows.map((r) => r.scope.name)).toEqual([grid.scope.name, "Payments", "Search", "Mobile"]);
    for (const row of grid.rows) {
      const scope = row.scope.type === "ORG" ? "org" : `team:${row.scope.id}`;
      const overview = await getOverview({ scope, range: "12w", granularity: "week", viewer, now });
      const series = new Map(overview.pillars.flatMap((p) => p.series).map((s) => [s.metric.key, s]));
      expect(row.cells.map((c) => c.metricKey)).toEqual(grid.metrics.map((m) => m.key));
      for (const cell of row.cells) {
        const s = series.get(cell.metricKey);
        expect([row.scope.name, cell.metricKey, cell.value, cell.period, cell.status]).toEqual([row.scope.name, cell.metricKey, s?.latest?.value ?? null, s?.latest?.period ?? null, s?.latest ? (s.target?.status ?? null) : null]);
      }
    }
  });

  it("colours by the target and reads the trend in the metric's direction", async () => {
    const grid = await getStatusGrid({ scope: "org", granularity: "week", viewer, now });
    const cell = (team: string) => grid.rows.find((r) => r.scope.name === team)!.cells.find((c) => c.metricKey === "deployments")!;
    expect(cell("Mobile")).toMatchObject({ status: "green", trend: "up", improving: true });
    expect(cell("Payments")).toMatchObject({ status: "amber", trend: "down", improving: false });
    expect(cell("Search")).toMatchObject({ value: 4, status: "red", trend: "flat", improving: null });
  });

  it("withholds a small team's people numbers cell by cell, with the reason and no number", async () => {
    const grid = await getStatusGrid({ scope: "org", granularity: "week", viewer, now });
    const headcount = (team: string) => grid.rows.find((r) => r.scope.name === team)!.cells.find((c) => c.metricKey === "headcount");
    expect(headcount("Search")).toMatchObject({ value: null, withheld: "too-few" });
    // Search is pooled with another team so that it cannot be recovered by subtraction from the organisation.
    expect(grid.rows.slice(1).filter((r) => headcount(r.scope.name)?.value === null).length).toBeGreaterThanOrEqual(2);
    expect(headcount(grid.scope.name)?.value).toBe(24);
    for (const row of grid.rows) for (const c of row.cells) if (c.withheld) expect(c.value).toBeNull();
  });

  it("narrows to a group's teams", async () => {
    const grid = await getStatusGrid({ scope: `group:${ids.platform}`, granularity: "month", viewer, now });
    expect(grid.rows.map((r) => r.scope.name)).toEqual(["Platform", "Payments", "Search"]);
  });
});
